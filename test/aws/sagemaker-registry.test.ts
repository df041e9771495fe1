/** The adapter against the local SageMaker-compatible server, through the real SDK over HTTP. */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsCallError } from '../../src/errors.js';
import { createVersionInput } from './arbitraries.js';
import { declaredFields, undefinedKeys } from './fields.js';
import { startHarness, uniqueName, type Harness } from './local-server.js';
import { version } from './versions.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.server.stop();
});

describe('SageMaker registry on the local server', () => {
  it('round-trips any CreateVersionInput: create → readGroups → every field equal', async () => {
    const group = uniqueName('rt');
    await h.registry.createGroup({ name: group, tags: {} });
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(createVersionInput(group), async (generated) => {
        // Shrinking replays generated tokens, and a replayed token returns the first version
        // created with it (that is the point of the token), so each run gets a fresh one.
        const input = { ...generated, clientToken: `rt-${process.pid}-${++runs}` };
        const { arn } = await h.registry.createVersion(input);
        // As the executor does: CreateModelPackage has no ApprovalDescription, an update sets it.
        if (input.approvalDescription !== undefined) {
          await h.registry.updateVersion({
            arn,
            approval: input.approval,
            approvalDescription: input.approvalDescription,
            customerMetadata: input.customerMetadata,
            removeMetadataKeys: [],
          });
        }
        const live = await h.registry.readGroups([group]);
        const v = live.groups.get(group)?.versions.find((x) => x.arn === arn);
        expect(v).toBeDefined();
        expect(declaredFields(v!)).toEqual(declaredFields(input));
        expect(undefinedKeys(v!)).toEqual([]);
        // Describe and Search share field names, so both map to the same LiveVersion.
        expect(await h.registry.describeVersion(arn)).toEqual(v);
      }),
      { numRuns: 40 },
    );
  });

  it('reads a 250-version group with exactly 3 Searches plus the fixed per-group calls', async () => {
    const group = uniqueName('big');
    await h.registry.createGroup({ name: group, tags: { team: 'ml' } });
    for (let i = 0; i < 250; i++) await h.registry.createVersion(version(group, `big-${process.pid}-${i}`));
    const registry = h.registryWith();
    h.server.control.resetStats();
    const progress: number[] = [];
    const live = await registry.readGroups([group], (e) => progress.push(e.versionsRead));
    const g = live.groups.get(group);
    expect(g?.versions.map((v) => v.version)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
    expect(progress).toEqual([100, 200, 250]);
    const expected = { DescribeModelPackageGroup: 1, ListTags: 1, GetModelPackageGroupPolicy: 1, Search: 3 };
    expect(registry.stats()).toEqual(expected);
    const server = h.server.control.stats();
    expect(server.calls).toEqual(expected);
    expect(server.total).toBe(6);
  });

  it('shares one Search among small groups and keeps a large one correct in the same batch', async () => {
    const small = [uniqueName('s'), uniqueName('s'), uniqueName('s')];
    const large = uniqueName('l');
    for (const g of [...small, large]) await h.registry.createGroup({ name: g, tags: {} });
    for (const [i, g] of small.entries()) for (let j = 0; j <= i; j++) await h.registry.createVersion(version(g, `${g}-${j}`));
    for (let j = 0; j < 120; j++) await h.registry.createVersion(version(large, `${large}-${j}`));
    const registry = h.registryWith({ readConcurrency: 1 });
    const live = await registry.readGroups([...small, large, uniqueName('absent')]);
    expect(small.map((g) => live.groups.get(g)?.versions.length)).toEqual([1, 2, 3]);
    expect(live.groups.get(large)?.versions.length).toBe(120);
    expect(live.groups.size).toBe(4);
    // 126 versions in one batch: two pages, where one Search per group would take five.
    expect(registry.stats()['Search']).toBe(2);
  });

  it("groupSource 'search' reads the same state with one Search per 20 groups instead of Describe + ListTags each", async () => {
    const names = [uniqueName('gs'), uniqueName('gs'), uniqueName('gs')];
    for (const [i, g] of names.entries()) {
      const { arn } = await h.registry.createGroup({ name: g, description: `group ${i}`, tags: { i: String(i), keep: 'y' } });
      if (i === 1) await h.registry.putGroupPolicy(g, { Version: '2012-10-17', Statement: [] });
      if (i === 2) await h.registry.setGroupTags(arn, {}, ['keep']);
      for (let j = 0; j < i * 2; j++) await h.registry.createVersion(version(g, `${g}-${j}`));
    }
    const wanted = [...names, uniqueName('absent')];
    const viaDescribe = h.registryWith();
    // One slot, so all four names share one batch (more slots split batches to page in parallel).
    const viaSearch = h.registryWith({ groupSource: 'search', readConcurrency: 1 });
    const a = await viaDescribe.readGroups(wanted);
    const b = await viaSearch.readGroups(wanted);
    expect([...b.groups.entries()]).toEqual([...a.groups.entries()]);
    expect(b.groups.size).toBe(3);
    expect(b.groups.get(names[1]!)?.policy).toEqual({ Version: '2012-10-17', Statement: [] });
    expect(viaSearch.stats()).toEqual({ Search: 2, GetModelPackageGroupPolicy: 3 });
  });

  it('leaves a missing group out of the map', async () => {
    const registry = h.registryWith();
    const live = await registry.readGroups([uniqueName('missing')]);
    expect(live.groups.size).toBe(0);
    expect(registry.stats()['DescribeModelPackageGroup']).toBe(1);
    expect(registry.stats()['ListTags']).toBeUndefined();
    expect(await registry.describeGroup(uniqueName('missing'))).toBeUndefined();
  });

  it('reads tags and the parsed policy; writes both', async () => {
    const group = uniqueName('tp');
    const { arn } = await h.registry.createGroup({ name: group, description: 'd', tags: { a: '1', b: '2' } });
    const policy = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'Read',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::123456789012:root' },
          Action: ['sagemaker:DescribeModelPackage'],
          Resource: `arn:aws:sagemaker:us-east-1:123456789012:model-package/${group}/*`,
        },
      ],
    };
    await h.registry.putGroupPolicy(group, policy);
    await h.registry.setGroupTags(arn, { b: 'changed', c: '3' }, ['a']);
    let g = (await h.registry.readGroups([group])).groups.get(group);
    expect(g).toMatchObject({ name: group, arn, description: 'd', policy });
    expect(g?.tags).toEqual({ b: 'changed', c: '3' });
    await h.registry.deleteGroupPolicy(group);
    await h.registry.deleteGroupPolicy(group); // none left: still success
    g = (await h.registry.readGroups([group])).groups.get(group);
    expect(g?.policy).toBeUndefined();
    expect(await h.registry.describeGroup(group)).toMatchObject({ name: group, arn });
  });

  it('createGroup twice returns the same ARN', async () => {
    const group = uniqueName('twice');
    const a = await h.registry.createGroup({ name: group, tags: {} });
    const b = await h.registry.createGroup({ name: group, tags: {} });
    expect(b.arn).toBe(a.arn);
  });

  it('createVersion twice with one token registers one version', async () => {
    const group = uniqueName('idem');
    await h.registry.createGroup({ name: group, tags: {} });
    const input = version(group, `idem-${process.pid}`);
    const a = await h.registry.createVersion(input);
    const b = await h.registry.createVersion(input);
    expect(b.arn).toBe(a.arn);
    expect((await h.registry.readGroups([group])).groups.get(group)?.versions).toHaveLength(1);
  });

  it('updateVersion sends the full mutable state: removed keys go, others are set', async () => {
    const group = uniqueName('upd');
    await h.registry.createGroup({ name: group, tags: {} });
    const { arn } = await h.registry.createVersion(
      version(group, `upd-${process.pid}`, { customerMetadata: { 'reg:id': 'v1', a: '1', b: '2' }, approvalDescription: 'first' }),
    );
    await h.registry.updateVersion({
      arn,
      approval: 'Approved',
      approvalDescription: 'ok',
      customerMetadata: { 'reg:id': 'v1', a: 'x', c: '3' },
      removeMetadataKeys: ['b'],
    });
    const v = await h.registry.describeVersion(arn);
    expect(v).toMatchObject({ approval: 'Approved', approvalDescription: 'ok' });
    expect(v?.customerMetadata).toEqual({ 'reg:id': 'v1', a: 'x', c: '3' });
  });

  it('deleteVersion: deletes, and a missing version is success', async () => {
    const group = uniqueName('del');
    await h.registry.createGroup({ name: group, tags: {} });
    const { arn } = await h.registry.createVersion(version(group, `del-${process.pid}`));
    await h.registry.deleteVersion(arn);
    await h.registry.deleteVersion(arn);
    await h.registry.deleteVersion(`arn:aws:sagemaker:us-east-1:123456789012:model-package/${group}/99`);
    expect((await h.registry.readGroups([group])).groups.get(group)?.versions).toEqual([]);
  });

  it('describeVersion of a missing version is undefined', async () => {
    const group = uniqueName('nf');
    expect(await h.registry.describeVersion(`arn:aws:sagemaker:us-east-1:123456789012:model-package/${group}/1`)).toBeUndefined();
  });

  it('a failed call is an AwsCallError with AWS code, request id and status', async () => {
    const err = await h.registry
      .updateVersion({
        arn: `arn:aws:sagemaker:us-east-1:123456789012:model-package/${uniqueName('nope')}/1`,
        approval: 'Approved',
        customerMetadata: {},
        removeMetadataKeys: [],
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AwsCallError);
    const e = err as AwsCallError;
    expect(e).toMatchObject({ code: 'AWS_CALL_FAILED', operation: 'UpdateModelPackage', awsCode: 'ValidationException', httpStatus: 400 });
    expect(e.requestId).toEqual(expect.any(String));
    expect(e.message).toMatch(/^UpdateModelPackage: ValidationException: /);
  });
});
