/**
 * What every operation handler gets: the store, sorted-view cache, fault settings, a clock and
 * the account/region ARNs are minted in. Plus the ARN and time helpers handlers share.
 */
import type { Faults } from './faults.js';
import type { ViewCache } from './paging.js';
import type { Store, Tag } from './store.js';
import { validation } from './errors.js';

/**
 * Work counters for Search over ModelPackage, so tests can check how much a query touched
 * without timing it. `scanned`: candidates a filter was tried on; `built`: full records built.
 */
export interface SearchMetrics {
  /** Search calls over ModelPackage. */
  searches: number;
  /** Of those, how many drew candidates from the per-group index instead of every version. */
  indexed: number;
  scanned: number;
  built: number;
}

/** Zeroed Search counters. */
export function searchMetrics(): SearchMetrics {
  return { searches: 0, indexed: 0, scanned: 0, built: 0 };
}

/** A handler's world. */
export interface Ctx {
  readonly store: Store;
  readonly views: ViewCache;
  readonly metrics: SearchMetrics;
  readonly faults: Faults;
  readonly region: string;
  readonly accountId: string;
  /** Milliseconds, strictly increasing so creation order and CreationTime order agree. */
  now(): number;
}

/** A JSON object as it comes off the wire. */
export type Json = Record<string, unknown>;

/** One operation: validated input in, output object (or nothing) out; throws ApiError. */
export type Handler = (ctx: Ctx, input: Json) => Json | undefined;

/** A clock that never repeats a value: ties get a microsecond nudge, not a millisecond. */
export function monotonicClock(source: () => number = Date.now): () => number {
  let last = 0;
  return () => {
    const t = source();
    last = t > last ? t : last + 0.001;
    return last;
  };
}

/** Milliseconds to the wire's epoch seconds. */
export function seconds(ms: number): number {
  return ms / 1000;
}

/** The wire's epoch seconds (number or numeric string) to milliseconds. */
export function millis(v: unknown): number | undefined {
  if (v === undefined || v === null) return undefined;
  return Number(v) * 1000;
}

/** Resource types the ARN helpers know. */
export type ArnKind = 'model-package-group' | 'model-package' | 'model' | 'endpoint-config' | 'endpoint';

/** An ARN as SageMaker mints it: the resource name lowercased. */
export function arnOf(ctx: Ctx, kind: ArnKind, resource: string): string {
  return `arn:aws:sagemaker:${ctx.region}:${ctx.accountId}:${kind}/${resource.toLowerCase()}`;
}

/** Splits one of our ARNs into kind and resource path; undefined for another account or region. */
export function parseArn(ctx: Ctx, arn: string): { kind: string; resource: string } | undefined {
  const m = /^arn:aws[a-z-]*:sagemaker:([a-z0-9-]*):([0-9]{12}):([a-z-]+)\/(.+)$/.exec(arn);
  if (!m || m[1] !== ctx.region || m[2] !== ctx.accountId) return undefined;
  return { kind: m[3] as string, resource: (m[4] as string).toLowerCase() };
}

/** The store key for a name-or-ARN input (the part after the last `/`, lowercased). */
export function keyOf(nameOrArn: string): string {
  return nameOrArn.startsWith('arn:') ? (nameOrArn.slice(nameOrArn.lastIndexOf('/') + 1)).toLowerCase() : nameOrArn.toLowerCase();
}

/** Checks tags the way AddTags and Create* do, and merges them over existing ones. */
export function mergeTags(existing: readonly Tag[], added: readonly Tag[]): Tag[] {
  for (const t of added) {
    if (t.Key.toLowerCase().startsWith('aws:')) throw validation(`Tag keys starting with 'aws:' are reserved for system use: ${t.Key}`);
  }
  const byKey = new Map(existing.map((t) => [t.Key, t.Value]));
  for (const t of added) byKey.set(t.Key, t.Value);
  // aws: tags are system-owned and do not count toward the limit.
  const counted = [...byKey.keys()].filter((k) => !k.toLowerCase().startsWith('aws:')).length;
  if (counted > 50) throw validation(`A resource can have at most 50 tags; this request would leave ${counted}.`);
  return [...byKey].map(([Key, Value]) => ({ Key, Value }));
}

/** Drops undefined members so responses carry only what is set. */
export function compact(o: Json): Json {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}
