/**
 * Maps a JSON pointer (ajv's instancePath) back to a line and column in the YAML source,
 * walking the document's nodes rather than re-parsing, so aliases and flow style still work.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';

/** A path into the document: mapping keys as strings, sequence indexes as numbers. */
export type DocPath = readonly (string | number)[];

/** Splits a JSON pointer ("/groups/0/name") into segments, unescaping ~1 and ~0. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

interface Found {
  /** The deepest node reached. */
  readonly node: Node | null;
  /** The pair holding it, when the last step was a mapping key. */
  readonly pair: Pair | null;
  /** How many segments were resolved; less than path.length when the path leaves the document. */
  readonly depth: number;
}

function resolveAlias(doc: Document, node: unknown): unknown {
  // Aliases point at their anchor; positions then land on the anchored node, which is
  // where the offending value is actually written.
  return isAlias(node) ? node.resolve(doc) : node;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  if (key === null || key === undefined) return '';
  return typeof key === 'string' || typeof key === 'number' ? String(key) : undefined;
}

function walk(doc: Document, path: readonly (string | number)[]): Found {
  let node = resolveAlias(doc, doc.contents) as Node | null;
  let pair: Pair | null = null;
  let depth = 0;
  for (const seg of path) {
    if (isMap(node)) {
      const hit = node.items.find((p) => isPair(p) && keyText(p.key) === String(seg));
      if (!hit) break;
      pair = hit;
      node = (resolveAlias(doc, hit.value) as Node | null) ?? null;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)];
      if (item === undefined) break;
      pair = null;
      node = resolveAlias(doc, item) as Node | null;
    } else {
      break;
    }
    depth++;
  }
  return { node, pair, depth };
}

/** A 1-based position. */
export interface LineCol {
  readonly line: number;
  readonly col: number;
}

function offsetOf(n: unknown): number | undefined {
  const range = (n as { range?: readonly number[] } | null)?.range;
  return range?.[0];
}

/**
 * Where the thing at `path` is. `target: 'key'` points at the mapping key (for unknown or
 * reserved keys); `'value'` at the value, falling back to its key when the value is empty.
 * A path that leaves the document lands on the deepest node that exists.
 */
export function locate(doc: Document, lineCounter: LineCounter, path: DocPath, target: 'key' | 'value' = 'value'): LineCol {
  const found = walk(doc, path);
  const complete = found.depth === path.length;
  let offset: number | undefined;
  if (complete && target === 'key' && found.pair) offset = offsetOf(found.pair.key);
  if (offset === undefined && found.node) offset = offsetOf(found.node);
  // `key:` with no value has a null node with an empty range at the end of the line; the key reads better.
  if (found.pair && (found.node === null || (isScalar(found.node) && found.node.value === null))) {
    offset = offsetOf(found.pair.key) ?? offset;
  }
  if (offset === undefined) offset = offsetOf(doc.contents) ?? 0;
  return lineCounter.linePos(offset);
}

/** The JS value at a path in plain data, or undefined. */
export function valueAt(value: unknown, path: DocPath): unknown {
  let v: unknown = value;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[String(seg)];
  }
  return v;
}
