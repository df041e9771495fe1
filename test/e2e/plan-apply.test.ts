/**
 * End to end: the built CLI as a child process, the real SDK over HTTP, the project's local
 * SageMaker-compatible server. Assertions are on exit codes, plan JSON and server state.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  CreateModelPackageGroupCommand,
  CreateModelPackageCommand,
  DescribeModelPackageCommand,
  ListModelPackagesCommand,
  type SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import type { LocalServer } from '../../src/local/index.js';
import { clientFor, start } from '../local/helpers.js';
import { awsEnv, runReg } from '../helpers/cli.js';

const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/fraud';
const SPEC = `apiVersion: reg/v1
groups:
  - name: fraud-detector
    description: Scores card transactions
    tags: { team: risk }
    policy: ./policy.json
    versions:
      - id: "2024-10-01"
        image: ${IMAGE}:1.0
        modelDataUrl: s3://models/fraud/2024-10-01/model.tar.gz
        approval: Approved
        customerMetadata: { owner: alice }
      - id: "2024-11-01"
        image: ${IMAGE}:1.1
        modelDataUrl: s3://models/fraud/2024-11-01/model.tar.gz
        approval: PendingManualApproval
`;
const POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'ReadFromProd',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::210987654321:root' },
      Action: ['sagemaker:DescribeModelPackage', 'sagemaker:ListModelPackages'],
      Resource: 'arn:aws:sagemaker:us-east-1:123456789012:model-package/fraud-detector/*',
    },
  ],
};

let server: LocalServer;
let dir: string;
let sdk: SageMakerClient;

beforeEach(async () => {
  server = await start();
  sdk = clientFor(server);
  dir = mkdtempSync(join(tmpdir(), 'reg-e2e-'));
  writeFileSync(join(dir, 'registry.yaml'), SPEC);
  writeFileSync(join(dir, 'policy.json'), JSON.stringify(POLICY, null, 2));
});

afterEach(async () => {
  sdk.destroy();
  await server.stop();
});

const reg = (...args: string[]) => runReg([...args, '-f', 'registry.yaml'], { cwd: dir, env: awsEnv(server.url) });
const planJson = async (...args: string[]) => {
  const run = await reg('plan', '--format', 'json', ...args);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout);
};
const editSpec = (from: string, to: string) => {
  const path = join(dir, 'registry.yaml');
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
};
const versions = async (group = 'fraud-detector') =>
  (await sdk.send(new ListModelPackagesCommand({ ModelPackageGroupName: group, ModelPackageType: 'Versioned', MaxResults: 100 })))
    .ModelPackageSummaryList ?? [];

describe('reg apply then plan', () => {
  it('converges, then plan --detailed-exitcode exits 0 and a second apply writes nothing', async () => {
    const apply = await reg('apply', '--yes');
    expect(apply.code).toBe(0);
    expect(apply.stdout).toMatch(/version fraud-detector\/2024-10-01: registering/);
    expect(apply.stdout).toMatch(/version fraud-detector\/2024-10-01: registered as v1/);
    expect((await versions()).map((v) => v.ModelPackageVersion).sort()).toEqual([1, 2]);

    const plan = await reg('plan', '--detailed-exitcode');
    expect(plan.code).toBe(0);

    server.control.resetStats();
    const again = await reg('apply', '--yes');
    expect(again.code).toBe(0);
    expect(server.control.stats().writes).toBe(0);
  });

  it('shows exactly one update when an approval flips, applies it, and converges', async () => {
    expect((await reg('apply', '--yes')).code).toBe(0);
    editSpec('approval: PendingManualApproval', 'approval: Approved');

    const detailed = await reg('plan', '--detailed-exitcode');
    expect(detailed.code).toBe(2);
    const doc = await planJson();
    expect(doc.summary).toEqual({ create: 0, adopt: 0, update: 1, delete: 0, blocked: 0 });
    expect(doc.actions).toHaveLength(1);
    expect(doc.actions[0]).toMatchObject({
      kind: 'update-version',
      address: 'version fraud-detector/2024-11-01',
      version: 2,
      changes: [{ field: 'approval', before: 'PendingManualApproval', after: 'Approved' }],
    });

    server.control.resetStats();
    expect((await reg('apply', '--yes')).code).toBe(0);
    expect(server.control.stats().writes).toBe(1);
    const live = await sdk.send(new DescribeModelPackageCommand({ ModelPackageName: 'fraud-detector/2' }));
    expect(live.ModelApprovalStatus).toBe('Approved');
    expect((await reg('plan', '--detailed-exitcode')).code).toBe(0);
  });

  it('records the declared id on the live version as customer metadata reg:id', async () => {
    expect((await reg('apply', '--yes')).code).toBe(0);
    const live = await sdk.send(new DescribeModelPackageCommand({ ModelPackageName: 'fraud-detector/1' }));
    expect(live.CustomerMetadataProperties).toEqual({ owner: 'alice', 'reg:id': '2024-10-01' });
  });

  it('refuses to apply without a terminal and without --yes, changing nothing', async () => {
    const run = await reg('apply');
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(server.control.stats().writes).toBe(0);
  });
});

describe('adoption', () => {
  it('adopts an existing unmanaged version with the same image and model data instead of registering it again', async () => {
    expect((await reg('apply', '--yes')).code).toBe(0);
    // Someone registered a third version by hand, before it was declared.
    await sdk.send(
      new CreateModelPackageCommand({
        ModelPackageGroupName: 'fraud-detector',
        InferenceSpecification: {
          Containers: [{ Image: `${IMAGE}:1.2`, ModelDataUrl: 's3://models/fraud/2024-12-01/model.tar.gz' }],
          SupportedContentTypes: [],
          SupportedResponseMIMETypes: [],
        },
        ModelApprovalStatus: 'PendingManualApproval',
      }),
    );
    writeFileSync(
      join(dir, 'registry.yaml'),
      `${SPEC}      - id: "2024-12-01"
        image: ${IMAGE}:1.2
        modelDataUrl: s3://models/fraud/2024-12-01/model.tar.gz
        approval: Approved
`,
    );
    const doc = await planJson();
    expect(doc.summary).toEqual({ create: 0, adopt: 1, update: 0, delete: 0, blocked: 0 });
    expect(doc.actions[0]).toMatchObject({ kind: 'adopt-version', version: 3 });

    expect((await reg('apply', '--yes')).code).toBe(0);
    expect(await versions()).toHaveLength(3);
    const live = await sdk.send(new DescribeModelPackageCommand({ ModelPackageName: 'fraud-detector/3' }));
    expect(live.CustomerMetadataProperties?.['reg:id']).toBe('2024-12-01');
    expect(live.ModelApprovalStatus).toBe('Approved');
    expect((await reg('plan', '--detailed-exitcode')).code).toBe(0);
  });
});

describe('immutable fields', () => {
  it('blocks a changed image, refuses to apply it, and applies the rest only with --skip-blocked', async () => {
    expect((await reg('apply', '--yes')).code).toBe(0);
    editSpec(`${IMAGE}:1.0`, `${IMAGE}:1.0-patched`);
    editSpec('customerMetadata: { owner: alice }', 'customerMetadata: { owner: alice }\n        approvalDescription: checked');
    editSpec('approval: PendingManualApproval', 'approval: Rejected');

    const doc = await planJson();
    expect(doc.blocked).toMatchObject([
      {
        address: 'version fraud-detector/2024-10-01',
        reason: 'IMMUTABLE_FIELD',
        changes: [{ field: 'image', before: `${IMAGE}:1.0`, after: `${IMAGE}:1.0-patched` }],
        loc: { file: 'registry.yaml', line: 9 },
      },
    ]);
    expect(doc.summary).toEqual({ create: 0, adopt: 0, update: 1, delete: 0, blocked: 1 });
    expect((await reg('plan', '--detailed-exitcode')).code).toBe(2);

    server.control.resetStats();
    const refused = await reg('apply', '--yes');
    expect(refused.code).toBe(1);
    expect(server.control.stats().writes).toBe(0);

    const partial = await reg('apply', '--yes', '--skip-blocked');
    expect(partial.code).toBe(0);
    expect(server.control.stats().writes).toBe(1);
    const v1 = await sdk.send(new DescribeModelPackageCommand({ ModelPackageName: 'fraud-detector/1' }));
    expect(v1.InferenceSpecification?.Containers?.[0]?.Image).toBe(`${IMAGE}:1.0`);
    const v2 = await sdk.send(new DescribeModelPackageCommand({ ModelPackageName: 'fraud-detector/2' }));
    expect(v2.ModelApprovalStatus).toBe('Rejected');
  });
});

describe('unmanaged versions and prune', () => {
  async function registerByHand(tag: string): Promise<string> {
    const out = await sdk.send(
      new CreateModelPackageCommand({
        ModelPackageGroupName: 'fraud-detector',
        InferenceSpecification: { Containers: [{ Image: `${IMAGE}:${tag}` }], SupportedContentTypes: [], SupportedResponseMIMETypes: [] },
        ModelApprovalStatus: 'Approved',
      }),
    );
    return out.ModelPackageArn ?? '';
  }

  it('lists undeclared versions, leaves them without --prune, deletes them with it, never one an endpoint serves', async () => {
    expect((await reg('apply', '--yes')).code).toBe(0);
    const stray = await registerByHand('stray');
    const served = await registerByHand('served');
    await sdk.send(new CreateModelCommand({ ModelName: 'fraud-m', PrimaryContainer: { ModelPackageName: served }, ExecutionRoleArn: 'arn:aws:iam::123456789012:role/SageMaker' }));
    await sdk.send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: 'fraud-c',
        ProductionVariants: [{ VariantName: 'main', ModelName: 'fraud-m', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }],
      }),
    );
    await sdk.send(new CreateEndpointCommand({ EndpointName: 'fraud-prod', EndpointConfigName: 'fraud-c' }));

    const doc = await planJson();
    expect(doc.hasChanges).toBe(false);
    expect(doc.unmanaged.map((u: { version: number; pruned: boolean }) => [u.version, u.pruned])).toEqual([[3, false], [4, false]]);
    const text = await reg('plan');
    expect(text.stdout).toMatch(/fraud-detector v3/);

    expect((await reg('apply', '--yes')).code).toBe(0);
    expect(await versions()).toHaveLength(4);

    const pruneDoc = await planJson('--prune');
    expect(pruneDoc.actions).toMatchObject([{ kind: 'delete-version', version: 3, destructive: true }]);
    expect(pruneDoc.unmanaged).toMatchObject([
      { version: 3, pruned: true },
      { version: 4, pruned: false, servedBy: ['fraud-prod'] },
    ]);
    // A group the spec does not declare is never read or touched, even under --prune.
    await sdk.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'other-team' }));
    await sdk.send(
      new CreateModelPackageCommand({
        ModelPackageGroupName: 'other-team',
        InferenceSpecification: { Containers: [{ Image: `${IMAGE}:other` }], SupportedContentTypes: [], SupportedResponseMIMETypes: [] },
      }),
    );
    server.control.resetStats();
    expect((await reg('apply', '--yes', '--prune')).code).toBe(0);
    expect(server.control.stats().calls['ListModelPackageGroups'] ?? 0).toBe(0);
    expect(await versions('other-team')).toHaveLength(1);
    const left = (await versions()).map((v) => v.ModelPackageArn);
    expect(left).not.toContain(stray);
    expect(left).toContain(served);
    expect(left).toHaveLength(3);
  });
});

describe('group policy', () => {
  it('compares the policy as JSON: reformatting the file is not drift, changing it is', async () => {
    expect((await reg('apply', '--yes')).code).toBe(0);
    const reordered = { Statement: POLICY.Statement.map((s) => Object.fromEntries(Object.entries(s).reverse())), Version: POLICY.Version };
    writeFileSync(join(dir, 'policy.json'), JSON.stringify(reordered));
    expect((await reg('plan', '--detailed-exitcode')).code).toBe(0);

    writeFileSync(join(dir, 'policy.json'), JSON.stringify({ ...POLICY, Statement: [{ ...POLICY.Statement[0], Sid: 'Renamed' }] }));
    const doc = await planJson();
    expect(doc.actions.map((a: { kind: string }) => a.kind)).toEqual(['put-group-policy']);
  });
});

describe('errors', () => {
  it('reports an invalid spec with file:line:col and exit 1, reading nothing', async () => {
    editSpec('approval: Approved', 'approval: Aproved');
    const run = await reg('plan');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/registry\.yaml:11:19: SCHEMA_ENUM/);
    expect(server.control.stats().total).toBe(0);
  });

  it('fails cleanly when the registry cannot be reached', async () => {
    const run = await runReg(['plan', '-f', 'registry.yaml'], { cwd: dir, env: { ...awsEnv('http://127.0.0.1:1'), AWS_MAX_ATTEMPTS: '2' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: /m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('failures and interruptions', () => {
  it('reports a failed call with its AWS code and request id, exits 1, and a re-run finishes', async () => {
    server.control.setFaults({ rateLimits: { CreateModelPackage: { rps: 0.001, burst: 1 } } });
    const run = await runReg(['apply', '--yes', '-f', 'registry.yaml'], { cwd: dir, env: { ...awsEnv(server.url), AWS_MAX_ATTEMPTS: '1' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/version fraud-detector\/2024-11-01: failed: ThrottlingException: .+ \(request id [\w-]+\)/);
    expect(run.stdout).toMatch(/Apply failed: 3 succeeded, 1 failed, 0 skipped\./);
    expect(await versions()).toHaveLength(1);

    server.control.setFaults({ rateLimits: {} });
    expect((await reg('apply', '--yes')).code).toBe(0);
    expect(await versions()).toHaveLength(2);
  });

  it('an apply killed midway and run again registers every version exactly once', async () => {
    const many = SPEC + Array.from({ length: 8 }, (_, i) => `      - id: "extra-${i}"
        image: ${IMAGE}:extra-${i}
        modelDataUrl: s3://models/fraud/extra-${i}/model.tar.gz
        approvalDescription: registered then described
`).join('');
    writeFileSync(join(dir, 'registry.yaml'), many);
    server.control.setFaults({ latencyMs: 40 });
    const { spawn } = await import('node:child_process');
    const { ROOT } = await import('../helpers/cli.js');
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'reg.js'), 'apply', '--yes', '-f', 'registry.yaml'], {
      cwd: dir,
      env: { PATH: process.env['PATH'] ?? '', ...awsEnv(server.url) },
      stdio: 'ignore',
    });
    const exited = new Promise((r) => child.on('exit', r));
    // Kill it for real (no chance to clean up) once a few versions are in.
    while (server.control.stats().writes < 5) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGKILL');
    await exited;
    const before = await versions();
    expect(before.length).toBeGreaterThan(0);
    expect(before.length).toBeLessThan(10);

    server.control.setFaults({ latencyMs: 0 });
    expect((await reg('apply', '--yes')).code).toBe(0);
    const after = await versions();
    expect(after).toHaveLength(10);
    const ids = await Promise.all(
      after.map(async (v) => (await sdk.send(new DescribeModelPackageCommand({ ModelPackageName: v.ModelPackageArn }))).CustomerMetadataProperties?.['reg:id']),
    );
    expect(new Set(ids).size).toBe(10);
    expect((await reg('plan', '--detailed-exitcode')).code).toBe(0);
  });
});
