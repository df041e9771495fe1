/**
 * SageMaker Search expressions: Filters, NestedFilters and SubExpressions combined with And/Or,
 * evaluated against a record as Search returns it. Property names are dotted paths; a map member
 * such as `CustomerMetadataProperties.<key>` takes the rest of the path as the key, since keys
 * may themselves contain dots. `Tags.<key>` reads a tag list by key.
 */
import type { Json } from './context.js';
import { ApiError, constraintErrors, validation } from './errors.js';

const malformed = () => validation('SearchExpression is malformed.');

const OPERATORS = ['Equals', 'NotEquals', 'GreaterThan', 'GreaterThanOrEqualTo', 'LessThan', 'LessThanOrEqualTo', 'Contains', 'Exists', 'NotExists', 'In'] as const;
type Operator = (typeof OPERATORS)[number];

interface Filter {
  Name: string;
  Operator?: Operator;
  Value?: string;
}
interface Nested {
  NestedPropertyName: string;
  Filters: Filter[];
}
/** A SearchExpression as sent. */
export interface Expression {
  Filters?: Filter[];
  NestedFilters?: Nested[];
  SubExpressions?: Expression[];
  Operator?: 'And' | 'Or';
}

/** Checks sizes, operators and required members; counts toward the limit of 50 conditions. */
export function checkExpression(e: unknown): Expression | undefined {
  if (e === undefined || e === null) return undefined;
  const failures: string[] = [];
  let count = 0;
  const visit = (x: unknown, path: string): void => {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) throw malformed();
    const ex = x as Expression;
    const lists: [string, unknown[] | undefined][] = [
      ['filters', ex.Filters],
      ['nestedFilters', ex.NestedFilters],
      ['subExpressions', ex.SubExpressions],
    ];
    for (const [name, list] of lists) {
      if (list === undefined) continue;
      if (!Array.isArray(list)) throw malformed();
      if (list.length < 1 || list.length > 20)
        failures.push(`Value '${JSON.stringify(list)}' at '${path}.${name}' failed to satisfy constraint: Member must have length between 1 and 20`);
    }
    if (ex.Operator !== undefined && ex.Operator !== 'And' && ex.Operator !== 'Or')
      failures.push(`Value '${String(ex.Operator)}' at '${path}.operator' failed to satisfy constraint: Member must satisfy enum value set: [And, Or]`);
    const filters = [...(ex.Filters ?? []), ...(ex.NestedFilters ?? []).flatMap((n) => n.Filters ?? [])];
    for (const f of filters) {
      count += 1;
      if (typeof f?.Name !== 'string' || f.Name.length < 1 || f.Name.length > 255)
        failures.push(`Value '${String(f?.Name)}' at '${path}.filters.member.name' failed to satisfy constraint: Member must have length between 1 and 255`);
      if (f.Operator !== undefined && !OPERATORS.includes(f.Operator))
        failures.push(`Value '${String(f.Operator)}' at '${path}.filters.member.operator' failed to satisfy constraint: Member must satisfy enum value set: [${OPERATORS.join(', ')}]`);
      const needsValue = f.Operator !== 'Exists' && f.Operator !== 'NotExists';
      if (needsValue && (typeof f.Value !== 'string' || f.Value.length < 1 || f.Value.length > 1024))
        failures.push(`Value '${String(f.Value)}' at '${path}.filters.member.value' failed to satisfy constraint: Member must have length between 1 and 1024`);
    }
    for (const n of ex.NestedFilters ?? []) {
      count += 1;
      if (typeof n?.NestedPropertyName !== 'string' || !Array.isArray(n.Filters)) throw malformed();
    }
    for (const s of ex.SubExpressions ?? []) {
      count += 1;
      visit(s, `${path}.subExpressions.member`);
    }
    if ((ex.Filters ?? []).length + (ex.NestedFilters ?? []).length + (ex.SubExpressions ?? []).length === 0)
      failures.push(`A SearchExpression must contain at least one of Filters, NestedFilters or SubExpressions.`);
  };
  try {
    visit(e, 'searchExpression');
  } catch (err) {
    // A TypeError here means a member had the wrong JSON type: the same answer, malformed.
    if (err instanceof ApiError) throw err;
    throw malformed();
  }
  if (count > 50) failures.push(`A SearchExpression can contain at most 50 filters, nested filters and subexpressions; it has ${count}.`);
  if (failures.length > 0) throw constraintErrors(failures);
  return e as Expression;
}

/**
 * A record whose top-level members are computed when a filter names them, so matching a
 * candidate does not build its whole JSON record. `member` answers what the built record's
 * own property of that name would hold (undefined when it has none).
 */
export class LazyRecord {
  constructor(readonly member: (name: string) => unknown) {}
}

/** The values a dotted property path reaches (lists fan out). */
export function resolvePath(value: unknown, path: readonly string[]): unknown[] {
  if (path.length === 0) return value === undefined ? [] : [value];
  if (value instanceof LazyRecord) {
    const whole = value.member(path.join('.'));
    if (whole !== undefined) return [whole];
    return resolvePath(value.member(path[0] as string), path.slice(1));
  }
  if (Array.isArray(value)) {
    // `Tags.<key>` style: a list of {Key, Value} read by key.
    const tagKey = path.join('.');
    const tag = value.find((t) => typeof t === 'object' && t !== null && (t as Json)['Key'] === tagKey);
    if (tag) return [(tag as Json)['Value']];
    return value.flatMap((item) => resolvePath(item, path));
  }
  if (typeof value !== 'object' || value === null) return [];
  const obj = value as Json;
  // Own members only: a name such as `constructor` reaches nothing.
  const whole = path.join('.');
  if (Object.hasOwn(obj, whole)) return resolvePath(obj[whole], []);
  const head = path[0] as string;
  return resolvePath(Object.hasOwn(obj, head) ? obj[head] : undefined, path.slice(1));
}

const TIME_FIELDS = /(^|\.)(CreationTime|LastModifiedTime)$/;

function asNumber(v: string, field: string): number {
  const n = Number(v);
  if (Number.isFinite(n)) return n;
  // Time filters may be ISO dates; records hold epoch seconds.
  if (TIME_FIELDS.test(field)) {
    const t = Date.parse(v);
    if (Number.isFinite(t)) return t / 1000;
  }
  return Number.NaN;
}

function compare(actual: unknown, f: Filter): boolean {
  const want = f.Value ?? '';
  switch (f.Operator ?? 'Equals') {
    case 'Equals':
      return typeof actual === 'number' ? actual === asNumber(want, f.Name) : String(actual) === want;
    case 'NotEquals':
      return typeof actual === 'number' ? actual !== asNumber(want, f.Name) : String(actual) !== want;
    case 'Contains':
      return String(actual).includes(want);
    case 'In':
      return want.split(',').map((s) => s.trim()).includes(String(actual));
    case 'GreaterThan':
    case 'GreaterThanOrEqualTo':
    case 'LessThan':
    case 'LessThanOrEqualTo': {
      const a = typeof actual === 'number' ? actual : Number.NaN;
      const b = asNumber(want, f.Name);
      const c = Number.isNaN(a) || Number.isNaN(b) ? String(actual).localeCompare(want) : a - b;
      if (f.Operator === 'GreaterThan') return c > 0;
      if (f.Operator === 'GreaterThanOrEqualTo') return c >= 0;
      if (f.Operator === 'LessThan') return c < 0;
      return c <= 0;
    }
    default:
      return false;
  }
}

function matchFilter(record: unknown, f: Filter): boolean {
  const values = resolvePath(record, f.Name.split('.'));
  if (f.Operator === 'Exists') return values.length > 0;
  if (f.Operator === 'NotExists') return values.length === 0;
  // NotEquals holds when no reached value equals; the others when any value matches.
  if (f.Operator === 'NotEquals') return values.every((v) => compare(v, f));
  return values.some((v) => compare(v, f));
}

function matchNested(record: unknown, n: Nested): boolean {
  const prefix = `${n.NestedPropertyName}.`;
  const items = resolvePath(record, n.NestedPropertyName.split('.')).flatMap((v) => (Array.isArray(v) ? v : [v]));
  return items.some((item) =>
    n.Filters.every((f) => matchFilter(item, { ...f, Name: f.Name.startsWith(prefix) ? f.Name.slice(prefix.length) : f.Name })),
  );
}

/** True when the record satisfies the expression (no expression matches everything). */
export function matches(record: unknown, e: Expression | undefined): boolean {
  if (!e) return true;
  const results: (() => boolean)[] = [
    ...(e.Filters ?? []).map((f) => () => matchFilter(record, f)),
    ...(e.NestedFilters ?? []).map((n) => () => matchNested(record, n)),
    ...(e.SubExpressions ?? []).map((s) => () => matches(record, s)),
  ];
  return e.Operator === 'Or' ? results.some((r) => r()) : results.every((r) => r());
}

/**
 * The exact values `field` can hold in any record the expression matches, when the expression
 * pins it down: an `Equals` (or `In`) filter on the field, at a level joined with And, or at
 * every branch of an Or. Undefined when it does not (then any value may match). Sound only for
 * a field with one value per record, such as ModelPackageGroupName.
 */
export function pinnedValues(e: Expression | undefined, field: string): Set<string> | undefined {
  if (!e) return undefined;
  const branches: (Set<string> | undefined)[] = [
    ...(e.Filters ?? []).map((f) => pinnedByFilter(f, field)),
    ...(e.NestedFilters ?? []).map(() => undefined),
    ...(e.SubExpressions ?? []).map((s) => pinnedValues(s, field)),
  ];
  if (e.Operator === 'Or') {
    if (branches.some((b) => b === undefined)) return undefined;
    return new Set(branches.flatMap((b) => [...(b as Set<string>)]));
  }
  // And: every branch must hold, so the smallest pinned set bounds the matches.
  let best: Set<string> | undefined;
  for (const b of branches) if (b !== undefined && (best === undefined || b.size < best.size)) best = b;
  return best;
}

function pinnedByFilter(f: Filter, field: string): Set<string> | undefined {
  if (f.Name !== field) return undefined;
  const op = f.Operator ?? 'Equals';
  if (op === 'Equals') return new Set([f.Value ?? '']);
  if (op === 'In') return new Set((f.Value ?? '').split(',').map((s) => s.trim()));
  return undefined;
}
