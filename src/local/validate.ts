/**
 * Table-driven input validation with SageMaker's constraint wording. Each operation's input is
 * described as a Shape (see constraints.ts); this file only walks shapes and reports failures,
 * collecting all of them as AWS does ("N validation errors detected: ...").
 */
import { ApiError, constraintErrors, quoteValue } from './errors.js';

/** One member's rule; `req` marks required members of a struct. */
export type Shape =
  | { t: 'str'; req?: boolean; min?: number; max?: number; pattern?: string; enum?: readonly string[] }
  | { t: 'num'; req?: boolean; min?: number; max?: number; int?: boolean }
  | { t: 'bool'; req?: boolean }
  | { t: 'time'; req?: boolean }
  | { t: 'list'; req?: boolean; of: Shape; min?: number; max?: number }
  | { t: 'map'; req?: boolean; key: Shape; value: Shape; min?: number; max?: number }
  | { t: 'struct'; req?: boolean; fields: Readonly<Record<string, Shape>> }
  | { t: 'any'; req?: boolean };

const regexCache = new Map<string, RegExp>();

/** AWS patterns match the whole value; \p classes need the unicode flag. */
function fullMatch(pattern: string): RegExp {
  let re = regexCache.get(pattern);
  if (!re) {
    try {
      re = new RegExp(`^(?:${pattern})$`, 'u');
    } catch {
      // Java-style identity escapes such as \@ are invalid under the unicode flag; such
      // patterns never use \p classes, so the legacy syntax reads them as meant.
      re = new RegExp(`^(?:${pattern})$`);
    }
    regexCache.set(pattern, re);
  }
  return re;
}

/** AWS reports member paths in camelCase, with `.N.member` for list items. */
function memberName(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function fail(out: string[], value: unknown, path: string, constraint: string): void {
  out.push(`Value ${quoteValue(value)} at '${path}' failed to satisfy constraint: Member must ${constraint}`);
}

function serialization(path: string, expected: string): ApiError {
  return new ApiError('SerializationException', `Expected ${expected} at '${path}'`);
}

function checkString(s: Extract<Shape, { t: 'str' }>, v: string, path: string, out: string[]): void {
  // Length counts code points, as Java's validator does for most of SageMaker's members.
  const len = [...v].length;
  if (s.min !== undefined && len < s.min) fail(out, v, path, `have length greater than or equal to ${s.min}`);
  if (s.max !== undefined && len > s.max) fail(out, v, path, `have length less than or equal to ${s.max}`);
  if (s.enum && !s.enum.includes(v)) fail(out, v, path, `satisfy enum value set: [${s.enum.join(', ')}]`);
  if (s.pattern !== undefined && !fullMatch(s.pattern).test(v))
    fail(out, v, path, `satisfy regular expression pattern: ${s.pattern}`);
}

function walk(shape: Shape, v: unknown, path: string, out: string[]): void {
  if (v === undefined || v === null) {
    if (shape.req) out.push(`Value null at '${path}' failed to satisfy constraint: Member must not be null`);
    return;
  }
  switch (shape.t) {
    case 'str':
      if (typeof v !== 'string') throw serialization(path, 'a string');
      checkString(shape, v, path, out);
      return;
    case 'num':
      if (typeof v !== 'number' || !Number.isFinite(v)) throw serialization(path, 'a number');
      if (shape.int && !Number.isInteger(v)) throw serialization(path, 'an integer');
      if (shape.min !== undefined && v < shape.min) fail(out, v, path, `have value greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && v > shape.max) fail(out, v, path, `have value less than or equal to ${shape.max}`);
      return;
    case 'bool':
      if (typeof v !== 'boolean') throw serialization(path, 'a boolean');
      return;
    case 'time':
      // The SDK sends epoch seconds; accept numeric strings too, as its own parser does.
      if (typeof v !== 'number' && !(typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))))
        throw serialization(path, 'a timestamp in epoch seconds');
      return;
    case 'list': {
      if (!Array.isArray(v)) throw serialization(path, 'a list');
      if (shape.min !== undefined && v.length < shape.min) fail(out, v, path, `have length greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && v.length > shape.max) fail(out, v, path, `have length less than or equal to ${shape.max}`);
      v.forEach((item, i) => walk({ ...shape.of, req: true }, item, `${path}.${i + 1}.member`, out));
      return;
    }
    case 'map': {
      if (typeof v !== 'object' || Array.isArray(v)) throw serialization(path, 'a map');
      const entries = Object.entries(v as Record<string, unknown>);
      if (shape.min !== undefined && entries.length < shape.min) fail(out, v, path, `have length greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && entries.length > shape.max) fail(out, v, path, `have length less than or equal to ${shape.max}`);
      for (const [k, val] of entries) {
        walk(shape.key, k, `${path}.${k}.key`, out);
        walk({ ...shape.value, req: true }, val, `${path}.${k}.value`, out);
      }
      return;
    }
    case 'struct': {
      if (typeof v !== 'object' || Array.isArray(v)) throw serialization(path, 'a structure');
      checkStruct(shape.fields, v as Record<string, unknown>, path, out);
      return;
    }
    case 'any':
      return;
  }
}

function checkStruct(fields: Readonly<Record<string, Shape>>, v: Record<string, unknown>, prefix: string, out: string[]): void {
  for (const [name, member] of Object.entries(fields)) {
    walk(member, v[name], prefix === '' ? memberName(name) : `${prefix}.${memberName(name)}`, out);
  }
}

/** Throws one ValidationException listing every constraint the input breaks. */
export function validateInput(fields: Readonly<Record<string, Shape>>, input: Record<string, unknown>): void {
  const out: string[] = [];
  checkStruct(fields, input, '', out);
  if (out.length > 0) throw constraintErrors(out);
}
