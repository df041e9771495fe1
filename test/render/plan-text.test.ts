import { describe, expect, it } from 'vitest';
import { planChanges } from '../../src/reconcile/plan.js';
import { renderPlanText, summaryLine } from '../../src/render/plan-text.js';
import { renderPlanJson } from '../../src/render/plan-json.js';
import { dg, ds, dv, lg, ls, lvFrom } from '../helpers/builders.js';

function mixedPlan() {
  const kept = dv('churn', 'k', { customerMetadata: { owner: 'alice' } });
  const promoted = { ...kept, approval: 'Approved' as const, customerMetadata: { owner: 'bob' } };
  const moved = dv('churn', 'm');
  const stray = lvFrom(dv('churn', 'gone', { image: 'gone:1' }), 1);
  return planChanges(
    ds([
      dg('iris', [dv('iris', 'a', { approval: 'Approved', description: 'first' })], { tags: { team: 'ml' } }),
      dg('churn', [promoted, { ...moved, image: 'new:2' }]),
    ]),
    ls([lg('churn', [stray, lvFrom(kept, 2), lvFrom(moved, 3)])], new Map()),
    { prune: true },
  );
}

describe('renderPlanText', () => {
  it('prints each resource with its symbol, fields, before -> after, blocked items, unmanaged and the summary', () => {
    expect(renderPlanText(mixedPlan(), { color: false })).toMatchInlineSnapshot(`
      "reg will perform the following actions:

        + group iris will be created  spec.yaml:3:7
            + tags.team: "ml"

        + version iris/a will be registered  spec.yaml:10:7
            + description:   "first"
            + image:         "123456789012.dkr.ecr.us-east-1.amazonaws.com/iris:a"
            + modelDataUrl:  "s3://models/iris/a/model.tar.gz"
            + contentTypes:  ["text/csv"]
            + responseTypes: ["text/csv"]
            + approval:      "Approved"

        ~ version churn/k (v2) will be updated in place  spec.yaml:10:7
            ~ approval:               "PendingManualApproval" -> "Approved"
            ~ customerMetadata.owner: "alice" -> "bob"

        - version churn v1 (reg:id gone) will be deleted [destructive: --prune]

      Blocked: reg cannot converge these in place (apply refuses unless --skip-blocked):

        ! version churn/m (v3): immutable field changed  spec.yaml:12:7
            ~ image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/churn:m" -> "new:2"
            A registered version cannot change image; declare a new version id with the new values (and keep or remove this one).

      Unmanaged versions in declared groups (not in the spec; left alone unless --prune):
        churn v1 (PendingManualApproval, reg:id gone) — will be deleted

      Plan: 2 to create, 1 to update, 1 to delete, 1 blocked.
      "
    `);
  });

  it('says so when there is nothing to do', () => {
    const a = dv('iris', 'a');
    const text = renderPlanText(planChanges(ds([dg('iris', [a])]), ls([lg('iris', [lvFrom(a, 1)])]), { prune: false }), { color: false });
    expect(text).toMatchInlineSnapshot(`
      "No changes. The registry matches the spec.
      "
    `);
  });

  it('colours only when asked', () => {
    expect(renderPlanText(mixedPlan(), { color: false })).not.toMatch(/\u001b\[/);
    expect(renderPlanText(mixedPlan(), { color: true })).toMatch(/\u001b\[/);
  });

  it('names adoptions in the summary only when there are some', () => {
    expect(summaryLine({ create: 2, adopt: 0, update: 1, delete: 0, blocked: 1 })).toBe('Plan: 2 to create, 1 to update, 0 to delete, 1 blocked.');
    expect(summaryLine({ create: 0, adopt: 3, update: 0, delete: 0, blocked: 0 })).toBe('Plan: 0 to create, 3 to adopt, 0 to update, 0 to delete, 0 blocked.');
  });
});

describe('renderPlanJson', () => {
  it('prints the versioned document with every action, its dependencies and destructive flag', () => {
    const doc = JSON.parse(renderPlanJson(mixedPlan()));
    expect(doc.formatVersion).toBe(1);
    expect(doc.hasChanges).toBe(true);
    expect(doc.summary).toEqual({ create: 2, adopt: 0, update: 1, delete: 1, blocked: 1 });
    expect(doc.actions.map((a: { kind: string }) => a.kind)).toEqual(['create-group', 'create-version', 'update-version', 'delete-version']);
    expect(doc.actions.at(-1)).toMatchObject({ kind: 'delete-version', destructive: true, version: 1 });
    expect(doc.actions[1].dependsOn).toEqual([doc.actions[0].id]);
  });
});

describe('schemas/plan.schema.json', () => {
  it('accepts the documents reg prints and rejects a wrong formatVersion', async () => {
    const { readFileSync } = await import('node:fs');
    const { Ajv } = await import('ajv');
    const schema = JSON.parse(readFileSync(new URL('../../schemas/plan.schema.json', import.meta.url), 'utf8'));
    const validate = new Ajv({ allErrors: true }).compile(schema);
    const doc = JSON.parse(renderPlanJson(mixedPlan()));
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...doc, formatVersion: 2 })).toBe(false);
    expect(validate({ ...doc, actions: [{ ...doc.actions[0], kind: 'explode' }] })).toBe(false);
  });
});

describe('policy changes', () => {
  it('show the policy as a line diff of sorted-key JSON, so only what changed is marked', () => {
    const statement = (sid: string) => ({ Sid: sid, Effect: 'Allow', Action: 'sagemaker:DescribeModelPackage' });
    const plan = planChanges(
      ds([dg('iris', [], { policy: { Version: '2012-10-17', Statement: [statement('New')] } })]),
      ls([lg('iris', [], { policy: { Statement: [statement('Old')], Version: '2012-10-17' } })]),
      { prune: false },
    );
    expect(renderPlanText(plan, { color: false })).toMatchInlineSnapshot(`
      "reg will perform the following actions:

        ~ policy iris will be updated (compared as JSON)  spec.yaml:6:7
              {
                "Statement": [
                  {
                    "Action": "sagemaker:DescribeModelPackage",
                    "Effect": "Allow",
            -       "Sid": "Old"
            +       "Sid": "New"
                  }
                ],
                "Version": "2012-10-17"
              }

      Plan: 0 to create, 1 to update, 0 to delete, 0 blocked.
      "
    `);
  });
});

describe('diffLines', () => {
  it('keeps common lines and marks removals before additions', async () => {
    const { diffLines } = await import('../../src/render/line-diff.js');
    expect(diffLines(['a', 'b', 'c'], ['a', 'x', 'c', 'd']).map((d) => `${d.op}${d.text}`)).toEqual([' a', '-b', '+x', ' c', '+d']);
    expect(diffLines([], ['a']).map((d) => d.op)).toEqual(['+']);
  });
});

describe('a version to be registered', () => {
  it('shows everything that will be frozen, a metrics report as its URI unless it has more than the default content type', () => {
    const metrics = {
      modelQuality: { statistics: { s3Uri: 's3://m/stats.json', contentType: 'application/json' } },
      explainability: { report: { s3Uri: 's3://m/shap.csv', contentType: 'text/csv' } },
    };
    const v = dv('iris', 'a', { environment: { SAGEMAKER_PROGRAM: 'inference.py' }, metrics, source: { commitId: 'abc123' } });
    const text = renderPlanText(planChanges(ds([dg('iris', [v])]), ls([lg('iris')]), { prune: false }), { color: false });
    expect(text).toMatch(/\+ environment\.SAGEMAKER_PROGRAM: +"inference\.py"/);
    expect(text).toMatch(/\+ metrics\.modelQuality\.statistics: +"s3:\/\/m\/stats\.json"\n/);
    expect(text).toMatch(/\+ metrics\.explainability\.report: +\{"s3Uri":"s3:\/\/m\/shap\.csv","contentType":"text\/csv"\}/);
    expect(text).toMatch(/\+ source\.commitId: +"abc123"/);
    expect(text).not.toMatch(/reg:id/);
  });
});
