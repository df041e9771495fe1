/**
 * Search over ModelPackage with the per-group index: a query that pins ModelPackageGroupName
 * draws candidates from those groups only, and must answer exactly what the full scan answers
 * (same records, same order, same pages, interchangeable tokens).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  DeleteModelPackageCommand,
  ListModelPackagesCommand,
  SearchCommand,
  UpdateModelPackageCommand,
  type SageMakerClient,
  type SearchCommandInput,
  type SearchExpression,
  type SearchRecord,
} from '@aws-sdk/client-sagemaker';
import type { LocalServer } from '../../src/local/index.js';
import { versionMember, versionView } from '../../src/local/ops/version-view.js';
import { pinnedValues } from '../../src/local/search-expression.js';
import { clientFor, SPEC, start } from './helpers.js';

const eq = (g: string) => ({ Name: 'ModelPackageGroupName', Operator: 'Equals' as const, Value: g });
/** Matches nothing; as an Or branch it leaves the group names unpinned, forcing the full scan. */
const NOTHING = { Filters: [{ Name: 'ModelPackageArn', Operator: 'NotExists' as const }] };
const fullScan = (e: SearchExpression): SearchExpression => ({ Operator: 'Or', SubExpressions: [e, NOTHING] });

const ARN = 'arn:aws:sagemaker:us-east-1:123456789012:model-package';

let server: LocalServer;
let sm: SageMakerClient;

interface Paged {
  records: SearchRecord[];
  pages: number[];
}

async function searchAll(input: Omit<SearchCommandInput, 'Resource'>, pageSize: number): Promise<Paged> {
  const out: Paged = { records: [], pages: [] };
  let token: string | undefined;
  do {
    const r = await sm.send(new SearchCommand({ Resource: 'ModelPackage', MaxResults: pageSize, NextToken: token, ...input }));
    out.records.push(...(r.Results ?? []));
    out.pages.push(r.Results?.length ?? 0);
    token = r.NextToken;
  } while (token !== undefined);
  return out;
}

/** Runs a query and reports whether it went through the index. */
async function searchCounted(input: Omit<SearchCommandInput, 'Resource'>, pageSize: number): Promise<Paged & { indexed: boolean }> {
  const before = server.control.metrics();
  const r = await searchAll(input, pageSize);
  const after = server.control.metrics();
  const indexed = after.indexed - before.indexed;
  expect([0, r.pages.length]).toContain(indexed);
  return { ...r, indexed: indexed > 0 };
}

const arns = (p: Paged) => p.records.map((r) => r.ModelPackage?.ModelPackageArn);

describe('indexed Search equals the full scan', () => {
  const sizes: Record<string, number> = { ga: 37, gb: 23, gc: 50, Gd: 5, ge: 0 };
  beforeAll(async () => {
    server = await start();
    sm = clientFor(server);
    for (const g of Object.keys(sizes)) await sm.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: g }));
    // Interleaved creation: round-robin over the groups until each has its size.
    const made: Record<string, number> = {};
    for (let round = 0; round < 50; round++) {
      for (const [g, n] of Object.entries(sizes)) {
        if ((made[g] ?? 0) >= n) continue;
        made[g] = (made[g] ?? 0) + 1;
        await sm.send(
          new CreateModelPackageCommand({
            ModelPackageGroupName: g,
            InferenceSpecification: SPEC,
            CustomerMetadataProperties: { round: String(round), 'reg.io/parity': round % 2 ? 'odd' : 'even' },
            ...(round % 3 === 0 ? { ModelPackageDescription: `${g} round ${round}` } : {}),
          }),
        );
      }
    }
    // Updates move LastModifiedTime; deletes leave holes.
    for (const ref of ['ga/3', 'gb/10', 'gc/1', 'ga/30', 'Gd/2']) await sm.send(new UpdateModelPackageCommand({ ModelPackageArn: `${ARN}/${ref}`, ModelApprovalStatus: 'Approved' }));
    for (const ref of ['ga/4', 'gc/50', 'gb/1']) await sm.send(new DeleteModelPackageCommand({ ModelPackageName: ref }));
  });
  afterAll(() => server.stop());

  const shapes: [string, SearchExpression][] = [
    ['Filters joined with Or (the adapter)', { Filters: [eq('ga'), eq('gb')], Operator: 'Or' }],
    ['SubExpressions joined with Or', { Operator: 'Or', SubExpressions: [{ Filters: [eq('gb')] }, { Filters: [eq('ga')] }] }],
    ['one group', { Filters: [eq('gc')] }],
    ['a group with other names and an extra condition', { Filters: [eq('Gd'), { Name: 'ModelApprovalStatus', Value: 'PendingManualApproval' }] }],
    ['In, with an empty and an unknown group', { Filters: [{ Name: 'ModelPackageGroupName', Operator: 'In', Value: 'ge, gc,nope' }] }],
    ['a name in other case (matches nothing)', { Filters: [eq('GA')] }],
    ['group pins under And with a metadata filter', { SubExpressions: [{ Filters: [eq('ga'), eq('gc'), eq('ga')], Operator: 'Or' }], Filters: [{ Name: 'CustomerMetadataProperties.reg.io/parity', Value: 'odd' }] }],
  ];
  const sorts: Omit<SearchCommandInput, 'Resource' | 'SearchExpression'>[] = [
    { SortBy: 'CreationTime', SortOrder: 'Ascending' },
    { SortBy: 'CreationTime', SortOrder: 'Descending' },
    {}, // LastModifiedTime, Descending
    { SortBy: 'LastModifiedTime', SortOrder: 'Ascending' },
    { SortBy: 'ModelPackageVersion', SortOrder: 'Ascending' },
    { SortBy: 'ModelPackageGroupName', SortOrder: 'Descending' },
  ];

  for (const [label, expression] of shapes) {
    it(`${label}: same records, order and pages, across every sort`, async () => {
      for (const sort of sorts) {
        for (const pageSize of [7, 100]) {
          const indexed = await searchCounted({ SearchExpression: expression, ...sort }, pageSize);
          const scanned = await searchCounted({ SearchExpression: fullScan(expression), ...sort }, pageSize);
          expect(indexed.indexed).toBe(true);
          expect(scanned.indexed).toBe(false);
          expect(indexed.records).toEqual(scanned.records);
          expect(indexed.pages).toEqual(scanned.pages);
          expect(new Set(arns(indexed)).size).toBe(indexed.records.length);
        }
      }
    });
  }

  it('two groups in creation order equal ListModelPackages of each, merged by CreationTime', async () => {
    const listed = [];
    for (const g of ['ga', 'gb']) {
      const r = await sm.send(new ListModelPackagesCommand({ ModelPackageGroupName: g, MaxResults: 100 }));
      listed.push(...(r.ModelPackageSummaryList ?? []));
    }
    listed.sort((a, b) => (a.CreationTime?.getTime() ?? 0) - (b.CreationTime?.getTime() ?? 0));
    const searched = await searchAll({ SearchExpression: { Filters: [eq('ga'), eq('gb')], Operator: 'Or' }, SortBy: 'CreationTime', SortOrder: 'Ascending' }, 10);
    expect(arns(searched)).toEqual(listed.map((s) => s.ModelPackageArn));
    expect(searched.records).toHaveLength(sizes['ga']! + sizes['gb']! - 2);
    // The groups really are interleaved in that order (gb/1 was deleted).
    const groups = searched.records.map((r) => r.ModelPackage?.ModelPackageGroupName);
    expect(groups.slice(0, 5)).toEqual(['ga', 'ga', 'gb', 'ga', 'gb']);
  });

  it('tokens are interchangeable between the indexed and the full-scan query', async () => {
    const expression: SearchExpression = { Filters: [eq('gc'), eq('ga')], Operator: 'Or' };
    const sort = { SortBy: 'CreationTime', SortOrder: 'Descending' } as const;
    const first = await sm.send(new SearchCommand({ Resource: 'ModelPackage', SearchExpression: fullScan(expression), MaxResults: 15, ...sort }));
    const viaIndex = await sm.send(new SearchCommand({ Resource: 'ModelPackage', SearchExpression: expression, MaxResults: 15, NextToken: first.NextToken, ...sort }));
    const viaScan = await sm.send(new SearchCommand({ Resource: 'ModelPackage', SearchExpression: fullScan(expression), MaxResults: 15, NextToken: first.NextToken, ...sort }));
    expect(viaIndex.Results).toEqual(viaScan.Results);
    expect(viaIndex.NextToken).toBe(viaScan.NextToken);
    expect(viaIndex.Results).toHaveLength(15);
  });

  it('a write between pages: the cursor stays put, in both directions', async () => {
    for (const order of ['Ascending', 'Descending'] as const) {
      const query = { SearchExpression: { Filters: [eq('gb'), eq('Gd')], Operator: 'Or' as const }, SortBy: 'CreationTime', SortOrder: order };
      const before = await searchAll(query, 100);
      const first = await sm.send(new SearchCommand({ Resource: 'ModelPackage', MaxResults: 6, ...query }));
      const last = first.Results?.at(-1)?.ModelPackage;
      // Delete the cursor item itself, and create a version in a group that is not queried.
      await sm.send(new DeleteModelPackageCommand({ ModelPackageName: last?.ModelPackageArn }));
      await sm.send(new CreateModelPackageCommand({ ModelPackageGroupName: 'ga', InferenceSpecification: SPEC }));
      const second = await sm.send(new SearchCommand({ Resource: 'ModelPackage', MaxResults: 6, NextToken: first.NextToken, ...query }));
      expect(second.Results?.map((r) => r.ModelPackage?.ModelPackageArn)).toEqual(arns(before).slice(6, 12));
    }
  });
});

describe('work done by a one-group query', () => {
  let s: LocalServer;
  let c: SageMakerClient;
  beforeAll(async () => {
    s = await start();
    c = clientFor(s);
    for (const g of ['small', 'other']) await c.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: g }));
  });
  afterAll(() => s.stop());

  async function addVersions(group: string, n: number): Promise<void> {
    for (let i = 0; i < n; i++) await c.send(new CreateModelPackageCommand({ ModelPackageGroupName: group, InferenceSpecification: SPEC }));
  }

  async function pageSmall(expression: SearchExpression) {
    s.control.resetStats();
    let token: string | undefined;
    let n = 0;
    do {
      const r = await c.send(new SearchCommand({ Resource: 'ModelPackage', SearchExpression: expression, SortBy: 'CreationTime', MaxResults: 2, NextToken: token }));
      n += r.Results?.length ?? 0;
      token = r.NextToken;
    } while (token !== undefined);
    return { n, metrics: s.control.metrics() };
  }

  it('scans and builds as many records with 10 or 310 versions in another group', async () => {
    await addVersions('small', 5);
    await addVersions('other', 10);
    const few = await pageSmall({ Filters: [eq('small')] });
    await addVersions('other', 300);
    const many = await pageSmall({ Filters: [eq('small')] });
    expect(few.n).toBe(5);
    expect(many.n).toBe(5);
    expect(many.metrics.indexed).toBe(3);
    // Each result is built once; each candidate scanned at most twice (the look-ahead).
    expect(many.metrics.built).toBe(5);
    expect(many.metrics.scanned).toBe(few.metrics.scanned);
    expect(many.metrics.scanned).toBeLessThanOrEqual(10);
    // Writes to `other` do not invalidate `small`'s view.
    expect(many.metrics.sorted).toBe(0);

    // The full scan, for contrast, tries every version of every group.
    const scan = await pageSmall(fullScan({ Filters: [eq('small')] }));
    expect(scan.n).toBe(5);
    expect(scan.metrics.indexed).toBe(0);
    expect(scan.metrics.built).toBe(5);
    expect(scan.metrics.scanned).toBeGreaterThanOrEqual(315);

    const http = (await (await fetch(`${s.url}/_reg/metrics`)).json()) as Record<string, number>;
    expect(http).toEqual(s.control.metrics());
  });
});

describe('pieces', () => {
  it('versionMember answers each member of versionView, and nothing else', async () => {
    const s = await start();
    try {
      const c = clientFor(s);
      await c.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'Shown' }));
      await c.send(
        new CreateModelPackageCommand({
          ModelPackageGroupName: 'Shown',
          InferenceSpecification: SPEC,
          ModelPackageDescription: 'd',
          CustomerMetadataProperties: { a: '1' },
          MetadataProperties: { CommitId: 'abc' },
        }),
      );
      const ctx = s.control.ctx;
      const v = [...ctx.store.all('versions')][0]!;
      const view = versionView(ctx, v);
      for (const [k, value] of Object.entries(view)) expect(versionMember(ctx, v, k)).toEqual(value);
      for (const absent of ['Tags', 'ClientToken', 'constructor', 'toString', 'ModelPackageDescription.x', 'Nope'])
        expect(versionMember(ctx, v, absent)).toBeUndefined();
    } finally {
      await s.stop();
    }
  });

  it('pinnedValues finds the group names an expression pins, and only then', () => {
    const names = (e: unknown) => {
      const set = pinnedValues(e as never, 'ModelPackageGroupName');
      return set === undefined ? undefined : [...set].sort();
    };
    expect(names({ Filters: [eq('a')] })).toEqual(['a']);
    expect(names({ Filters: [eq('a'), eq('b')], Operator: 'Or' })).toEqual(['a', 'b']);
    expect(names({ Filters: [eq('a'), eq('b')] })).toEqual(['a']); // And: either set bounds it
    expect(names({ Filters: [{ Name: 'ModelPackageGroupName', Value: 'a' }] })).toEqual(['a']);
    expect(names({ Filters: [{ Name: 'ModelPackageGroupName', Operator: 'In', Value: 'a, b' }] })).toEqual(['a', 'b']);
    expect(names({ Operator: 'Or', SubExpressions: [{ Filters: [eq('a')] }, { Filters: [eq('b'), { Name: 'X', Value: '1' }] }] })).toEqual(['a', 'b']);
    expect(names({ Filters: [{ Name: 'X', Value: '1' }], SubExpressions: [{ Operator: 'Or', Filters: [eq('a'), eq('c')] }] })).toEqual(['a', 'c']);
    expect(names({ Operator: 'Or', Filters: [eq('a'), { Name: 'X', Value: '1' }] })).toBeUndefined();
    expect(names({ Filters: [{ Name: 'ModelPackageGroupName', Operator: 'Contains', Value: 'a' }] })).toBeUndefined();
    expect(names({ Filters: [{ Name: 'ModelPackageGroupName', Operator: 'NotEquals', Value: 'a' }] })).toBeUndefined();
    expect(names({ NestedFilters: [{ NestedPropertyName: 'ModelPackageGroupName', Filters: [eq('a')] }] })).toBeUndefined();
    expect(names(undefined)).toBeUndefined();
  });
});
