import { describe, expect, it } from 'vitest';
import { planChanges } from '../../src/reconcile/plan.js';
import { planIsEmpty, type Action } from '../../src/reconcile/actions.js';
import { clientTokenFor } from '../../src/reconcile/identity.js';
import { dg, ds, dv, lg, ls, lvFrom } from '../helpers/builders.js';

const noPrune = { prune: false };
const kinds = (actions: readonly Action[]) => actions.map((a) => `${a.kind} ${a.address}`);

describe('planChanges: groups', () => {
  it('creates a missing group, its policy, then its versions one after another in declared order', () => {
    const a = dv('iris', 'a');
    const b = dv('iris', 'b');
    const plan = planChanges(ds([dg('iris', [a, b], { tags: { team: 'ml' }, policy: { Version: '2012-10-17' } })]), ls([]), noPrune);
    expect(kinds(plan.actions)).toEqual([
      'create-group group iris',
      'put-group-policy policy iris',
      'create-version version iris/a',
      'create-version version iris/b',
    ]);
    const [group, policy, createA, createB] = plan.actions;
    expect(policy?.dependsOn).toEqual([group?.id]);
    expect(createA?.dependsOn).toEqual([group?.id]);
    expect(createB?.dependsOn).toEqual([createA?.id]);
    expect(plan.summary).toEqual({ create: 4, adopt: 0, update: 0, delete: 0, blocked: 0 });
    if (group?.kind !== 'create-group') throw new Error('expected create-group');
    expect(group.tags).toEqual({ team: 'ml' });
  });

  it('plans nothing for a converged group', () => {
    const a = dv('iris', 'a', { approval: 'Approved', customerMetadata: { owner: 'alice' } });
    const plan = planChanges(ds([dg('iris', [a], { tags: { team: 'ml' } })]), ls([lg('iris', [lvFrom(a, 1)], { tags: { team: 'ml' } })]), noPrune);
    expect(planIsEmpty(plan)).toBe(true);
    expect(plan.unmanaged).toEqual([]);
  });

  it('makes tags an exact match but leaves aws: and sagemaker: tags alone', () => {
    const live = lg('iris', [], { tags: { team: 'old', stale: 'x', 'aws:cloudformation:stack-name': 's', 'sagemaker:project-id': 'p' } });
    const plan = planChanges(ds([dg('iris', [], { tags: { team: 'ml', env: 'prod' } })]), ls([live]), noPrune);
    expect(plan.actions).toHaveLength(1);
    const [action] = plan.actions;
    if (action?.kind !== 'update-group-tags') throw new Error('expected update-group-tags');
    expect(action.set).toEqual({ team: 'ml', env: 'prod' });
    expect(action.remove).toEqual(['stale']);
    expect(action.changes.map((c) => c.field)).toEqual(['tags.env', 'tags.stale', 'tags.team']);
  });

  it('compares policies as JSON, not text: key order is not drift', () => {
    const declared = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['sagemaker:DescribeModelPackage'] }] };
    const liveSame = { Statement: [{ Action: ['sagemaker:DescribeModelPackage'], Effect: 'Allow' }], Version: '2012-10-17' };
    expect(planIsEmpty(planChanges(ds([dg('iris', [], { policy: declared })]), ls([lg('iris', [], { policy: liveSame })]), noPrune))).toBe(true);

    const liveOther = { ...liveSame, Statement: [{ Action: ['sagemaker:*'], Effect: 'Allow' }] };
    const plan = planChanges(ds([dg('iris', [], { policy: declared })]), ls([lg('iris', [], { policy: liveOther })]), noPrune);
    expect(plan.actions.map((a) => a.kind)).toEqual(['put-group-policy']);
    expect(plan.summary.update).toBe(1);
  });

  it('leaves a live policy alone when the spec declares none', () => {
    const plan = planChanges(ds([dg('iris')]), ls([lg('iris', [], { policy: { Version: '2012-10-17' } })]), noPrune);
    expect(planIsEmpty(plan)).toBe(true);
  });

  it('blocks a changed group description, pointing at the description line', () => {
    const plan = planChanges(ds([dg('iris', [], { description: 'new' })]), ls([lg('iris', [], { description: 'old' })]), noPrune);
    expect(plan.blocked).toMatchObject([
      { address: 'group iris', reason: 'IMMUTABLE_FIELD', changes: [{ field: 'description', before: 'old', after: 'new' }], loc: { line: 4 } },
    ]);
  });
});

describe('planChanges: versions', () => {
  it('updates only the approval, sending the full desired mutable state', () => {
    const live = dv('iris', 'a', { customerMetadata: { owner: 'alice' } });
    const desired = { ...live, approval: 'Approved' as const, approvalDescription: 'ship it' };
    const plan = planChanges(ds([dg('iris', [desired])]), ls([lg('iris', [lvFrom(live, 3)])]), noPrune);
    expect(plan.actions).toHaveLength(1);
    const [action] = plan.actions;
    if (action?.kind !== 'update-version') throw new Error('expected update-version');
    expect(action.version).toBe(3);
    expect(action.changes).toEqual([
      { field: 'approval', before: 'PendingManualApproval', after: 'Approved' },
      { field: 'approvalDescription', before: undefined, after: 'ship it' },
    ]);
    expect(action.update).toEqual({
      arn: 'arn:aws:sagemaker:us-east-1:123456789012:model-package/iris/3',
      approval: 'Approved',
      approvalDescription: 'ship it',
      customerMetadata: { owner: 'alice', 'reg:id': 'a' },
      removeMetadataKeys: [],
    });
    expect(plan.summary).toEqual({ create: 0, adopt: 0, update: 1, delete: 0, blocked: 0 });
  });

  it('makes customer metadata an exact match: added, changed and removed keys', () => {
    const desired = dv('iris', 'a', { customerMetadata: { owner: 'bob', team: 'ml' } });
    const live = lvFrom(desired, 1, { customerMetadata: { owner: 'alice', stale: 'x', 'reg:id': 'a' } });
    const [action] = planChanges(ds([dg('iris', [desired])]), ls([lg('iris', [live])]), noPrune).actions;
    if (action?.kind !== 'update-version') throw new Error('expected update-version');
    expect(action.changes).toEqual([
      { field: 'customerMetadata.owner', before: 'alice', after: 'bob' },
      { field: 'customerMetadata.stale', before: 'x', after: undefined },
      { field: 'customerMetadata.team', before: undefined, after: 'ml' },
    ]);
    expect(action.update.removeMetadataKeys).toEqual(['stale']);
  });

  it.each([
    ['image', { image: 'other:1' }],
    ['modelDataUrl', { modelDataUrl: 's3://other/model.tar.gz' }],
    ['description', { description: 'changed' }],
    ['environment', { environment: { A: '1' } }],
    ['metrics', { metrics: { modelQuality: { statistics: { s3Uri: 's3://m/s.json', contentType: 'application/json' } } } }],
    ['source', { source: { commitId: 'abc' } }],
    ['imageDigest', { imageDigest: `sha256:${'a'.repeat(64)}` }],
  ])('blocks a change to the immutable field %s and plans nothing else for that version', (field, change) => {
    const base = dv('iris', 'a');
    const desired = { ...base, ...change, approval: 'Approved' as const };
    const plan = planChanges(ds([dg('iris', [desired])]), ls([lg('iris', [lvFrom(base, 1)])]), noPrune);
    expect(plan.actions).toEqual([]);
    expect(plan.blocked).toHaveLength(1);
    expect(plan.blocked[0]).toMatchObject({ address: 'version iris/a', version: 1, reason: 'IMMUTABLE_FIELD' });
    expect(plan.blocked[0]?.changes.map((c) => c.field)).toEqual([field]);
    expect(plan.summary.blocked).toBe(1);
  });

  it('does not treat a digest SageMaker filled in, list order, or blank strings as drift', () => {
    const desired = dv('iris', 'a', { contentTypes: ['text/csv', 'application/json'], description: '' });
    const live = lvFrom(desired, 1, { imageDigest: `sha256:${'b'.repeat(64)}`, contentTypes: ['application/json', 'text/csv'], approvalDescription: '' });
    expect(planIsEmpty(planChanges(ds([dg('iris', [desired])]), ls([lg('iris', [live])]), noPrune))).toBe(true);
  });

  it('adopts an unmanaged live version with the same image and model data, recording the id', () => {
    const desired = dv('iris', 'a', { approval: 'Approved' });
    const { 'reg:id': _, ...metadata } = lvFrom(desired, 2).customerMetadata;
    const live = lvFrom(desired, 2, { customerMetadata: metadata, approval: 'PendingManualApproval' });
    const plan = planChanges(ds([dg('iris', [desired])]), ls([lg('iris', [live])]), noPrune);
    expect(plan.actions).toHaveLength(1);
    const [action] = plan.actions;
    if (action?.kind !== 'adopt-version') throw new Error('expected adopt-version');
    expect(action.version).toBe(2);
    expect(action.changes).toEqual([
      { field: 'approval', before: 'PendingManualApproval', after: 'Approved' },
      { field: 'customerMetadata.reg:id', before: undefined, after: 'a' },
    ]);
    expect(action.update.customerMetadata).toEqual({ 'reg:id': 'a' });
    expect(plan.summary).toEqual({ create: 0, adopt: 1, update: 0, delete: 0, blocked: 0 });
  });

  it('never adopts a version another id already owns, and registers instead', () => {
    const owned = dv('iris', 'a');
    const twin = dv('iris', 'b', { image: owned.image, modelDataUrl: owned.modelDataUrl });
    const plan = planChanges(ds([dg('iris', [owned, twin])]), ls([lg('iris', [lvFrom(owned, 1)])]), noPrune);
    expect(kinds(plan.actions)).toEqual(['create-version version iris/b']);
  });

  it('blocks an adoption that matches several unmanaged versions, and never prunes them', () => {
    const desired = dv('iris', 'a');
    const bare = (n: number) => lvFrom(desired, n, { customerMetadata: {} });
    const state = ls([lg('iris', [bare(1), bare(2)])], new Map());
    const plan = planChanges(ds([dg('iris', [desired])]), state, { prune: true });
    expect(plan.blocked).toMatchObject([{ reason: 'AMBIGUOUS_ADOPTION', candidates: [1, 2] }]);
    expect(plan.actions).toEqual([]);
    expect(plan.unmanaged.map((u) => [u.version, u.pruned])).toEqual([[1, false], [2, false]]);
  });

  it('reports undeclared live versions as unmanaged and leaves them alone without --prune', () => {
    const a = dv('iris', 'a');
    const stray = lvFrom(dv('iris', 'old'), 1);
    const plan = planChanges(ds([dg('iris', [a])]), ls([lg('iris', [stray, lvFrom(a, 2)])]), noPrune);
    expect(planIsEmpty(plan)).toBe(true);
    expect(plan.unmanaged).toMatchObject([{ group: 'iris', version: 1, versionId: 'old', pruned: false }]);
  });

  it('prunes unmanaged versions only with --prune, never one an endpoint serves', () => {
    const a = dv('iris', 'a');
    const stray = lvFrom(dv('iris', 'x', { image: 'x:1' }), 1);
    const served = lvFrom(dv('iris', 'y', { image: 'y:1' }), 2);
    const inUse = new Map([[served.arn.toLowerCase(), ['iris-prod']]]);
    const plan = planChanges(ds([dg('iris', [a])]), ls([lg('iris', [stray, served, lvFrom(a, 3)])], inUse), { prune: true });
    expect(kinds(plan.actions)).toEqual(['delete-version version iris v1']);
    expect(plan.actions[0]?.destructive).toBe(true);
    expect(plan.unmanaged).toMatchObject([
      { version: 1, pruned: true, servedBy: [] },
      { version: 2, pruned: false, servedBy: ['iris-prod'] },
    ]);
    expect(plan.summary.delete).toBe(1);
  });

  it('refuses to prune without knowing which versions endpoints serve', () => {
    expect(() => planChanges(ds([dg('iris')]), ls([lg('iris')]), { prune: true })).toThrow(/endpoints/);
  });

  it('keeps the oldest of two live versions carrying one id and reports the other as unmanaged', () => {
    const a = dv('iris', 'a');
    const plan = planChanges(ds([dg('iris', [a])]), ls([lg('iris', [lvFrom(a, 5), lvFrom(a, 2)])]), noPrune);
    expect(planIsEmpty(plan)).toBe(true);
    expect(plan.unmanaged.map((u) => u.version)).toEqual([5]);
  });

  it('ignores versions being deleted and blocks Failed ones', () => {
    const a = dv('iris', 'a');
    const b = dv('iris', 'b');
    const plan = planChanges(
      ds([dg('iris', [a, b])]),
      ls([lg('iris', [lvFrom(a, 1, { status: 'Deleting' }), lvFrom(b, 2, { status: 'Failed' })])]),
      noPrune,
    );
    expect(kinds(plan.actions)).toEqual(['create-version version iris/a']);
    expect(plan.blocked).toMatchObject([{ address: 'version iris/b', reason: 'VERSION_FAILED' }]);
    expect(plan.unmanaged).toEqual([]);
  });

  it('carries the live status so apply can wait out a version still registering', () => {
    const a = dv('iris', 'a');
    const plan = planChanges(ds([dg('iris', [{ ...a, approval: 'Approved' }])]), ls([lg('iris', [lvFrom(a, 1, { status: 'InProgress' })])]), noPrune);
    expect(plan.actions[0]).toMatchObject({ kind: 'update-version', liveStatus: 'InProgress' });
  });

  it('notes declared endpoints, which this stage does not deploy', () => {
    const state = { ...ds([dg('iris')]), endpoints: [{ name: 'e', model: { group: 'iris', version: 'a' }, role: 'r', tags: {}, loc: { file: 'f', line: 1, col: 1 }, fieldLocs: {} }] };
    expect(planChanges(state, ls([lg('iris')]), noPrune).notes).toHaveLength(1);
  });
});

describe('clientTokenFor', () => {
  it('is deterministic, fits SageMaker’s ClientToken pattern, ignores mutable fields and changes with content', () => {
    const a = dv('iris', 'a');
    const token = clientTokenFor(a);
    expect(token).toMatch(/^[a-zA-Z0-9-]{1,36}$/);
    expect(clientTokenFor({ ...a })).toBe(token);
    expect(clientTokenFor({ ...a, approval: 'Approved', customerMetadata: { x: 'y' } })).toBe(token);
    expect(clientTokenFor({ ...a, image: 'other' })).not.toBe(token);
    expect(clientTokenFor({ ...a, id: 'b' })).not.toBe(token);
    expect(clientTokenFor({ ...a, group: 'other' })).not.toBe(token);
  });
});
