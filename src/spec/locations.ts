/** SourceLocations for items and their fields, from a parsed file's node tree. */
import type { ParsedFile } from './parsed-file.js';
import { locate, valueAt, type DocPath } from './positions.js';
import type { SourceLocation } from './types.js';

export function locAt(pf: ParsedFile, path: DocPath, target: 'key' | 'value' = 'value'): SourceLocation {
  const { line, col } = locate(pf.doc, pf.lineCounter, path, target);
  return { file: pf.file, line, col };
}

function isPlainMapping(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Where each declared field of the item at `base` is: `fieldLocs` at the values, `keyLocs` at
 * the keys. Mapping-valued fields also get one entry per child (`tags.team`, `model.version`),
 * so later stages can point at the exact tag or reference that changed.
 */
export function fieldLocations(pf: ParsedFile, base: DocPath): { loc: SourceLocation; fieldLocs: Record<string, SourceLocation>; keyLocs: Record<string, SourceLocation> } {
  const item = valueAt(pf.value, base);
  const fieldLocs: Record<string, SourceLocation> = {};
  const keyLocs: Record<string, SourceLocation> = {};
  if (isPlainMapping(item)) {
    for (const [key, v] of Object.entries(item)) {
      fieldLocs[key] = locAt(pf, [...base, key], 'value');
      keyLocs[key] = locAt(pf, [...base, key], 'key');
      if (isPlainMapping(v)) {
        for (const child of Object.keys(v)) {
          fieldLocs[`${key}.${child}`] = locAt(pf, [...base, key, child], 'value');
          keyLocs[`${key}.${child}`] = locAt(pf, [...base, key, child], 'key');
        }
      }
    }
  }
  return { loc: locAt(pf, base, 'value'), fieldLocs, keyLocs };
}
