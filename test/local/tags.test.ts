/** Contract tests: AddTags / ListTags / DeleteTags. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  AddTagsCommand,
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  DeleteTagsCommand,
  ListTagsCommand,
  paginateListTags,
  type SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import type { LocalServer } from '../../src/local/index.js';
import { clientFor, failure, SPEC, start } from './helpers.js';

let server: LocalServer;
let sm: SageMakerClient;
let arn: string;
beforeAll(async () => {
  server = await start();
  sm = clientFor(server);
  arn = (await sm.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'tagged', Tags: [{ Key: 'a', Value: '1' }] }))).ModelPackageGroupArn!;
});
afterAll(() => server.stop());

it('adds (overwriting the same key), lists and deletes tags', async () => {
  await sm.send(new AddTagsCommand({ ResourceArn: arn, Tags: [{ Key: 'a', Value: '2' }, { Key: 'b', Value: '' }] }));
  expect((await sm.send(new ListTagsCommand({ ResourceArn: arn }))).Tags).toEqual([{ Key: 'a', Value: '2' }, { Key: 'b', Value: '' }]);
  await sm.send(new DeleteTagsCommand({ ResourceArn: arn, TagKeys: ['a', 'not-there'] }));
  expect((await sm.send(new ListTagsCommand({ ResourceArn: arn }))).Tags).toEqual([{ Key: 'b', Value: '' }]);
});

it('caps a resource at 50 tags, rejects aws: keys, and pages ListTags', async () => {
  const many = Array.from({ length: 49 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
  await sm.send(new AddTagsCommand({ ResourceArn: arn, Tags: many }));
  const over = await failure(sm.send(new AddTagsCommand({ ResourceArn: arn, Tags: [{ Key: 'one-too-many', Value: 'v' }, { Key: 'two', Value: 'v' }] })));
  expect(over.name).toBe('ValidationException');
  const reserved = await failure(sm.send(new AddTagsCommand({ ResourceArn: arn, Tags: [{ Key: 'aws:owner', Value: 'x' }] })));
  expect(reserved.name).toBe('ValidationException');
  const small = await failure(sm.send(new ListTagsCommand({ ResourceArn: arn, MaxResults: 10 })));
  expect(small.name).toBe('ValidationException');
  let n = 0;
  let pages = 0;
  for await (const p of paginateListTags({ client: sm, pageSize: 50 }, { ResourceArn: arn })) {
    pages += 1;
    n += p.Tags?.length ?? 0;
  }
  expect([n, pages]).toEqual([50, 1]);
});

it('reports a missing resource and refuses tags on a versioned package', async () => {
  const missing = await failure(sm.send(new ListTagsCommand({ ResourceArn: 'arn:aws:sagemaker:us-east-1:123456789012:model-package-group/ghost' })));
  expect(missing.name).toBe('ValidationException');
  expect(missing.message).toMatch(/does not exist/);
  const v = (await sm.send(new CreateModelPackageCommand({ ModelPackageGroupName: 'tagged', InferenceSpecification: SPEC }))).ModelPackageArn!;
  expect((await failure(sm.send(new AddTagsCommand({ ResourceArn: v, Tags: [{ Key: 'a', Value: 'b' }] })))).name).toBe('ValidationException');
  expect((await sm.send(new ListTagsCommand({ ResourceArn: v }))).Tags).toEqual([]);
});
