/**
 * Cursor paging over sorted views. A NextToken encodes the sort key and id of the last item
 * returned, so the next page starts with a binary search instead of a re-scan: paging through
 * n items costs O(n) overall. Sorted views are cached per collection revision and rebuilt only
 * after a write to that collection.
 */
import { validation } from './errors.js';

/** A sort key: a number (times, versions) or a string (names), plus a unique id as tiebreak. */
export type SortValue = string | number;

/** Items sorted ascending by (key, id), as of a revision. */
export interface View<T> {
  rev: number;
  items: T[];
  keys: SortValue[];
  ids: string[];
}

function cmp(a: SortValue, ai: string, b: SortValue, bi: string): number {
  if (a !== b) {
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    return String(a) < String(b) ? -1 : 1;
  }
  return ai === bi ? 0 : ai < bi ? -1 : 1;
}

/** Sorted views, cached until the revision they were built at moves. */
export class ViewCache {
  private readonly views = new Map<string, View<unknown>>();
  /** Items keyed and sorted while (re)building views, since start or the last reset. */
  rowsSorted = 0;

  /** The items sorted ascending by (key, id); built at most once per revision. */
  get<T>(name: string, rev: number, build: () => Iterable<T>, keyOf: (t: T) => [SortValue, string]): View<T> {
    const hit = this.views.get(name) as View<T> | undefined;
    if (hit && hit.rev === rev) return hit;
    const rows = [...build()].map((item) => ({ item, k: keyOf(item) }));
    this.rowsSorted += rows.length;
    rows.sort((a, b) => cmp(a.k[0], a.k[1], b.k[0], b.k[1]));
    const view: View<T> = { rev, items: rows.map((r) => r.item), keys: rows.map((r) => r.k[0]), ids: rows.map((r) => r.k[1]) };
    this.views.set(name, view as View<unknown>);
    return view;
  }

  clear(): void {
    this.views.clear();
  }
}

interface Cursor {
  s: string;
  k: SortValue;
  i: string;
}

function encode(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decode(token: string, scope: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (c.s === scope && (typeof c.k === 'string' || typeof c.k === 'number') && typeof c.i === 'string') return c as Cursor;
  } catch {
    // fall through to the same answer as a token for another query
  }
  throw validation('Invalid pagination token: the NextToken does not belong to this request.');
}

/** First index strictly after (k, i) in ascending order. */
function upperBound<T>(v: View<T>, k: SortValue, i: string): number {
  let lo = 0;
  let hi = v.items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(v.keys[mid] as SortValue, v.ids[mid] as string, k, i) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What a page request asks for. `scope` ties a token to its sort so stale tokens fail loudly. */
export interface PageRequest<T> {
  scope: string;
  descending: boolean;
  maxResults: number;
  nextToken: string | undefined;
  filter: (t: T) => boolean;
}

function cursorOf(req: { nextToken: string | undefined; scope: string }): Cursor | undefined {
  return req.nextToken === undefined || req.nextToken === '' ? undefined : decode(req.nextToken, req.scope);
}

/** Where a page starts in one view: just after the cursor in the page's direction. */
function startAt<T>(view: View<T>, c: Cursor | undefined, descending: boolean): number {
  const n = view.items.length;
  if (c === undefined) return descending ? n - 1 : 0;
  const after = upperBound(view, c.k, c.i);
  // Descending resumes just below the cursor: skip the cursor itself if it is still there.
  return descending ? (after > 0 && view.ids[after - 1] === c.i && view.keys[after - 1] === c.k ? after - 2 : after - 1) : after;
}

/**
 * One page plus the token for the next. After filling a page it looks ahead for one more match,
 * so the last page carries no token (no trailing empty page); each item is scanned at most twice.
 */
export function page<T>(view: View<T>, req: PageRequest<T>): { items: T[]; nextToken: string | undefined } {
  const n = view.items.length;
  let pos = startAt(view, cursorOf(req), req.descending);
  const step = req.descending ? -1 : 1;
  const items: T[] = [];
  let lastIdx = -1;
  for (; pos >= 0 && pos < n; pos += step) {
    const item = view.items[pos] as T;
    if (!req.filter(item)) continue;
    if (items.length === req.maxResults) {
      const last = lastIdx;
      return { items, nextToken: encode({ s: req.scope, k: view.keys[last] as SortValue, i: view.ids[last] as string }) };
    }
    items.push(item);
    lastIdx = pos;
  }
  return { items, nextToken: undefined };
}

/**
 * A page over the union of disjoint views (no id in two of them), merged in (key, id) order:
 * the same items, order and tokens as one view holding them all, so a token from either works
 * with the other. Each view resumes by binary search; a step compares the views' heads, so a
 * page of m items over k views costs O(k log n + (m + 1) k).
 */
export function pageUnion<T>(views: readonly View<T>[], req: PageRequest<T>): { items: T[]; nextToken: string | undefined } {
  const live = views.filter((v) => v.items.length > 0);
  if (live.length === 0) {
    cursorOf(req); // a foreign token still fails
    return { items: [], nextToken: undefined };
  }
  if (live.length === 1) return page(live[0] as View<T>, req);
  const c = cursorOf(req);
  const pos = live.map((v) => startAt(v, c, req.descending));
  const step = req.descending ? -1 : 1;
  const sign = req.descending ? -1 : 1;
  /** The view whose next item comes first in page order, or -1 when all are spent. */
  const head = (): number => {
    let best = -1;
    for (let j = 0; j < live.length; j++) {
      const v = live[j] as View<T>;
      const p = pos[j] as number;
      if (p < 0 || p >= v.items.length) continue;
      if (best >= 0) {
        const b = live[best] as View<T>;
        const bp = pos[best] as number;
        if (sign * cmp(v.keys[p] as SortValue, v.ids[p] as string, b.keys[bp] as SortValue, b.ids[bp] as string) >= 0) continue;
      }
      best = j;
    }
    return best;
  };
  const items: T[] = [];
  let last: Cursor | undefined;
  for (let j = head(); j >= 0; j = head()) {
    const v = live[j] as View<T>;
    const p = pos[j] as number;
    pos[j] = p + step;
    const item = v.items[p] as T;
    if (!req.filter(item)) continue;
    if (items.length === req.maxResults && last !== undefined) return { items, nextToken: encode(last) };
    items.push(item);
    last = { s: req.scope, k: v.keys[p] as SortValue, i: v.ids[p] as string };
  }
  return { items, nextToken: undefined };
}

/** A page of an already small list (tags): the token is the index. */
export function pageArray<T>(all: readonly T[], maxResults: number, nextToken: string | undefined, scope: string) {
  const start = nextToken ? Number(decode(nextToken, scope).k) : 0;
  const items = all.slice(start, start + maxResults);
  const end = start + items.length;
  return { items, nextToken: end < all.length ? encode({ s: scope, k: end, i: '' }) : undefined };
}
