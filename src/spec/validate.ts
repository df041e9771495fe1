/**
 * Schema validation of one parsed spec file: ajv errors → diagnostics with a specific code,
 * a message in the user's terms and the YAML line and column. Pure apart from reading the
 * schema once.
 */
import type { ErrorObject } from 'ajv';
import type { Diagnostic, DiagnosticCode } from './diagnostic.js';
import { faultsOf, NO_FAULTS, type SchemaFaults } from './faults.js';
import type { ParsedFile } from './parsed-file.js';
import { locate, parsePointer, type DocPath } from './positions.js';
import { collapseAlternatives } from './schema-errors.js';
import { compiledSchema } from './schema.js';
import { suggest } from './suggest.js';

/** The only apiVersion this reg understands. */
export const API_VERSION = 'reg/v1';

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'a string',
  object: 'a mapping',
  array: 'a list',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  null: 'empty',
};

const COMPARISON_WORDS: Readonly<Record<string, string>> = { '>=': 'at least', '<=': 'at most', '>': 'more than', '<': 'less than' };

function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `"${v.length > 60 ? `${v.slice(0, 57)}...` : v}"`;
  return `${typeof v} ${String(v)}`;
}

const ITEM_KINDS: Readonly<Record<string, string>> = { groups: 'group', versions: 'version', endpoints: 'endpoint' };

/** A dotted name for a path, starting after the innermost group/version/endpoint: `metrics.bias.report`, `tags.team`. */
function fieldName(path: DocPath): string {
  let start = 0;
  for (let i = 1; i < path.length; i++) {
    if (typeof path[i] === 'number' && ITEM_KINDS[String(path[i - 1])]) start = i + 1;
  }
  const parts = path.slice(start);
  // The item itself (`groups[0]`): there is no field name to give.
  if (parts.length === 0) return path.length >= 2 ? `${String(path[path.length - 2])}[${String(path[path.length - 1])}]` : 'the document';
  return parts.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** What the mapping at `path` is: `group`, `version`, `endpoint`, `deployment`, or `the top level`. */
function kindOf(path: DocPath): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'the top level';
  if (typeof last === 'number') return ITEM_KINDS[String(path[path.length - 2])] ?? `item ${last + 1}`;
  return `"${fieldName(path)}"`;
}

/** JSON-pointer segments with sequence indexes as numbers (so positions and names read them as items). */
function toPath(pointer: string, data: unknown): (string | number)[] {
  const out: (string | number)[] = [];
  let v: unknown = data;
  for (const seg of parsePointer(pointer)) {
    if (Array.isArray(v)) {
      out.push(Number(seg));
      v = v[Number(seg)];
    } else {
      out.push(seg);
      v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
}

interface Mapped {
  readonly code: DiagnosticCode;
  readonly message: string;
  /** The path to point at, and whether at its key. */
  readonly at: DocPath;
  readonly target: 'key' | 'value';
}

function patternHint(e: ErrorObject): string {
  const custom = (e.parentSchema as { patternErrorMessage?: unknown } | undefined)?.patternErrorMessage;
  return typeof custom === 'string' ? custom : `must match ${String((e.params as { pattern?: unknown }).pattern)}`;
}

/** The known key an unknown key most likely stands for. */
function misspelt(e: ErrorObject): string | undefined {
  const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
  return suggest(String((e.params as { additionalProperty?: unknown }).additionalProperty), allowed);
}

function mapError(e: ErrorObject, data: unknown): Mapped {
  const path = toPath(e.instancePath, data);
  const params = e.params as Record<string, unknown>;
  const name = fieldName(path);
  // Errors about a mapping's keys (propertyNames) point at the key itself.
  if (e.propertyName !== undefined) {
    const keyPath = [...path, e.propertyName];
    const what = `key "${e.propertyName}" in ${kindOf(path)}`;
    switch (e.keyword) {
      case 'pattern':
        return { code: 'SCHEMA_PATTERN', message: `${what} is not allowed: ${patternHint(e)}`, at: keyPath, target: 'key' };
      case 'minLength':
      case 'maxLength':
        return { code: 'SCHEMA_LENGTH', message: `${what} must be ${e.keyword === 'minLength' ? 'at least' : 'at most'} ${String(params['limit'])} characters`, at: keyPath, target: 'key' };
      default:
        return { code: 'SCHEMA', message: `${what} ${e.message ?? 'is invalid'}`, at: keyPath, target: 'key' };
    }
  }
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const guess = misspelt(e);
      const tail = guess ? `; did you mean "${guess}"?` : allowed.length > 0 ? ` (known keys: ${allowed.join(', ')})` : '';
      return { code: 'SCHEMA_UNKNOWN_KEY', message: `unknown key "${key}" in ${kindOf(path)}${tail}`, at: [...path, key], target: 'key' };
    }
    case 'required': {
      const missing = String(params['missingProperty']);
      return { code: 'SCHEMA_REQUIRED', message: `${kindOf(path)} is missing the required key "${missing}"`, at: path, target: 'value' };
    }
    case 'dependencies': {
      const prop = String(params['property']);
      const missing = String(params['missingProperty']);
      return { code: 'SCHEMA_REQUIRED', message: `"${prop}" needs "${missing}" next to it`, at: [...path, prop], target: 'key' };
    }
    case 'type': {
      const expected = ([] as unknown[]).concat(params['type']).map((t) => TYPE_WORDS[String(t)] ?? String(t));
      const got = e.data;
      const quote = expected.includes('a string') && (typeof got === 'number' || typeof got === 'boolean') ? '; put it in quotes to keep it a string' : '';
      return { code: 'SCHEMA_TYPE', message: `"${name}" must be ${expected.join(' or ')}, not ${describeValue(got)}${quote}`, at: path, target: 'value' };
    }
    case 'enum':
    case 'const': {
      const allowed = (e.keyword === 'enum' ? (params['allowedValues'] as unknown[]) : [params['allowedValue']]).map(String);
      if (path.length === 1 && path[0] === 'apiVersion') {
        return { code: 'UNSUPPORTED_API_VERSION', message: `apiVersion ${describeValue(e.data)} is not supported; this reg reads ${API_VERSION}`, at: path, target: 'value' };
      }
      const guess = typeof e.data === 'string' ? suggest(e.data, allowed) : undefined;
      const tail = guess ? `; did you mean "${guess}"?` : '';
      return { code: 'SCHEMA_ENUM', message: `"${name}" must be one of ${allowed.join(', ')}, not ${describeValue(e.data)}${tail}`, at: path, target: 'value' };
    }
    case 'pattern':
      return { code: 'SCHEMA_PATTERN', message: `"${name}" ${describeValue(e.data)} is not valid: ${patternHint(e)}`, at: path, target: 'value' };
    case 'minLength':
    case 'maxLength': {
      const len = typeof e.data === 'string' ? [...e.data].length : 0;
      const message =
        e.keyword === 'minLength'
          ? len === 0
            ? `"${name}" must not be empty`
            : `"${name}" is too short: ${len} characters, at least ${String(params['limit'])}`
          : `"${name}" is too long: ${len} characters, at most ${String(params['limit'])}`;
      return { code: 'SCHEMA_LENGTH', message, at: path, target: 'value' };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { code: 'SCHEMA_RANGE', message: `"${name}" must be ${COMPARISON_WORDS[String(params['comparison'])] ?? String(params['comparison'])} ${String(params['limit'])}, not ${describeValue(e.data)}`, at: path, target: 'value' };
    case 'multipleOf':
      return { code: 'SCHEMA_RANGE', message: `"${name}" must be a multiple of ${String(params['multipleOf'])}, not ${describeValue(e.data)}`, at: path, target: 'value' };
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
    case 'maxProperties': {
      const count = Array.isArray(e.data) ? e.data.length : e.data && typeof e.data === 'object' ? Object.keys(e.data).length : 0;
      const unit = e.keyword.endsWith('Items') ? 'items' : 'entries';
      const bound = e.keyword.startsWith('min') ? 'at least' : 'at most';
      return { code: 'SCHEMA_COUNT', message: `"${name}" has ${count} ${unit}; it must have ${bound} ${String(params['limit'])}`, at: path, target: 'value' };
    }
    case 'uniqueItems': {
      const later = Math.max(Number(params['i']), Number(params['j']));
      const item = Array.isArray(e.data) ? e.data[later] : undefined;
      return { code: 'SCHEMA', message: `"${name}" lists ${describeValue(item)} more than once`, at: [...path, later], target: 'value' };
    }
    default:
      return { code: 'SCHEMA', message: `"${name}" ${e.message ?? 'is invalid'}`, at: path, target: 'value' };
  }
}

/**
 * What the schema says about one file: its diagnostics, and where the faults are so the
 * semantic rules can skip them. `faults` is null for a file written for another apiVersion,
 * whose content reg does not understand and checks no further.
 */
export interface SchemaCheck {
  readonly diagnostics: Diagnostic[];
  readonly faults: SchemaFaults | null;
}

/** Validates one parsed file against the schema; no diagnostics when it conforms. */
export function validateSchema(parsed: ParsedFile): SchemaCheck {
  const { validate, schema } = compiledSchema();
  const data = parsed.value;
  // A file for a newer format would fail on every new key; say only what matters.
  const api = data['apiVersion'];
  if (typeof api === 'string' && api !== API_VERSION) {
    const { line, col } = locate(parsed.doc, parsed.lineCounter, ['apiVersion']);
    const diagnostic: Diagnostic = { code: 'UNSUPPORTED_API_VERSION', message: `apiVersion "${api}" is not supported; this reg reads ${API_VERSION}`, file: parsed.file, line, col, instancePath: '/apiVersion', severity: 'error' };
    return { diagnostics: [diagnostic], faults: null };
  }
  if (validate(data)) return { diagnostics: [], faults: NO_FAULTS };
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const errors = collapseAlternatives(validate.errors ?? [], schema);
  // Name patterns also bound the length ({0,62}); a value that is too long is reported once, as too long.
  const tooLong = new Set(errors.filter((e) => e.keyword === 'maxLength' && e.propertyName === undefined).map((e) => e.instancePath));
  // A value of the wrong type also fails its enum; the type error is the one to fix.
  const wrongType = new Set(errors.filter((e) => e.keyword === 'type' && e.propertyName === undefined).map((e) => e.instancePath));
  // A misspelt key (`nmae`) also leaves its required key missing; the did-you-mean says both.
  const misspeltAs = new Set(errors.filter((e) => e.keyword === 'additionalProperties').map((e) => `${e.instancePath} ${misspelt(e) ?? ''}`));
  for (const e of errors) {
    if (e.keyword === 'pattern' && e.propertyName === undefined && tooLong.has(e.instancePath)) continue;
    if ((e.keyword === 'enum' || e.keyword === 'const') && e.propertyName === undefined && wrongType.has(e.instancePath)) continue;
    if (e.keyword === 'required' && misspeltAs.has(`${e.instancePath} ${String((e.params as { missingProperty?: unknown }).missingProperty)}`)) continue;
    const m = mapError(e, data);
    const { line, col } = locate(parsed.doc, parsed.lineCounter, m.at, m.target);
    const key = `${m.code}:${line}:${col}:${m.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ code: m.code, message: m.message, file: parsed.file, line, col, instancePath: e.instancePath, severity: 'error' });
  }
  return { diagnostics: out, faults: faultsOf(errors) };
}
