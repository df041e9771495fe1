/** The normalized DesiredState: defaults, shorthand expansion, policy files, locations. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/spec/load.js';
import type { DesiredState } from '../../src/spec/types.js';

async function load(files: Record<string, string>, paths = Object.keys(files).filter((f) => f.endsWith('.yaml'))): Promise<DesiredState> {
  const cwd = mkdtempSync(path.join(tmpdir(), 'reg-norm-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(cwd, name)), { recursive: true });
    writeFileSync(path.join(cwd, name), content);
  }
  const result = await loadSpec(paths, { cwd });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics, null, 2));
  return result.state;
}

const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/m:1';

describe('defaults', () => {
  it('fills in approval, empty lists and maps, and leaves absent optionals out', async () => {
    const state = await load({ 'r.yaml': `apiVersion: reg/v1\ngroups:\n  - name: g\n    versions:\n      - id: v1\n        image: ${IMAGE}\n` });
    const g = state.groups[0]!;
    expect(g).toMatchObject({ name: 'g', tags: {} });
    expect('policy' in g).toBe(false);
    expect('description' in g).toBe(false);
    const v = g.versions[0]!;
    expect(v).toMatchObject({
      id: 'v1',
      group: 'g',
      image: IMAGE,
      approval: 'PendingManualApproval',
      environment: {},
      customerMetadata: {},
      contentTypes: [],
      responseTypes: [],
      realtimeInstanceTypes: [],
      transformInstanceTypes: [],
    });
    for (const k of ['metrics', 'source', 'imageDigest', 'modelDataUrl', 'framework', 'approvalDescription']) expect(k in v).toBe(false);
    expect(state.endpoints).toEqual([]);
    expect(state.files).toEqual(['r.yaml']);
  });

  it('defaults instanceCount to 1 for instance endpoints only', async () => {
    const state = await load({
      'r.yaml': `apiVersion: reg/v1
groups:
  - name: g
    versions:
      - { id: v1, image: "${IMAGE}", approval: Approved }
endpoints:
  - { name: a, model: { group: g, version: v1 }, role: "arn:aws:iam::123456789012:role/R", instanceType: ml.m5.large }
  - { name: b, model: { group: g, version: latest-approved }, role: "arn:aws:iam::123456789012:role/R", serverless: { memorySizeMB: 2048, maxConcurrency: 4 }, deployment: { strategy: all-at-once } }
`,
    });
    const [a, b] = state.endpoints;
    expect(a).toMatchObject({ instanceType: 'ml.m5.large', instanceCount: 1, tags: {} });
    expect('serverless' in a!).toBe(false);
    expect(b).toMatchObject({ serverless: { memorySizeMB: 2048, maxConcurrency: 4 }, model: { group: 'g', version: 'latest-approved' }, deployment: { strategy: 'all-at-once', rollbackAlarms: [] } });
    expect('instanceCount' in b!).toBe(false);
  });
});

describe('metrics', () => {
  it('expands the s3:// shorthand to application/json and keeps explicit sources', async () => {
    const state = await load({
      'r.yaml': `apiVersion: reg/v1
groups:
  - name: g
    versions:
      - id: v1
        image: ${IMAGE}
        metrics:
          modelQuality:
            statistics: s3://bucket/stats.json
            constraints: { s3Uri: s3://bucket/c.json, contentType: text/plain, contentDigest: "sha256:${'a'.repeat(64)}" }
          explainability: { report: { s3Uri: s3://bucket/shap.json } }
          bias: {}
`,
    });
    expect(state.groups[0]!.versions[0]!.metrics).toEqual({
      modelQuality: {
        statistics: { s3Uri: 's3://bucket/stats.json', contentType: 'application/json' },
        constraints: { s3Uri: 's3://bucket/c.json', contentType: 'text/plain', contentDigest: `sha256:${'a'.repeat(64)}` },
      },
      explainability: { report: { s3Uri: 's3://bucket/shap.json', contentType: 'application/json' } },
    });
  });
});

describe('policy', () => {
  it('reads a policy file relative to the spec file, and keeps inline policies', async () => {
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::210987654321:root' }, Action: 'sagemaker:DescribeModelPackage', Resource: '*' }] };
    const state = await load(
      {
        'specs/team/r.yaml': `apiVersion: reg/v1\ngroups:\n  - name: from-file\n    policy: ../policies/p.json\n  - name: inline\n    policy: { Version: "2012-10-17", Statement: [] }\n`,
        'specs/policies/p.json': JSON.stringify(policy),
      },
      ['specs'],
    );
    expect(state.groups[0]!.policy).toEqual(policy);
    expect(state.groups[1]!.policy).toEqual({ Version: '2012-10-17', Statement: [] });
  });
});

describe('locations', () => {
  it('records where each item and field is, across files', async () => {
    const state = await load({
      'a.yaml': `apiVersion: reg/v1
groups:
  - name: g
    tags: { team: ml }
    versions:
      - id: v1
        image: ${IMAGE}
        approval: Approved
`,
      'b.yaml': `# endpoints
apiVersion: reg/v1
endpoints:
  - name: e
    model:
      group: g
      version: v1
    role: arn:aws:iam::123456789012:role/R
    instanceType: ml.m5.large
`,
    });
    const g = state.groups[0]!;
    expect(g.loc).toEqual({ file: 'a.yaml', line: 3, col: 5 });
    expect(g.fieldLocs['tags.team']).toEqual({ file: 'a.yaml', line: 4, col: 19 });
    expect(g.keyLocs?.['tags']).toEqual({ file: 'a.yaml', line: 4, col: 5 });
    const v = g.versions[0]!;
    expect(v.loc).toEqual({ file: 'a.yaml', line: 6, col: 9 });
    expect(v.fieldLocs['approval']).toEqual({ file: 'a.yaml', line: 8, col: 19 });
    expect(v.keyLocs?.['approval']).toEqual({ file: 'a.yaml', line: 8, col: 9 });
    const e = state.endpoints[0]!;
    expect(e.loc).toEqual({ file: 'b.yaml', line: 4, col: 5 });
    expect(e.fieldLocs['model.version']).toEqual({ file: 'b.yaml', line: 7, col: 16 });
    expect(state.files).toEqual(['a.yaml', 'b.yaml']);
  });

  it('names both places for a duplicate across files', async () => {
    const cwd = path.resolve(new URL('../..', import.meta.url).pathname);
    const result = await loadSpec(['test/fixtures/specs/invalid/cross-file-duplicates'], { cwd });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const dup = result.diagnostics.find((d) => d.code === 'DUPLICATE_GROUP')!;
    expect(dup.related?.map((r) => `${r.file}:${r.line}:${r.col}`)).toEqual(['test/fixtures/specs/invalid/cross-file-duplicates/a-iris.yaml:3:11']);
  });
});
