/**
 * Where the schema found a file wrong, by place, so the semantic rules can still read the
 * rest of it. A rule must not use a value the schema already rejected: the user has one
 * mistake there and gets one diagnostic for it.
 */
import type { ErrorObject } from 'ajv';
import type { DocPath } from './positions.js';

export interface SchemaFaults {
  /** JSON pointers of values that fail their own schema (type, enum, pattern, length, range). */
  readonly values: ReadonlySet<string>;
  /** JSON pointers of mapping keys the schema rejects, e.g. a tag key with a `#`. */
  readonly keys: ReadonlySet<string>;
  /** JSON pointers of mappings holding a key the format does not have (it may be a misspelt one). */
  readonly unknownKeys: ReadonlySet<string>;
}

export const NO_FAULTS: SchemaFaults = { values: new Set(), keys: new Set(), unknownKeys: new Set() };

/** The JSON pointer of a path, escaped the way ajv writes instancePath. */
export function pointer(path: DocPath): string {
  return path.map((seg) => `/${String(seg).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Keywords that say a value itself is unusable; the others (required, counts, uniqueness) leave its content readable. */
const VALUE_KEYWORDS = new Set(['type', 'enum', 'const', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'oneOf', 'anyOf']);

/** Sorts ajv's (already collapsed) errors into the three kinds of fault. */
export function faultsOf(errors: readonly ErrorObject[]): SchemaFaults {
  const values = new Set<string>();
  const keys = new Set<string>();
  const unknownKeys = new Set<string>();
  for (const e of errors) {
    if (e.propertyName !== undefined) keys.add(`${e.instancePath}${pointer([e.propertyName])}`);
    else if (e.keyword === 'additionalProperties') unknownKeys.add(e.instancePath);
    else if (VALUE_KEYWORDS.has(e.keyword)) values.add(e.instancePath);
  }
  return { values, keys, unknownKeys };
}
