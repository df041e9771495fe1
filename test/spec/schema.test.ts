/** The JSON Schema itself: strict, self-documenting for editors, and in step with the code. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compiledSchema } from '../../src/spec/schema.js';

const schema = JSON.parse(readFileSync(new URL('../../schemas/registry.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;

type Node = Record<string, unknown>;

/** `if` subschemas only test a value; they are not where keys are declared. */
const IN_CONDITION = /\/if(\/|$)/;

/** Every schema object in the document, with its JSON pointer. */
function* walk(node: unknown, at = '#'): Generator<[string, Node]> {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const [i, n] of node.entries()) yield* walk(n, `${at}/${i}`);
    return;
  }
  const n = node as Node;
  yield [at, n];
  for (const [k, v] of Object.entries(n)) if (k !== 'enum' && k !== 'required' && k !== 'default') yield* walk(v, `${at}/${k}`);
}

describe('registry.schema.json', () => {
  it('compiles in ajv strict mode', () => {
    expect(() => compiledSchema()).not.toThrow();
  });

  it('closes every object that declares properties', () => {
    const open = [...walk(schema)].filter(([at, n]) => n['properties'] && n['additionalProperties'] !== false && !IN_CONDITION.test(at)).map(([at]) => at);
    expect(open).toEqual([]);
  });

  it('documents every property for editor hovers', () => {
    const defs = (schema['definitions'] ?? {}) as Record<string, Node>;
    const documented = (p: Node): boolean => {
      if (typeof p['description'] === 'string') return true;
      const ref = typeof p['$ref'] === 'string' ? defs[p['$ref'].replace('#/definitions/', '')] : undefined;
      return ref !== undefined && documented(ref);
    };
    const missing: string[] = [];
    for (const [at, n] of walk(schema)) {
      if (IN_CONDITION.test(at)) continue;
      for (const [key, p] of Object.entries((n['properties'] ?? {}) as Record<string, Node>)) if (!documented(p)) missing.push(`${at}/properties/${key}`);
    }
    expect(missing).toEqual([]);
  });

  it('validates unicode letters in tag values (the u flag is on)', () => {
    const { validate } = compiledSchema();
    const ok = validate({ apiVersion: 'reg/v1', groups: [{ name: 'g', tags: { équipe: 'données ML' } }] });
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
});
