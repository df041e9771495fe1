/**
 * The compiled JSON Schema (schemas/registry.schema.json, the single source of truth).
 * Read relative to this module, which sits two levels below the repo root both as
 * src/spec/*.ts (vitest) and as dist/spec/*.js (the built CLI).
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { InternalError } from '../errors.js';

export const SCHEMA_URL = new URL('../../schemas/registry.schema.json', import.meta.url);

let compiled: { validate: ValidateFunction; schema: Record<string, unknown> } | undefined;

/** The schema as a plain object (for resolving `$ref`s when explaining errors). */
export function rootSchema(): Record<string, unknown> {
  return compiledSchema().schema;
}

/** The compiled validator; compiled once per process. */
export function compiledSchema(): { validate: ValidateFunction; schema: Record<string, unknown> } {
  if (compiled) return compiled;
  let schema: Record<string, unknown>;
  try {
    schema = JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new InternalError(`cannot read the spec schema at ${SCHEMA_URL.pathname}`, e);
  }
  // allErrors: report every problem at once. verbose: errors carry their schema, which the
  // messages and did-you-mean suggestions need. strictRequired is off because the deployment
  // strategies' `if/then` require properties declared one level up.
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true, logger: false });
  // Understood by VS Code's JSON/YAML language services; reg reads it for its own messages.
  ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
  try {
    compiled = { validate: ajv.compile(schema), schema };
  } catch (e) {
    throw new InternalError('the spec schema does not compile', e);
  }
  return compiled;
}
