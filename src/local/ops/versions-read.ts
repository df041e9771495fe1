/** Reading versioned model packages: Describe, List, BatchDescribe (api §2.8). */
import type { Ctx, Handler, Json } from '../context.js';
import type { VersionRec } from '../store.js';
import { compact, keyOf, millis, seconds } from '../context.js';
import { page } from '../paging.js';
import { findVersion, groupName, requireVersion, versionId, versionStatus, versionSummary, versionView } from './version-view.js';

const describe: Handler = (ctx, input) => versionView(ctx, requireVersion(ctx, input['ModelPackageName'] as string));

/**
 * The API reference says ModelPackageType defaults to Unversioned. Listing a group's versions
 * without a type is what AWS's own examples do, so a group filter implies Versioned.
 */
function wantsVersioned(input: Json): boolean {
  const type = input['ModelPackageType'] as string | undefined;
  if (type === undefined) return input['ModelPackageGroupName'] !== undefined;
  return type !== 'Unversioned';
}

function versionsView(ctx: Ctx, groupKey: string | undefined, sortBy: string) {
  const source = () => (groupKey === undefined ? ctx.store.all('versions') : ctx.store.groupVersions(groupKey).values());
  return ctx.views.get(
    `versions:${groupKey ?? '*'}:${sortBy}`,
    ctx.store.revision('versions'),
    source,
    (v: VersionRec) => [sortBy === 'Name' ? groupName(ctx, v) : v.createdMs, versionId(v)],
  );
}

const list: Handler = (ctx, input) => {
  if (!wantsVersioned(input)) return { ModelPackageSummaryList: [] };
  const sortBy = (input['SortBy'] as string | undefined) ?? 'CreationTime';
  const groupRef = input['ModelPackageGroupName'] as string | undefined;
  const groupKey = groupRef === undefined ? undefined : keyOf(groupRef);
  const contains = (input['NameContains'] as string | undefined)?.toLowerCase();
  const approval = input['ModelApprovalStatus'] as string | undefined;
  const after = millis(input['CreationTimeAfter']);
  const before = millis(input['CreationTimeBefore']);
  const result = page(versionsView(ctx, groupKey, sortBy), {
    scope: `versions:${groupKey ?? '*'}:${sortBy}`,
    descending: input['SortOrder'] === 'Descending',
    maxResults: (input['MaxResults'] as number | undefined) ?? 10,
    nextToken: input['NextToken'] as string | undefined,
    filter: (v) =>
      (contains === undefined || v.groupKey.includes(contains)) &&
      (approval === undefined || v.fields['ModelApprovalStatus'] === approval) &&
      (after === undefined || v.createdMs > after) &&
      (before === undefined || v.createdMs < before),
  });
  return compact({ ModelPackageSummaryList: result.items.map((v) => versionSummary(ctx, v)), NextToken: result.nextToken });
};

const batchDescribe: Handler = (ctx, input) => {
  const summaries: Record<string, Json> = {};
  const errors: Record<string, Json> = {};
  for (const arn of input['ModelPackageArnList'] as string[]) {
    const v = findVersion(ctx, arn);
    if (!v) {
      errors[arn] = { ErrorCode: 'ValidationException', ErrorResponse: `ModelPackage ${arn} does not exist.` };
      continue;
    }
    summaries[arn] = compact({
      ModelPackageGroupName: groupName(ctx, v),
      ModelPackageVersion: v.version,
      ModelPackageArn: v.arn,
      ModelPackageDescription: v.fields['ModelPackageDescription'],
      CreationTime: seconds(v.createdMs),
      InferenceSpecification: v.fields['InferenceSpecification'],
      ModelPackageStatus: versionStatus(ctx, v),
      ModelApprovalStatus: v.fields['ModelApprovalStatus'],
      ModelPackageRegistrationType: v.fields['ModelPackageRegistrationType'],
    });
  }
  return { ModelPackageSummaries: summaries, BatchDescribeModelPackageErrorMap: errors };
};

/** Handlers by operation name. */
export const versionReadOps: Record<string, Handler> = {
  DescribeModelPackage: describe,
  ListModelPackages: list,
  BatchDescribeModelPackage: batchDescribe,
};
