/**
 * Cleans up ajv's raw error list before it becomes diagnostics: collapses `oneOf`/`anyOf`
 * cascades to the branch that fits the value's type, and drops bookkeeping errors
 * (`if`, `propertyNames`) whose real cause is reported separately.
 */
import type { ErrorObject } from 'ajv';

/** JSON Schema type names that describe a JS value (integers are also numbers). */
export function jsonTypes(v: unknown): string[] {
  if (v === null) return ['null'];
  if (Array.isArray(v)) return ['array'];
  if (typeof v === 'number') return Number.isInteger(v) ? ['integer', 'number'] : ['number'];
  if (typeof v === 'string' || typeof v === 'boolean') return [typeof v];
  return ['object'];
}

function resolveRef(ref: string, root: Record<string, unknown>): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const seg of ref.slice(2).split('/')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[seg];
  }
  return node;
}

/** The types a schema accepts, following `$ref`s; undefined when it does not say. */
export function schemaTypes(schema: unknown, root: Record<string, unknown>, depth = 0): string[] | undefined {
  if (depth > 10 || schema === null || typeof schema !== 'object') return undefined;
  const s = schema as Record<string, unknown>;
  if (typeof s['type'] === 'string') return [s['type']];
  if (Array.isArray(s['type'])) return s['type'] as string[];
  if (typeof s['$ref'] === 'string') return schemaTypes(resolveRef(s['$ref'], root), root, depth + 1);
  return undefined;
}

function within(path: string, base: string): boolean {
  return path === base || path.startsWith(`${base}/`);
}

/**
 * ajv evaluates every branch of a `oneOf` and reports each branch's failures before the
 * `oneOf` error itself. A user who wrote a string cares about the string branch only; a
 * value that fits no branch's type gets one "must be a string or a mapping" error.
 */
export function collapseAlternatives(errors: readonly ErrorObject[], root: Record<string, unknown>): ErrorObject[] {
  const out = [...errors];
  for (let k = 0; k < out.length; k++) {
    const e = out[k]!;
    if (e.keyword !== 'oneOf' && e.keyword !== 'anyOf') continue;
    // Several branches matching is a schema-design problem, reported as is.
    if (e.keyword === 'oneOf' && (e.params as { passingSchemas?: unknown }).passingSchemas != null) continue;
    let start = k;
    while (start > 0 && within(out[start - 1]!.instancePath, e.instancePath)) start--;
    const branches = Array.isArray(e.schema) ? (e.schema as unknown[]) : [];
    const branchTypes = branches.map((b) => schemaTypes(b, root));
    const actual = jsonTypes(e.data);
    const fits = branchTypes.some((t) => t === undefined || t.some((x) => actual.includes(x)));
    let replacement: ErrorObject[];
    if (!fits) {
      const expected = [...new Set(branchTypes.flatMap((t) => t ?? []))];
      replacement = [{ ...e, keyword: 'type', params: { type: expected } }];
    } else {
      // The branches of the wrong type only contribute a type error at the value itself.
      replacement = out.slice(start, k).filter((x) => !(x.keyword === 'type' && x.instancePath === e.instancePath));
      if (replacement.length === 0) replacement = [e];
    }
    out.splice(start, k - start + 1, ...replacement);
    k = start + replacement.length - 1;
  }
  return out.filter((e) => e.keyword !== 'if' && e.keyword !== 'propertyNames');
}
