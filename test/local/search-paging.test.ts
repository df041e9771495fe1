/** Contract tests: ListModelPackages paging and Search through the real SDK. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  DeleteModelPackageCommand,
  ListModelPackagesCommand,
  SearchCommand,
  UpdateModelPackageCommand,
  paginateListModelPackages,
  paginateSearch,
  type SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import type { LocalServer } from '../../src/local/index.js';
import { clientFor, failure, SPEC, start } from './helpers.js';

let server: LocalServer;
let sm: SageMakerClient;
beforeAll(async () => {
  server = await start();
  sm = clientFor(server);
  await sm.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'big' }));
  for (let i = 1; i <= 250; i++) {
    await sm.send(new CreateModelPackageCommand({ ModelPackageGroupName: 'big', InferenceSpecification: SPEC, CustomerMetadataProperties: { n: String(i), parity: i % 2 ? 'odd' : 'even' } }));
  }
  for (const g of ['alpha', 'beta', 'gamma']) {
    await sm.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: g }));
    for (let i = 0; i < 3; i++) await sm.send(new CreateModelPackageCommand({ ModelPackageGroupName: g, InferenceSpecification: SPEC, MetadataProperties: { CommitId: `${g}-${i}` } }));
  }
});
afterAll(() => server.stop());

describe('ListModelPackages', () => {
  it('pages 250 versions in 3 pages of ≤100 with no duplicates or gaps', async () => {
    const pages: number[] = [];
    const versions: number[] = [];
    for await (const page of paginateListModelPackages({ client: sm, pageSize: 100 }, { ModelPackageGroupName: 'big', ModelPackageType: 'Versioned' })) {
      pages.push(page.ModelPackageSummaryList?.length ?? 0);
      versions.push(...(page.ModelPackageSummaryList ?? []).map((s) => s.ModelPackageVersion ?? 0));
    }
    expect(pages).toEqual([100, 100, 50]);
    expect(versions).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
  });

  it('pages descending, and keeps going correctly when an item is deleted mid-paging', async () => {
    const first = await sm.send(new ListModelPackagesCommand({ ModelPackageGroupName: 'big', SortOrder: 'Descending', MaxResults: 10 }));
    expect(first.ModelPackageSummaryList?.map((s) => s.ModelPackageVersion)).toEqual([250, 249, 248, 247, 246, 245, 244, 243, 242, 241]);
    await sm.send(new DeleteModelPackageCommand({ ModelPackageName: 'big/241' }));
    const second = await sm.send(new ListModelPackagesCommand({ ModelPackageGroupName: 'big', SortOrder: 'Descending', MaxResults: 3, NextToken: first.NextToken }));
    expect(second.ModelPackageSummaryList?.map((s) => s.ModelPackageVersion)).toEqual([240, 239, 238]);
  });

  it('defaults to 10 results, filters, and returns an empty list for an unknown group', async () => {
    expect((await sm.send(new ListModelPackagesCommand({ ModelPackageGroupName: 'big' }))).ModelPackageSummaryList).toHaveLength(10);
    expect((await sm.send(new ListModelPackagesCommand({ ModelPackageGroupName: 'nothing-here' }))).ModelPackageSummaryList).toEqual([]);
    expect((await sm.send(new ListModelPackagesCommand({ ModelPackageGroupName: 'big', ModelApprovalStatus: 'Approved' }))).ModelPackageSummaryList).toEqual([]);
    // Without a group and without a type the API's documented default (Unversioned) applies.
    expect((await sm.send(new ListModelPackagesCommand({}))).ModelPackageSummaryList).toEqual([]);
    const both = await sm.send(new ListModelPackagesCommand({ ModelPackageType: 'Both', NameContains: 'alph', MaxResults: 100 }));
    expect(both.ModelPackageSummaryList).toHaveLength(3);
  });

  it('rejects MaxResults out of range and a foreign NextToken', async () => {
    expect((await failure(sm.send(new ListModelPackagesCommand({ ModelPackageGroupName: 'big', MaxResults: 101 })))).name).toBe('ValidationException');
    expect((await failure(sm.send(new ListModelPackagesCommand({ ModelPackageGroupName: 'big', MaxResults: 0 })))).name).toBe('ValidationException');
    expect((await failure(sm.send(new ListModelPackagesCommand({ ModelPackageGroupName: 'big', NextToken: 'garbage' })))).name).toBe('ValidationException');
  });
});

describe('Search (Resource=ModelPackage)', () => {
  it('filters by group and returns full records', async () => {
    const r = await sm.send(
      new SearchCommand({ Resource: 'ModelPackage', SearchExpression: { Filters: [{ Name: 'ModelPackageGroupName', Operator: 'Equals', Value: 'alpha' }] }, MaxResults: 100 }),
    );
    expect(r.Results).toHaveLength(3);
    const rec = r.Results?.[0]?.ModelPackage;
    expect(rec).toMatchObject({ ModelPackageGroupName: 'alpha', InferenceSpecification: SPEC, ModelPackageStatus: 'Completed', ModelApprovalStatus: 'PendingManualApproval' });
    expect(rec?.MetadataProperties?.CommitId).toMatch(/^alpha-/);
    expect(rec?.CreationTime).toBeInstanceOf(Date);
    expect(rec?.ModelPackageArn).toMatch(/model-package\/alpha\/\d$/);
  });

  it('ORs two groups in one call via SubExpressions', async () => {
    const r = await sm.send(
      new SearchCommand({
        Resource: 'ModelPackage',
        SearchExpression: {
          Operator: 'Or',
          SubExpressions: [
            { Filters: [{ Name: 'ModelPackageGroupName', Operator: 'Equals', Value: 'alpha' }] },
            { Filters: [{ Name: 'ModelPackageGroupName', Operator: 'Equals', Value: 'gamma' }] },
          ],
        },
        SortBy: 'CreationTime',
        SortOrder: 'Ascending',
        MaxResults: 100,
      }),
    );
    expect(r.Results?.map((x) => x.ModelPackage?.ModelPackageGroupName)).toEqual(['alpha', 'alpha', 'alpha', 'gamma', 'gamma', 'gamma']);
  });

  it('filters on CustomerMetadataProperties keys and other operators', async () => {
    const even = [];
    for await (const page of paginateSearch(
      { client: sm, pageSize: 40 },
      { Resource: 'ModelPackage', SearchExpression: { Filters: [{ Name: 'CustomerMetadataProperties.parity', Operator: 'Equals', Value: 'even' }] } },
    ))
      even.push(...(page.Results ?? []));
    expect(even.length).toBe(125); // version 241 (odd) was deleted above
    const some = await sm.send(
      new SearchCommand({
        Resource: 'ModelPackage',
        SearchExpression: { Filters: [{ Name: 'CustomerMetadataProperties.n', Operator: 'In', Value: '3,4,5' }, { Name: 'CustomerMetadataProperties.parity', Operator: 'NotEquals', Value: 'even' }] },
      }),
    );
    expect(some.Results?.map((x) => x.ModelPackage?.CustomerMetadataProperties?.['n']).sort()).toEqual(['3', '5']);
    const exists = await sm.send(new SearchCommand({ Resource: 'ModelPackage', MaxResults: 100, SearchExpression: { Filters: [{ Name: 'MetadataProperties.CommitId', Operator: 'Exists' }] } }));
    expect(exists.Results).toHaveLength(9);
  });

  it('pages with NextToken, default sort LastModifiedTime descending, no duplicates', async () => {
    await sm.send(new UpdateModelPackageCommand({ ModelPackageArn: 'arn:aws:sagemaker:us-east-1:123456789012:model-package/big/5', ModelApprovalStatus: 'Approved' }));
    const arns: string[] = [];
    let pages = 0;
    for await (const page of paginateSearch({ client: sm, pageSize: 100 }, { Resource: 'ModelPackage', SearchExpression: { Filters: [{ Name: 'ModelPackageGroupName', Value: 'big' }] } })) {
      pages += 1;
      arns.push(...(page.Results ?? []).map((x) => x.ModelPackage?.ModelPackageArn ?? ''));
    }
    expect(pages).toBe(3);
    expect(arns).toHaveLength(249);
    expect(new Set(arns).size).toBe(249);
    expect(arns[0]).toMatch(/\/big\/5$/); // most recently modified first
    const dflt = await sm.send(new SearchCommand({ Resource: 'ModelPackage' }));
    expect(dflt.Results).toHaveLength(10);
  });

  it('searches groups and rejects bad expressions', async () => {
    const r = await sm.send(new SearchCommand({ Resource: 'ModelPackageGroup', SearchExpression: { Filters: [{ Name: 'ModelPackageGroupName', Operator: 'Contains', Value: 'amm' }] } }));
    expect(r.Results?.map((x) => x.ModelPackageGroup?.ModelPackageGroupName)).toEqual(['gamma']);
    const empty = await failure(sm.send(new SearchCommand({ Resource: 'ModelPackage', SearchExpression: {} })));
    expect(empty.name).toBe('ValidationException');
    const tooMany = await failure(sm.send(new SearchCommand({ Resource: 'ModelPackage', MaxResults: 101 })));
    expect(tooMany.name).toBe('ValidationException');
  });
});
