/** The shared List* for models, endpoint configs and endpoints: sort, filters, paging. */
import type { Ctx, Json } from '../context.js';
import type { DeployRec, EndpointRec } from '../store.js';
import { millis } from '../context.js';
import { page } from '../paging.js';

type Kind = 'models' | 'endpointConfigs' | 'endpoints';

/** One page of a deploy collection. These lists default to newest first (SortOrder Descending). */
export function listDeployables<K extends Kind>(ctx: Ctx, kind: K, input: Json, extra: (r: K extends 'endpoints' ? EndpointRec : DeployRec) => boolean) {
  type R = K extends 'endpoints' ? EndpointRec : DeployRec;
  const sortBy = (input['SortBy'] as string | undefined) ?? 'CreationTime';
  const view = ctx.views.get(`${kind}:${sortBy}`, ctx.store.revision(kind), () => ctx.store.all(kind) as Iterable<R>, (r: R) => [
    sortBy === 'Name' ? r.name : sortBy === 'Status' ? (r as EndpointRec).status : r.createdMs,
    r.name.toLowerCase(),
  ]);
  const contains = (input['NameContains'] as string | undefined)?.toLowerCase();
  const after = millis(input['CreationTimeAfter']);
  const before = millis(input['CreationTimeBefore']);
  return page(view, {
    scope: `${kind}:${sortBy}`,
    descending: (input['SortOrder'] as string | undefined) !== 'Ascending',
    maxResults: (input['MaxResults'] as number | undefined) ?? 10,
    nextToken: input['NextToken'] as string | undefined,
    filter: (r) =>
      (contains === undefined || r.name.toLowerCase().includes(contains)) &&
      (after === undefined || r.createdMs > after) &&
      (before === undefined || r.createdMs < before) &&
      extra(r),
  });
}
