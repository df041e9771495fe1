/** Search over Resource=ModelPackage and ModelPackageGroup (api §2.8). */
import type { Ctx, Handler, Json } from '../context.js';
import type { GroupRec, VersionRec } from '../store.js';
import { compact } from '../context.js';
import { validation } from '../errors.js';
import { page, type SortValue } from '../paging.js';
import { checkExpression, matches, resolvePath } from '../search-expression.js';
import { groupView } from './groups.js';
import { versionId, versionView } from './version-view.js';

/** ResourceType values in the service model; only the two registry ones have data here. */
const RESOURCES = new Set([
  'TrainingJob', 'Experiment', 'ExperimentTrial', 'ExperimentTrialComponent', 'Endpoint', 'ModelPackage', 'ModelPackageGroup',
  'Pipeline', 'PipelineExecution', 'FeatureGroup', 'FeatureMetadata', 'Image', 'ImageVersion', 'Project', 'HyperParameterTuningJob',
  'ModelCard', 'Model', 'TrainingPlan',
]);

function sortValue(record: Json, sortBy: string): SortValue {
  const v = resolvePath(record, sortBy.split('.'))[0];
  return typeof v === 'number' ? v : v === undefined ? '' : String(v);
}

/** The Search record for a version: Describe's shape plus Tags (always empty for versions). */
function packageRecord(ctx: Ctx, v: VersionRec): Json {
  return { ...versionView(ctx, v), Tags: [] };
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
    // Records are built once per view revision; unset LastModifiedTime sorts as CreationTime.
    const view = ctx.views.get(`search:versions:${sortBy}`, ctx.store.revision('versions'), () => ctx.store.all('versions'), (v) => [
      sortValue(packageRecord(ctx, v), sortBy),
      versionId(v),
    ]);
    const result = page(view, { ...common, scope: `search:ModelPackage:${sortBy}`, filter: (v) => matches(packageRecord(ctx, v), expression) });
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
