/**
 * Reads declared groups with as few calls as the API allows:
 * - per group: DescribeModelPackageGroup, ListTags (one page up to 100 tags), and
 *   GetModelPackageGroupPolicy; a missing group costs only the Describe;
 * - versions: Search (Resource ModelPackage), because its records are complete, customer
 *   metadata included. ListModelPackages has no customer metadata (sagemaker-api.md §2.8),
 *   so listing would need one Describe per version: 100x the calls.
 * - small groups share a Search: a SearchExpression takes up to 20 filters joined with `Or`
 *   (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_SearchExpression.html),
 *   so 20 groups of 5 versions cost one page instead of 20. A large group in a batch only
 *   means more pages of the same query, which are followed to the end, so it stays correct.
 */
import {
  DescribeModelPackageGroupCommand,
  GetModelPackageGroupPolicyCommand,
  ListTagsCommand,
  SearchCommand,
  type DescribeModelPackageGroupCommandOutput,
  type SearchExpression,
} from '@aws-sdk/client-sagemaker';
import type { GroupStatus, LiveGroup, LiveState, LiveVersion } from '../reconcile/live.js';
import type { ReadProgress } from './registry.js';
import type { Call } from './call.js';
import { isNotFound } from './errors.js';
import { toLiveVersion } from './map.js';
import { pageAll } from './paging.js';

/** What readGroups needs from the adapter. */
export interface ReadDeps {
  /** The adapter's call, already behind its concurrency gate. */
  readonly call: Call;
  /** How many calls may be in flight; batches are sized so each in-flight slot has one. */
  readonly concurrency: number;
  /** Most groups per Search (1–20). */
  readonly maxSearchBatch: number;
  /**
   * Where group records and tags come from. 'describe' (default): DescribeModelPackageGroup and
   * ListTags per group, read-after-write consistent. 'search': Search(Resource
   * ModelPackageGroup), whose records carry Tags, batched like the version Search: one call per
   * 20 groups instead of two per group, at the cost of reading from Search's index.
   */
  readonly groupSource?: 'describe' | 'search';
}

/** The largest page Search and the list calls allow (sagemaker-api.md §6). */
export const PAGE_SIZE = 100;
/** SearchExpression.Filters holds at most 20 entries. */
export const MAX_SEARCH_FILTERS = 20;

/** Reads the named groups; see the module comment for the calls made. */
export async function readGroups(deps: ReadDeps, names: readonly string[], onProgress?: ReadProgress): Promise<LiveState> {
  const unique = [...new Set(names)];
  const batches = chunk(unique, searchBatchSize(unique.length, deps));
  const readMetas =
    deps.groupSource === 'search'
      ? Promise.all(batches.map((batch) => searchGroupMetas(deps.call, batch))).then((found) => {
          const byKey = new Map(found.flatMap((m) => [...m]));
          return unique.map((name) => byKey.get(name.toLowerCase()));
        })
      : Promise.all(unique.map((name) => readGroupMeta(deps.call, name)));
  const [metas, versionLists] = await Promise.all([
    readMetas,
    Promise.all(batches.map((batch) => searchVersions(deps.call, batch, onProgress))),
  ]);
  const versionsByGroup = new Map<string, LiveVersion[]>();
  for (const list of versionLists) for (const [k, v] of list) versionsByGroup.set(k, v);
  const groups = new Map<string, LiveGroup>();
  unique.forEach((name, i) => {
    const meta = metas[i];
    if (meta === undefined) return;
    const versions = versionsByGroup.get(name.toLowerCase()) ?? [];
    groups.set(name, { ...meta, versions });
  });
  return { groups };
}

/**
 * Groups per Search: enough batches to keep every concurrency slot busy (paging is
 * sequential within a query), but never more groups than one expression may hold.
 */
function searchBatchSize(groupCount: number, deps: ReadDeps): number {
  const max = Math.max(1, Math.min(MAX_SEARCH_FILTERS, deps.maxSearchBatch));
  return Math.max(1, Math.min(max, Math.ceil(groupCount / Math.max(1, deps.concurrency))));
}

/** DescribeModelPackageGroup, then its tags and policy; undefined when the group is missing. */
export async function readGroupMeta(call: Call, name: string): Promise<Omit<LiveGroup, 'versions'> | undefined> {
  const d = await describeGroupRaw(call, name);
  if (d?.ModelPackageGroupArn === undefined) return undefined;
  const arn = d.ModelPackageGroupArn;
  const [tags, policy] = await Promise.all([readTags(call, arn), readPolicy(call, name)]);
  return {
    name: d.ModelPackageGroupName ?? name,
    arn,
    ...(d.ModelPackageGroupDescription === undefined ? {} : { description: d.ModelPackageGroupDescription }),
    status: (d.ModelPackageGroupStatus ?? 'Completed') as GroupStatus,
    tags,
    ...(policy === undefined ? {} : { policy }),
  };
}

/** DescribeModelPackageGroup; undefined when SageMaker says it does not exist. */
export async function describeGroupRaw(call: Call, name: string): Promise<DescribeModelPackageGroupCommandOutput | undefined> {
  try {
    return await call('DescribeModelPackageGroup', new DescribeModelPackageGroupCommand({ ModelPackageGroupName: name }));
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

/** Group records (tags included) for a batch via Search, then each found group's policy. */
async function searchGroupMetas(call: Call, batch: readonly string[]): Promise<Map<string, Omit<LiveGroup, 'versions'>>> {
  const wanted = new Set(batch.map((n) => n.toLowerCase()));
  const records = await pageAll('Search', async (token) => {
    const out = await call(
      'Search',
      new SearchCommand({
        Resource: 'ModelPackageGroup',
        SearchExpression: groupFilter(batch),
        MaxResults: PAGE_SIZE,
        NextToken: token,
        ...STABLE_ORDER,
      }),
    );
    return { items: out.Results ?? [], next: out.NextToken };
  });
  const out = new Map<string, Omit<LiveGroup, 'versions'>>();
  await Promise.all(
    records.map(async ({ ModelPackageGroup: g }) => {
      const name = g?.ModelPackageGroupName;
      if (g?.ModelPackageGroupArn === undefined || name === undefined || !wanted.has(name.toLowerCase())) return;
      const tags: Record<string, string> = {};
      for (const t of g.Tags ?? []) if (t.Key !== undefined) tags[t.Key] = t.Value ?? '';
      const policy = await readPolicy(call, name);
      out.set(name.toLowerCase(), {
        name,
        arn: g.ModelPackageGroupArn,
        ...(g.ModelPackageGroupDescription === undefined ? {} : { description: g.ModelPackageGroupDescription }),
        status: (g.ModelPackageGroupStatus ?? 'Completed') as GroupStatus,
        tags,
        ...(policy === undefined ? {} : { policy }),
      });
    }),
  );
  return out;
}

/** `ModelPackageGroupName` equals any name in the batch (one filter each, joined with Or). */
function groupFilter(batch: readonly string[]): SearchExpression {
  return {
    Filters: batch.map((name) => ({ Name: 'ModelPackageGroupName', Operator: 'Equals', Value: name })),
    ...(batch.length > 1 ? { Operator: 'Or' } : {}),
  };
}

/**
 * Search sorts by LastModifiedTime, newest first, unless told otherwise; a version updated
 * while we page would move and could be skipped or seen twice. CreationTime never changes,
 * and a version created meanwhile lands at the end, on a later page.
 */
const STABLE_ORDER = { SortBy: 'CreationTime', SortOrder: 'Ascending' } as const;

async function readTags(call: Call, arn: string): Promise<Record<string, string>> {
  const tags = await pageAll('ListTags', async (token) => {
    // MaxResults has a modeled minimum of 50 and no maximum; 100 fits 50 user tags plus
    // any aws:/sagemaker: ones in one page.
    const out = await call('ListTags', new ListTagsCommand({ ResourceArn: arn, MaxResults: PAGE_SIZE, NextToken: token }));
    return { items: out.Tags ?? [], next: out.NextToken };
  });
  const map: Record<string, string> = {};
  for (const t of tags) if (t.Key !== undefined) map[t.Key] = t.Value ?? '';
  return map;
}

async function readPolicy(call: Call, name: string): Promise<unknown> {
  let text: string | undefined;
  try {
    const out = await call('GetModelPackageGroupPolicy', new GetModelPackageGroupPolicyCommand({ ModelPackageGroupName: name }));
    text = out.ResourcePolicy;
  } catch (e) {
    // A group without a policy answers ValidationException "Cannot find resource policy".
    if (isNotFound(e)) return undefined;
    throw e;
  }
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // SageMaker validates policies as JSON on Put; should one still not parse, the raw text
    // differs from any declared (parsed) policy, so the plan shows it instead of hiding it.
    return text;
  }
}

/** Every version of the groups in `batch`, keyed by lowercased group name, sorted by number. */
async function searchVersions(call: Call, batch: readonly string[], onProgress?: ReadProgress): Promise<Map<string, LiveVersion[]>> {
  const wanted = new Map(batch.map((n) => [n.toLowerCase(), n] as const));
  const byArn = new Map<string, LiveVersion>();
  const counts = new Map<string, number>();
  const expression = groupFilter(batch);
  await pageAll(
    'Search',
    async (token) => {
      const out = await call(
        'Search',
        new SearchCommand({
          Resource: 'ModelPackage',
          SearchExpression: expression,
          MaxResults: PAGE_SIZE,
          NextToken: token,
          ...STABLE_ORDER,
        }),
      );
      return { items: out.Results ?? [], next: out.NextToken };
    },
    (records) => {
      const touched = new Set<string>();
      for (const rec of records) {
        const v = rec.ModelPackage === undefined ? undefined : toLiveVersion(rec.ModelPackage);
        // Unversioned packages are not registry versions; a Deleting one is already on its
        // way out, and counting it would make a converged plan re-delete or miss it.
        if (v === undefined || v.status === 'Deleting') continue;
        const key = v.group.toLowerCase();
        if (!wanted.has(key)) continue;
        if (!byArn.has(v.arn.toLowerCase())) counts.set(key, (counts.get(key) ?? 0) + 1);
        byArn.set(v.arn.toLowerCase(), v);
        touched.add(key);
      }
      if (onProgress !== undefined) {
        for (const key of touched) onProgress({ group: wanted.get(key) ?? key, versionsRead: counts.get(key) ?? 0 });
      }
    },
  );
  const out = new Map<string, LiveVersion[]>();
  for (const key of wanted.keys()) out.set(key, []);
  for (const v of byArn.values()) out.get(v.group.toLowerCase())?.push(v);
  for (const list of out.values()) list.sort((a, b) => a.version - b.version);
  return out;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
