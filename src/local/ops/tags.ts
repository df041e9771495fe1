/** AddTags / ListTags / DeleteTags on groups, models, endpoint configs and endpoints (api §3). */
import type { Ctx, Handler } from '../context.js';
import type { CollectionName, Tag } from '../store.js';
import { mergeTags, parseArn } from '../context.js';
import { notFound, validation } from '../errors.js';
import { pageArray } from '../paging.js';
import { findVersion } from './version-view.js';

const TAGGABLE: Record<string, Exclude<CollectionName, 'versions' | 'tokens'>> = {
  'model-package-group': 'groups',
  model: 'models',
  'endpoint-config': 'endpointConfigs',
  endpoint: 'endpoints',
};

type Taggable = { c: Exclude<CollectionName, 'versions' | 'tokens'>; id: string; tags: Tag[] } | { c: 'versions' };

function target(ctx: Ctx, arn: string): Taggable {
  const parsed = parseArn(ctx, arn);
  if (parsed?.kind === 'model-package') {
    if (findVersion(ctx, arn)) return { c: 'versions' };
    throw notFound.version(arn);
  }
  const c = parsed ? TAGGABLE[parsed.kind] : undefined;
  const rec = c && parsed ? ctx.store.get(c, parsed.resource) : undefined;
  if (!c || !parsed || !rec) throw notFound.resource(arn);
  return { c, id: parsed.resource, tags: rec.tags };
}

const add: Handler = (ctx, input) => {
  const t = target(ctx, input['ResourceArn'] as string);
  // Registry versions carry no tags (api §2.1): their group's tags apply.
  if (t.c === 'versions') throw validation('Tags cannot be set on a versioned model package; tag its model package group instead.');
  const added = input['Tags'] as Tag[];
  const tags = mergeTags(t.tags, added);
  const rec = ctx.store.get(t.c, t.id);
  if (rec) ctx.store.put(t.c, t.id, { ...rec, tags } as never);
  return { Tags: added };
};

const remove: Handler = (ctx, input) => {
  const t = target(ctx, input['ResourceArn'] as string);
  if (t.c === 'versions') return undefined;
  const drop = new Set(input['TagKeys'] as string[]);
  const rec = ctx.store.get(t.c, t.id);
  if (rec && t.tags.some((tag) => drop.has(tag.Key))) ctx.store.put(t.c, t.id, { ...rec, tags: t.tags.filter((tag) => !drop.has(tag.Key)) } as never);
  return undefined;
};

const list: Handler = (ctx, input) => {
  const arn = input['ResourceArn'] as string;
  const t = target(ctx, arn);
  const tags = t.c === 'versions' ? [] : t.tags;
  const page = pageArray(tags, (input['MaxResults'] as number | undefined) ?? 50, input['NextToken'] as string | undefined, `tags:${arn}`);
  return page.nextToken === undefined ? { Tags: page.items } : { Tags: page.items, NextToken: page.nextToken };
};

/** Handlers by operation name. */
export const tagOps: Record<string, Handler> = { AddTags: add, DeleteTags: remove, ListTags: list };
