/** ModelPackageGroup operations and group policies (api §1). */
import type { Ctx, Handler, Json } from '../context.js';
import type { GroupRec, Tag } from '../store.js';
import { arnOf, compact, keyOf, mergeTags, millis, seconds } from '../context.js';
import { conflict, notFound, validation } from '../errors.js';
import { page } from '../paging.js';

/** Pending until its status delay has passed, then Completed (computed on read). */
export function groupStatus(ctx: Ctx, g: GroupRec): string {
  return ctx.now() >= g.readyAtMs ? 'Completed' : 'Pending';
}

/** The group a name-or-ARN input names, or the not-found error. */
export function requireGroup(ctx: Ctx, nameOrArn: string): GroupRec {
  const g = ctx.store.get('groups', keyOf(nameOrArn));
  if (!g) throw notFound.group(nameOrArn);
  return g;
}

/** The group as Describe and Search show it. */
export function groupView(ctx: Ctx, g: GroupRec): Json {
  return compact({
    ModelPackageGroupName: g.name,
    ModelPackageGroupArn: g.arn,
    ModelPackageGroupDescription: g.description,
    CreationTime: seconds(g.createdMs),
    ModelPackageGroupStatus: groupStatus(ctx, g),
  });
}

const create: Handler = (ctx, input) => {
  const name = input['ModelPackageGroupName'] as string;
  const key = name.toLowerCase();
  const arn = arnOf(ctx, 'model-package-group', name);
  if (ctx.store.get('groups', key)) throw validation(`Model Package Group already exists: ${arn}`);
  const now = ctx.now();
  const rec: GroupRec = compact({
    name,
    arn,
    description: input['ModelPackageGroupDescription'] as string | undefined,
    createdMs: now,
    readyAtMs: now + ctx.faults.groupDelayMs,
    tags: mergeTags([], (input['Tags'] as Tag[] | undefined) ?? []),
    nextVersion: 1,
  }) as unknown as GroupRec;
  ctx.store.put('groups', key, rec);
  return { ModelPackageGroupArn: arn };
};

const describe: Handler = (ctx, input) => groupView(ctx, requireGroup(ctx, input['ModelPackageGroupName'] as string));

const remove: Handler = (ctx, input) => {
  const g = requireGroup(ctx, input['ModelPackageGroupName'] as string);
  const key = g.name.toLowerCase();
  const left = ctx.store.groupVersions(key).size;
  // AWS models only ConflictException here; a non-empty group is the conflict clients expect.
  if (left > 0) throw conflict(`Model Package Group ${g.name} still contains ${left} model package(s); delete them first.`);
  ctx.store.remove('groups', key);
  return undefined;
};

const list: Handler = (ctx, input) => {
  const sortBy = (input['SortBy'] as string | undefined) ?? 'CreationTime';
  const view = ctx.views.get(`groups:${sortBy}`, ctx.store.revision('groups'), () => ctx.store.all('groups'), (g) => [
    sortBy === 'Name' ? g.name : g.createdMs,
    g.name.toLowerCase(),
  ]);
  const contains = (input['NameContains'] as string | undefined)?.toLowerCase();
  const after = millis(input['CreationTimeAfter']);
  const before = millis(input['CreationTimeBefore']);
  const result = page(view, {
    scope: `groups:${sortBy}`,
    descending: input['SortOrder'] === 'Descending',
    maxResults: (input['MaxResults'] as number | undefined) ?? 10,
    nextToken: input['NextToken'] as string | undefined,
    filter: (g) =>
      (contains === undefined || g.name.toLowerCase().includes(contains)) &&
      (after === undefined || g.createdMs > after) &&
      (before === undefined || g.createdMs < before),
  });
  return compact({ ModelPackageGroupSummaryList: result.items.map((g) => groupView(ctx, g)), NextToken: result.nextToken });
};

function policyTarget(ctx: Ctx, input: Json): GroupRec {
  return requireGroup(ctx, input['ModelPackageGroupName'] as string);
}

const putPolicy: Handler = (ctx, input) => {
  const g = policyTarget(ctx, input);
  const policy = input['ResourcePolicy'] as string;
  try {
    const parsed: unknown = JSON.parse(policy);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new TypeError('not an object');
  } catch {
    throw validation('The resource policy is not valid JSON.');
  }
  ctx.store.put('groups', g.name.toLowerCase(), { ...g, policy });
  return { ModelPackageGroupArn: g.arn };
};

const getPolicy: Handler = (ctx, input) => {
  const g = policyTarget(ctx, input);
  if (g.policy === undefined) throw validation(`Cannot find resource policy for ModelPackageGroup ${g.name}.`);
  return { ResourcePolicy: g.policy };
};

const deletePolicy: Handler = (ctx, input) => {
  const g = policyTarget(ctx, input);
  if (g.policy === undefined) throw validation(`Cannot find resource policy for ModelPackageGroup ${g.name}.`);
  const { policy: _dropped, ...rest } = g;
  ctx.store.put('groups', g.name.toLowerCase(), rest);
  return undefined;
};

/** Handlers by operation name. */
export const groupOps: Record<string, Handler> = {
  CreateModelPackageGroup: create,
  DescribeModelPackageGroup: describe,
  DeleteModelPackageGroup: remove,
  ListModelPackageGroups: list,
  PutModelPackageGroupPolicy: putPolicy,
  GetModelPackageGroupPolicy: getPolicy,
  DeleteModelPackageGroupPolicy: deletePolicy,
};
