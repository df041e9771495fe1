/** Contract tests: groups and versions through the real SDK over HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BatchDescribeModelPackageCommand,
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  DeleteModelPackageCommand,
  DeleteModelPackageGroupCommand,
  DeleteModelPackageGroupPolicyCommand,
  DescribeModelPackageCommand,
  DescribeModelPackageGroupCommand,
  GetModelPackageGroupPolicyCommand,
  ListModelPackageGroupsCommand,
  ListModelPackagesCommand,
  ListTagsCommand,
  PutModelPackageGroupPolicyCommand,
  UpdateModelPackageCommand,
  type SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import type { LocalServer } from '../../src/local/index.js';
import { clientFor, failure, SPEC, start } from './helpers.js';

let server: LocalServer;
let sm: SageMakerClient;
beforeAll(async () => {
  server = await start();
  sm = clientFor(server);
});
afterAll(() => server.stop());

const POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sagemaker:DescribeModelPackage', Resource: '*' }] });

describe('model package groups', () => {
  it('creates, describes by name and ARN, stores tags, and rejects duplicates', async () => {
    const { ModelPackageGroupArn: arn } = await sm.send(
      new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'Fraud-Model', ModelPackageGroupDescription: 'd', Tags: [{ Key: 'team', Value: 'risk' }] }),
    );
    expect(arn).toBe('arn:aws:sagemaker:us-east-1:123456789012:model-package-group/fraud-model');
    const byName = await sm.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: 'Fraud-Model' }));
    const byArn = await sm.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: arn }));
    expect(byName).toMatchObject({ ModelPackageGroupName: 'Fraud-Model', ModelPackageGroupStatus: 'Completed', ModelPackageGroupDescription: 'd' });
    expect(byArn.ModelPackageGroupArn).toBe(arn);
    expect(byName.CreationTime).toBeInstanceOf(Date);
    expect((await sm.send(new ListTagsCommand({ ResourceArn: arn }))).Tags).toEqual([{ Key: 'team', Value: 'risk' }]);
    const dup = await failure(sm.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'Fraud-Model' })));
    expect(dup.name).toBe('ValidationException');
    expect(dup.message).toContain(arn);
  });

  it('reports a missing group as ValidationException "does not exist"', async () => {
    const e = await failure(sm.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: 'nope' })));
    expect(e.name).toBe('ValidationException');
    expect(e.message).toMatch(/does not exist/);
    expect(e.$metadata?.httpStatusCode).toBe(400);
    expect(e.$metadata?.requestId).toBeTruthy();
  });

  it('validates names with AWS constraint messages, all failures at once', async () => {
    const e = await failure(sm.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: '-bad-', ModelPackageGroupDescription: 'x'.repeat(1025) })));
    expect(e.name).toBe('ValidationException');
    expect(e.message).toMatch(/^2 validation errors detected: /);
    expect(e.message).toContain("at 'modelPackageGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern");
    expect(e.message).toContain('Member must have length less than or equal to 1024');
    const missing = await failure(sm.send(new CreateModelPackageGroupCommand({} as never)));
    expect(missing.message).toMatch(/Member must not be null/);
  });

  it('manages the resource policy', async () => {
    await sm.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'policy-group' }));
    const none = await failure(sm.send(new GetModelPackageGroupPolicyCommand({ ModelPackageGroupName: 'policy-group' })));
    expect(none.name).toBe('ValidationException');
    expect(none.message).toMatch(/Cannot find resource policy/);
    await sm.send(new PutModelPackageGroupPolicyCommand({ ModelPackageGroupName: 'policy-group', ResourcePolicy: POLICY }));
    expect((await sm.send(new GetModelPackageGroupPolicyCommand({ ModelPackageGroupName: 'policy-group' }))).ResourcePolicy).toBe(POLICY);
    await sm.send(new DeleteModelPackageGroupPolicyCommand({ ModelPackageGroupName: 'policy-group' }));
    expect((await failure(sm.send(new GetModelPackageGroupPolicyCommand({ ModelPackageGroupName: 'policy-group' })))).name).toBe('ValidationException');
  });

  it('refuses to delete a group that still has versions (ConflictException)', async () => {
    await sm.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'busy' }));
    const { ModelPackageArn } = await sm.send(new CreateModelPackageCommand({ ModelPackageGroupName: 'busy', InferenceSpecification: SPEC }));
    expect((await failure(sm.send(new DeleteModelPackageGroupCommand({ ModelPackageGroupName: 'busy' })))).name).toBe('ConflictException');
    await sm.send(new DeleteModelPackageCommand({ ModelPackageName: ModelPackageArn }));
    await sm.send(new DeleteModelPackageGroupCommand({ ModelPackageGroupName: 'busy' }));
    expect((await failure(sm.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: 'busy' })))).message).toMatch(/does not exist/);
  });

  it('lists groups with paging and NameContains', async () => {
    for (let i = 0; i < 12; i++) await sm.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: `listed-${i}` }));
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await sm.send(new ListModelPackageGroupsCommand({ NameContains: 'listed', MaxResults: 5, NextToken: token, SortBy: 'Name' }));
      names.push(...(page.ModelPackageGroupSummaryList ?? []).map((g) => g.ModelPackageGroupName ?? ''));
      token = page.NextToken;
    } while (token);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(12);
  });

  it('goes Pending then Completed after the configured delay', async () => {
    server.control.setFaults({ groupStatusDelayMs: 150 });
    try {
      await sm.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'slow-group' }));
      expect((await sm.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: 'slow-group' }))).ModelPackageGroupStatus).toBe('Pending');
      await new Promise((r) => setTimeout(r, 200));
      expect((await sm.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: 'slow-group' }))).ModelPackageGroupStatus).toBe('Completed');
    } finally {
      server.control.setFaults({ groupStatusDelayMs: 0 });
    }
  });
});

describe('model package versions', () => {
  beforeAll(async () => {
    await sm.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'Churn' }));
  });

  it('numbers versions 1, 2, 3 and never reuses a number after delete', async () => {
    const arns: string[] = [];
    for (let i = 0; i < 3; i++) arns.push((await sm.send(new CreateModelPackageCommand({ ModelPackageGroupName: 'Churn', InferenceSpecification: SPEC }))).ModelPackageArn ?? '');
    expect(arns.map((a) => a.split('/').pop())).toEqual(['1', '2', '3']);
    expect(arns[0]).toBe('arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/1');
    await sm.send(new DeleteModelPackageCommand({ ModelPackageName: 'Churn/3' }));
    const next = await sm.send(new CreateModelPackageCommand({ ModelPackageGroupName: 'Churn', InferenceSpecification: SPEC }));
    expect(next.ModelPackageArn?.endsWith('/4')).toBe(true);
    const gone = await failure(sm.send(new DescribeModelPackageCommand({ ModelPackageName: arns[2] })));
    expect(gone.name).toBe('ValidationException');
    expect(gone.message).toMatch(/does not exist/);
    // Lookups are case-insensitive on the name part, by ARN and by group/N.
    expect((await sm.send(new DescribeModelPackageCommand({ ModelPackageName: 'CHURN/1' }))).ModelPackageVersion).toBe(1);
    expect((await sm.send(new DescribeModelPackageCommand({ ModelPackageName: arns[0]?.replace('churn', 'Churn') }))).ModelPackageVersion).toBe(1);
  });

  it('stores and returns every create field, with defaults', async () => {
    const input = {
      ModelPackageGroupName: 'Churn',
      ModelPackageDescription: 'full',
      InferenceSpecification: SPEC,
      MetadataProperties: { CommitId: 'abc', Repository: 'git@x' },
      CustomerMetadataProperties: { 'reg.io/id': 'churn-v7', owner: 'ml' },
      ModelMetrics: { ModelQuality: { Statistics: { ContentType: 'application/json', S3Uri: 's3://b/stats.json' } } },
      DriftCheckBaselines: { ModelQuality: { Constraints: { ContentType: 'application/json', S3Uri: 's3://b/c.json' } } },
      ApprovalDescription: undefined,
      Domain: 'MACHINE_LEARNING',
      Task: 'CLASSIFICATION',
      SourceUri: 's3://b/model',
      ModelLifeCycle: { Stage: 'Development', StageStatus: 'InProgress' },
    };
    const { ModelPackageArn } = await sm.send(new CreateModelPackageCommand(input));
    const d = await sm.send(new DescribeModelPackageCommand({ ModelPackageName: ModelPackageArn }));
    expect(d).toMatchObject({
      ModelPackageGroupName: 'Churn',
      ModelPackageArn,
      ModelApprovalStatus: 'PendingManualApproval',
      ModelPackageStatus: 'Completed',
      ModelPackageDescription: 'full',
      InferenceSpecification: SPEC,
      MetadataProperties: input.MetadataProperties,
      CustomerMetadataProperties: input.CustomerMetadataProperties,
      ModelMetrics: input.ModelMetrics,
      DriftCheckBaselines: input.DriftCheckBaselines,
      Domain: 'MACHINE_LEARNING',
      Task: 'CLASSIFICATION',
      SourceUri: 's3://b/model',
      ModelLifeCycle: input.ModelLifeCycle,
    });
    expect(d.CreationTime).toBeInstanceOf(Date);
  });

  it('dedupes a repeated ClientToken: same ARN, nothing registered', async () => {
    await sm.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'tokens' }));
    const a = await sm.send(new CreateModelPackageCommand({ ModelPackageGroupName: 'tokens', InferenceSpecification: SPEC, ClientToken: 'tok-1' }));
    const writes = server.control.stats().writes;
    const b = await sm.send(new CreateModelPackageCommand({ ModelPackageGroupName: 'tokens', InferenceSpecification: SPEC, ClientToken: 'tok-1' }));
    expect(b.ModelPackageArn).toBe(a.ModelPackageArn);
    expect(server.control.stats().writes).toBe(writes + 1);
    const list = await sm.send(new ListModelPackagesCommand({ ModelPackageGroupName: 'tokens' }));
    expect(list.ModelPackageSummaryList).toHaveLength(1);
  });

  it('rejects tags on a versioned package, both name fields, neither, and a missing group', async () => {
    const tags = await failure(sm.send(new CreateModelPackageCommand({ ModelPackageGroupName: 'Churn', InferenceSpecification: SPEC, Tags: [{ Key: 'a', Value: 'b' }] })));
    expect(tags.name).toBe('ValidationException');
    const both = await failure(sm.send(new CreateModelPackageCommand({ ModelPackageGroupName: 'Churn', ModelPackageName: 'x', InferenceSpecification: SPEC })));
    expect(both.name).toBe('ValidationException');
    const neither = await failure(sm.send(new CreateModelPackageCommand({ InferenceSpecification: SPEC })));
    expect(neither.name).toBe('ValidationException');
    const missing = await failure(sm.send(new CreateModelPackageCommand({ ModelPackageGroupName: 'ghost', InferenceSpecification: SPEC })));
    expect(missing.name).toBe('ValidationException');
    expect(missing.message).toMatch(/ModelPackageGroup ghost does not exist/);
  });

  it('validates nested members with AWS paths', async () => {
    const e = await failure(
      sm.send(new CreateModelPackageCommand({ ModelPackageGroupName: 'Churn', InferenceSpecification: { Containers: [{ Image: 'i', ModelDataUrl: 'ftp://x' }] }, CustomerMetadataProperties: { 'bad#key': 'v' } })),
    );
    expect(e.name).toBe('ValidationException');
    expect(e.message).toContain("at 'inferenceSpecification.containers.1.member.modelDataUrl'");
    expect(e.message).toMatch(/^2 validation errors/);
  });

  it('updates with merge semantics: only sent fields change, metadata add/overwrite/remove', async () => {
    await sm.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'updates' }));
    const { ModelPackageArn } = await sm.send(
      new CreateModelPackageCommand({ ModelPackageGroupName: 'updates', InferenceSpecification: SPEC, ModelPackageDescription: 'keep', CustomerMetadataProperties: { a: '1', b: '2', c: '3' } }),
    );
    const before = await sm.send(new DescribeModelPackageCommand({ ModelPackageName: ModelPackageArn }));
    await new Promise((r) => setTimeout(r, 5));
    const newSpec = { ...SPEC, Containers: [{ Image: 'img:2' }] };
    await sm.send(
      new UpdateModelPackageCommand({
        ModelPackageArn,
        ModelApprovalStatus: 'Approved',
        ApprovalDescription: 'ok',
        CustomerMetadataProperties: { b: '20', d: '4' },
        CustomerMetadataPropertiesToRemove: ['c'],
        InferenceSpecification: newSpec,
        AdditionalInferenceSpecificationsToAdd: [{ Name: 'extra', Containers: [{ Image: 'img:3' }] }],
      }),
    );
    const after = await sm.send(new DescribeModelPackageCommand({ ModelPackageName: ModelPackageArn }));
    expect(after).toMatchObject({
      ModelApprovalStatus: 'Approved',
      ApprovalDescription: 'ok',
      ModelPackageDescription: 'keep',
      CustomerMetadataProperties: { a: '1', b: '20', d: '4' },
      InferenceSpecification: newSpec,
      AdditionalInferenceSpecifications: [{ Name: 'extra', Containers: [{ Image: 'img:3' }] }],
    });
    expect(after.LastModifiedTime!.getTime()).toBeGreaterThan(before.LastModifiedTime!.getTime());
    const missing = await failure(sm.send(new UpdateModelPackageCommand({ ModelPackageArn: `${ModelPackageArn}99`, ModelApprovalStatus: 'Approved' })));
    expect(missing.message).toMatch(/does not exist/);
  });

  it('moves Pending → InProgress → Completed and refuses updates until Completed', async () => {
    await sm.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'slow' }));
    server.control.setFaults({ versionStatusDelayMs: 400 });
    try {
      const { ModelPackageArn } = await sm.send(new CreateModelPackageCommand({ ModelPackageGroupName: 'slow', InferenceSpecification: SPEC }));
      expect((await sm.send(new DescribeModelPackageCommand({ ModelPackageName: ModelPackageArn }))).ModelPackageStatus).toBe('Pending');
      const busy = await failure(sm.send(new UpdateModelPackageCommand({ ModelPackageArn, ModelApprovalStatus: 'Approved' })));
      expect(busy.name).toBe('ConflictException');
      await new Promise((r) => setTimeout(r, 220));
      expect((await sm.send(new DescribeModelPackageCommand({ ModelPackageName: ModelPackageArn }))).ModelPackageStatus).toBe('InProgress');
      await new Promise((r) => setTimeout(r, 220));
      expect((await sm.send(new DescribeModelPackageCommand({ ModelPackageName: ModelPackageArn }))).ModelPackageStatus).toBe('Completed');
      await sm.send(new UpdateModelPackageCommand({ ModelPackageArn, ModelApprovalStatus: 'Approved' }));
    } finally {
      server.control.setFaults({ versionStatusDelayMs: 0 });
    }
  });

  it('batch-describes, reporting missing ARNs in the error map without failing', async () => {
    const { ModelPackageArn } = await sm.send(new CreateModelPackageCommand({ ModelPackageGroupName: 'Churn', InferenceSpecification: SPEC }));
    const missing = 'arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/999';
    const r = await sm.send(new BatchDescribeModelPackageCommand({ ModelPackageArnList: [ModelPackageArn!, missing] }));
    expect(r.ModelPackageSummaries?.[ModelPackageArn!]).toMatchObject({ ModelPackageGroupName: 'Churn', InferenceSpecification: SPEC, ModelPackageStatus: 'Completed' });
    expect(r.BatchDescribeModelPackageErrorMap?.[missing]?.ErrorCode).toBeTruthy();
    const tooMany = await failure(sm.send(new BatchDescribeModelPackageCommand({ ModelPackageArnList: [] })));
    expect(tooMany.name).toBe('ValidationException');
  });

  it('deletes by group/N; deleting a missing version says does not exist', async () => {
    const e = await failure(sm.send(new DeleteModelPackageCommand({ ModelPackageName: 'Churn/777' })));
    expect(e.name).toBe('ValidationException');
    expect(e.message).toMatch(/does not exist/);
  });
});
