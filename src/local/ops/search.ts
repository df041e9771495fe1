/** Search over Resource=ModelPackage and ModelPackageGroup (api §2.8). */
import type { Ctx, Handler, Json } from '../context.js';
import type { GroupRec, VersionRec } from '../store.js';
import type { Expression } from '../search-expression.js';
import { compact } from '../context.js';
import { validation } from '../errors.js';
import { page, pageUnion, type SortValue, type View } from '../paging.js';
import { checkExpression, LazyRecord, matches, pinnedValues, resolvePath } from '../search-expression.js';
import { groupView } from './groups.js';
import { versionId, versionMember, versionView } from './version-view.js';

/** ResourceType values in the service model; only the two registry ones have data here. */
const RESOURCES = new Set([
  'TrainingJob', 'Experiment', 'ExperimentTrial', 'ExperimentTrialComponent', 'Endpoint', 'ModelPackage', 'ModelPackageGroup',
  'Pipeline', 'PipelineExecution', 'FeatureGroup', 'FeatureMetadata', 'Image', 'ImageVersion', 'Project', 'HyperParameterTuningJob',
  'ModelCard', 'Model', 'TrainingPlan',
]);

function sortValue(record: unknown, sortBy: string): SortValue {
  const v = resolvePath(record, sortBy.split('.'))[0];
  return typeof v === 'number' ? v : v === undefined ? '' : String(v);
}

/** The Search record for a version: Describe's shape plus Tags (always empty for versions). */
function packageRecord(ctx: Ctx, v: VersionRec): Json {
  ctx.metrics.built += 1;
  const record = versionView(ctx, v);
  record['Tags'] = [];
  return record;
}

/** The same record, its members computed only when a filter or sort key names them. */
function lazyPackageRecord(ctx: Ctx, v: VersionRec): LazyRecord {
  return new LazyRecord((name) => (name === 'Tags' ? [] : versionMember(ctx, v, name)));
}

/**
 * The sorted views a query draws candidates from. When the expression pins
 * ModelPackageGroupName to a set of names, only those groups' versions can match: one view per
 * group, cached until that group's versions change. Otherwise one view of every version. Both
 * sort by the same (key, id), so the merged group views list exactly the matches of the full
 * view, in the same order, and tokens mean the same position in either.
 */
function versionViews(ctx: Ctx, expression: Expression | undefined, sortBy: string): View<VersionRec>[] {
  const keyOf = (v: VersionRec): [SortValue, string] => [sortValue(lazyPackageRecord(ctx, v), sortBy), versionId(v)];
  const names = pinnedValues(expression, 'ModelPackageGroupName');
  if (names === undefined)
    return [ctx.views.get(`search:versions:${sortBy}`, ctx.store.revision('versions'), () => ctx.store.all('versions'), keyOf)];
  ctx.metrics.indexed += 1;
  // Group keys are lowercased names; a name differing only in case maps to the same group.
  const keys = new Set([...names].map((n) => n.toLowerCase()));
  return [...keys].map((key) =>
    ctx.views.get(`search:versions:${sortBy}:group:${key}`, ctx.store.groupRevision(key), () => ctx.store.groupVersions(key).values(), keyOf),
  );
}

function groupRecord(ctx: Ctx, g: GroupRec): Json {
  return { ...groupView(ctx, g), Tags: g.tags };
}

const search: Handler = (ctx, input) => {
  const resource = input['Resource'] as string;
  if (!RESOURCES.has(resource))
    throw validation(`1 validation error detected: Value '${resource}' at 'resource' failed to satisfy constraint: Member must satisfy enum value set: [${[...RESOURCES].join(', ')}]`);
  const expression = checkExpression(input['SearchExpression']);
  const sortBy = (input['SortBy'] as string | undefined) ?? 'LastModifiedTime';
  const common = {
    descending: (input['SortOrder'] as string | undefined) !== 'Ascending',
    maxResults: (input['MaxResults'] as number | undefined) ?? 10,
    nextToken: input['NextToken'] as string | undefined,
  };
  if (resource === 'ModelPackage') {
    ctx.metrics.searches += 1;
    const filter = (v: VersionRec): boolean => {
      ctx.metrics.scanned += 1;
      return matches(lazyPackageRecord(ctx, v), expression);
    };
    const result = pageUnion(versionViews(ctx, expression, sortBy), { ...common, scope: `search:ModelPackage:${sortBy}`, filter });
    return compact({ Results: result.items.map((v) => ({ ModelPackage: packageRecord(ctx, v) })), NextToken: result.nextToken });
  }
  if (resource === 'ModelPackageGroup') {
    const groupSort = sortBy === 'LastModifiedTime' ? 'CreationTime' : sortBy;
    const view = ctx.views.get(`search:groups:${groupSort}`, ctx.store.revision('groups'), () => ctx.store.all('groups'), (g) => [
      sortValue(groupRecord(ctx, g), groupSort),
      g.name.toLowerCase(),
    ]);
    const result = page(view, { ...common, scope: `search:ModelPackageGroup:${groupSort}`, filter: (g) => matches(groupRecord(ctx, g), expression) });
    return compact({ Results: result.items.map((g) => ({ ModelPackageGroup: groupRecord(ctx, g) })), NextToken: result.nextToken });
  }
  return { Results: [] };
};

/** Handlers by operation name. */
export const searchOps: Record<string, Handler> = { Search: search };
