/** Contract tests: models, endpoint configs and endpoints, including transitions and failures. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  DeleteEndpointCommand,
  DeleteEndpointConfigCommand,
  DeleteModelCommand,
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  DescribeModelCommand,
  ListEndpointConfigsCommand,
  ListEndpointsCommand,
  ListModelsCommand,
  UpdateEndpointCommand,
  UpdateModelPackageCommand,
  type SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import type { LocalServer } from '../../src/local/index.js';
import { clientFor, failure, SPEC, start } from './helpers.js';

let server: LocalServer;
let sm: SageMakerClient;
let approved: string;
let pending: string;
const ROLE = 'arn:aws:iam::123456789012:role/sagemaker-exec';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  server = await start();
  sm = clientFor(server);
  await sm.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'deployable' }));
  approved = (await sm.send(new CreateModelPackageCommand({ ModelPackageGroupName: 'deployable', InferenceSpecification: SPEC, ModelApprovalStatus: 'Approved' }))).ModelPackageArn!;
  pending = (await sm.send(new CreateModelPackageCommand({ ModelPackageGroupName: 'deployable', InferenceSpecification: SPEC }))).ModelPackageArn!;
  await sm.send(new CreateModelCommand({ ModelName: 'm1', ExecutionRoleArn: ROLE, PrimaryContainer: { ModelPackageName: approved } }));
  await sm.send(new CreateModelCommand({ ModelName: 'm2', ExecutionRoleArn: ROLE, Containers: [{ ModelPackageName: 'deployable/1' }] }));
  for (const [cfg, model] of [['cfg-1', 'm1'], ['cfg-2', 'm2'], ['cfg-3', 'm1']] as const) {
    await sm.send(new CreateEndpointConfigCommand({ EndpointConfigName: cfg, ProductionVariants: [{ VariantName: 'main', ModelName: model, InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }] }));
  }
});
afterAll(() => server.stop());

describe('models', () => {
  it('requires an existing Approved version', async () => {
    const notApproved = await failure(sm.send(new CreateModelCommand({ ModelName: 'bad', ExecutionRoleArn: ROLE, PrimaryContainer: { ModelPackageName: pending } })));
    expect(notApproved.name).toBe('ValidationException');
    const missing = await failure(sm.send(new CreateModelCommand({ ModelName: 'bad', ExecutionRoleArn: ROLE, PrimaryContainer: { ModelPackageName: 'deployable/99' } })));
    expect(missing.message).toMatch(/does not exist/);
    await sm.send(new UpdateModelPackageCommand({ ModelPackageArn: pending, ModelApprovalStatus: 'Approved' }));
    await sm.send(new CreateModelCommand({ ModelName: 'now-ok', ExecutionRoleArn: ROLE, PrimaryContainer: { ModelPackageName: pending } }));
  });

  it('describes, lists, rejects duplicates and reports missing models', async () => {
    const d = await sm.send(new DescribeModelCommand({ ModelName: 'm1' }));
    expect(d).toMatchObject({ ModelName: 'm1', ModelArn: 'arn:aws:sagemaker:us-east-1:123456789012:model/m1', PrimaryContainer: { ModelPackageName: approved }, ExecutionRoleArn: ROLE });
    const dup = await failure(sm.send(new CreateModelCommand({ ModelName: 'm1', ExecutionRoleArn: ROLE, PrimaryContainer: { ModelPackageName: approved } })));
    expect(dup.name).toBe('ValidationException');
    expect(dup.message).toContain(d.ModelArn!);
    const list = await sm.send(new ListModelsCommand({ NameContains: 'm', MaxResults: 100 }));
    expect(list.Models?.map((m) => m.ModelName)).toEqual(expect.arrayContaining(['m1', 'm2']));
    await sm.send(new CreateModelCommand({ ModelName: 'temp', ExecutionRoleArn: ROLE, PrimaryContainer: { ModelPackageName: approved } }));
    await sm.send(new DeleteModelCommand({ ModelName: 'temp' }));
    const gone = await failure(sm.send(new DescribeModelCommand({ ModelName: 'temp' })));
    expect(gone.name).toBe('ValidationException');
    expect(gone.message).toMatch(/Could not find model/);
  });
});

describe('endpoint configs', () => {
  it('requires existing models, rejects duplicates, describes and lists', async () => {
    const noModel = await failure(
      sm.send(new CreateEndpointConfigCommand({ EndpointConfigName: 'x', ProductionVariants: [{ VariantName: 'v', ModelName: 'ghost', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }] })),
    );
    expect(noModel.message).toMatch(/Could not find model/);
    const dup = await failure(
      sm.send(new CreateEndpointConfigCommand({ EndpointConfigName: 'cfg-1', ProductionVariants: [{ VariantName: 'v', ModelName: 'm1', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }] })),
    );
    expect(dup.message).toContain('endpoint-config/cfg-1');
    const d = await sm.send(new DescribeEndpointConfigCommand({ EndpointConfigName: 'cfg-1' }));
    expect(d.ProductionVariants?.[0]).toMatchObject({ VariantName: 'main', ModelName: 'm1' });
    expect((await sm.send(new ListEndpointConfigsCommand({ SortBy: 'Name', SortOrder: 'Ascending' }))).EndpointConfigs?.map((c) => c.EndpointConfigName)).toEqual(['cfg-1', 'cfg-2', 'cfg-3']);
    await sm.send(new CreateEndpointConfigCommand({ EndpointConfigName: 'cfg-temp', ProductionVariants: [{ VariantName: 'v', ModelName: 'm1', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }] }));
    await sm.send(new DeleteEndpointConfigCommand({ EndpointConfigName: 'cfg-temp' }));
    expect((await failure(sm.send(new DescribeEndpointConfigCommand({ EndpointConfigName: 'cfg-temp' })))).message).toMatch(/Could not find endpoint configuration/);
  });
});

describe('endpoints', () => {
  it('goes Creating → InService, Updating → InService with a pending summary, and rejects in-progress changes', async () => {
    server.control.setFaults({ endpointDelayMs: 150 });
    try {
      await sm.send(new CreateEndpointCommand({ EndpointName: 'ep', EndpointConfigName: 'cfg-1', Tags: [{ Key: 'env', Value: 'dev' }] }));
      expect((await sm.send(new DescribeEndpointCommand({ EndpointName: 'ep' }))).EndpointStatus).toBe('Creating');
      const busy = await failure(sm.send(new UpdateEndpointCommand({ EndpointName: 'ep', EndpointConfigName: 'cfg-2' })));
      expect(busy.name).toBe('ValidationException');
      expect(busy.message).toMatch(/Cannot update in-progress endpoint/);
      expect((await failure(sm.send(new DeleteEndpointCommand({ EndpointName: 'ep' })))).message).toMatch(/in-progress/);
      await sleep(200);
      expect((await sm.send(new DescribeEndpointCommand({ EndpointName: 'ep' }))).EndpointStatus).toBe('InService');

      await sm.send(new UpdateEndpointCommand({ EndpointName: 'ep', EndpointConfigName: 'cfg-2' }));
      const updating = await sm.send(new DescribeEndpointCommand({ EndpointName: 'ep' }));
      expect(updating).toMatchObject({ EndpointStatus: 'Updating', EndpointConfigName: 'cfg-1', PendingDeploymentSummary: { EndpointConfigName: 'cfg-2' } });
      await sleep(200);
      const done = await sm.send(new DescribeEndpointCommand({ EndpointName: 'ep' }));
      expect(done).toMatchObject({ EndpointStatus: 'InService', EndpointConfigName: 'cfg-2' });
      expect(done.PendingDeploymentSummary).toBeUndefined();
      expect(done.ProductionVariants?.[0]?.VariantName).toBe('main');
    } finally {
      server.control.setFaults({ endpointDelayMs: 0 });
    }
  });

  it('rolls back a failed update to the old config with FailureReason set', async () => {
    await sm.send(new CreateEndpointCommand({ EndpointName: 'ep-rb', EndpointConfigName: 'cfg-1' }));
    server.control.setEndpointFailure('ep-rb', 'rollback');
    await sm.send(new UpdateEndpointCommand({ EndpointName: 'ep-rb', EndpointConfigName: 'cfg-2' }));
    const d = await sm.send(new DescribeEndpointCommand({ EndpointName: 'ep-rb' }));
    expect(d).toMatchObject({ EndpointStatus: 'InService', EndpointConfigName: 'cfg-1' });
    expect(d.FailureReason).toBeTruthy();
    server.control.setEndpointFailure('ep-rb', null);
  });

  it('leaves a failed deploy Failed; only delete is allowed then', async () => {
    server.control.setEndpointFailure('ep-fail', 'fail');
    await sm.send(new CreateEndpointCommand({ EndpointName: 'ep-fail', EndpointConfigName: 'cfg-1' }));
    const d = await sm.send(new DescribeEndpointCommand({ EndpointName: 'ep-fail' }));
    expect(d.EndpointStatus).toBe('Failed');
    expect(d.FailureReason).toBeTruthy();
    expect((await failure(sm.send(new UpdateEndpointCommand({ EndpointName: 'ep-fail', EndpointConfigName: 'cfg-2' })))).name).toBe('ValidationException');
    const listed = await sm.send(new ListEndpointsCommand({ StatusEquals: 'Failed' }));
    expect(listed.Endpoints?.map((e) => e.EndpointName)).toEqual(['ep-fail']);
    await sm.send(new DeleteEndpointCommand({ EndpointName: 'ep-fail' }));
    const gone = await failure(sm.send(new DescribeEndpointCommand({ EndpointName: 'ep-fail' })));
    expect(gone.message).toMatch(/Could not find endpoint/);
    server.control.setEndpointFailure('ep-fail', null);
  });

  it('rejects duplicates and missing configs; lists with paging and NameContains', async () => {
    expect((await failure(sm.send(new CreateEndpointCommand({ EndpointName: 'ep', EndpointConfigName: 'cfg-1' })))).message).toMatch(/Cannot create already existing endpoint/);
    expect((await failure(sm.send(new CreateEndpointCommand({ EndpointName: 'ep-x', EndpointConfigName: 'nope' })))).message).toMatch(/Could not find endpoint configuration/);
    for (let i = 0; i < 5; i++) await sm.send(new CreateEndpointCommand({ EndpointName: `paged-${i}`, EndpointConfigName: 'cfg-3' }));
    const names: string[] = [];
    let token: string | undefined;
    do {
      const p = await sm.send(new ListEndpointsCommand({ NameContains: 'paged', MaxResults: 2, NextToken: token }));
      names.push(...(p.Endpoints ?? []).map((e) => e.EndpointName!));
      token = p.NextToken;
    } while (token);
    expect(names).toEqual(['paged-4', 'paged-3', 'paged-2', 'paged-1', 'paged-0']);
  });
});
