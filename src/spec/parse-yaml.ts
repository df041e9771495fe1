/**
 * YAML text → a mapping plus its node tree, with every YAML-level problem as a Diagnostic.
 * Pure: the caller reads the file.
 */
import { isAlias, isMap, LineCounter, parseDocument, visit, type Document, type YAMLError } from 'yaml';
import type { Diagnostic, DiagnosticCode } from './diagnostic.js';
import type { ParsedFile } from './parsed-file.js';

/** Expanding more aliases than this is treated as a "billion laughs" attack, not a spec. */
export const MAX_ALIAS_COUNT = 100;

const YAML_CODES: Readonly<Record<string, DiagnosticCode>> = {
  DUPLICATE_KEY: 'YAML_DUPLICATE_KEY',
  TAB_AS_INDENT: 'YAML_TAB_INDENT',
  MULTIPLE_DOCS: 'YAML_MULTIPLE_DOCUMENTS',
};

function fromYamlError(e: YAMLError, file: string, lc: LineCounter, severity: 'error' | 'warning'): Diagnostic {
  const { line, col } = lc.linePos(e.pos[0]);
  const code: DiagnosticCode = severity === 'warning' ? 'YAML_WARNING' : (YAML_CODES[e.code] ?? 'YAML_SYNTAX');
  let message = e.message.split('\n')[0] ?? e.message;
  if (code === 'YAML_MULTIPLE_DOCUMENTS') message = 'a spec file holds one YAML document; split the documents into separate files';
  if (code === 'YAML_TAB_INDENT') message = 'tabs are not allowed as indentation in YAML; indent with spaces';
  if (code === 'YAML_DUPLICATE_KEY') message = 'duplicate key: this mapping already has this key';
  return { code, message, file, line, col, severity };
}

function firstAliasOffset(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

export type ParseResult =
  | { readonly ok: true; readonly parsed: ParsedFile; readonly warnings: Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: Diagnostic[] };

/** Parses one spec file's text; `file` is the display path used in diagnostics. */
export function parseYaml(text: string, file: string, absPath: string): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
  const warnings = doc.warnings.map((w) => fromYamlError(w, file, lineCounter, 'warning'));
  // Schema checks on a document YAML already rejected would mostly repeat the same problem.
  if (doc.errors.length > 0) {
    return { ok: false, diagnostics: [...doc.errors.map((e) => fromYamlError(e, file, lineCounter, 'error')), ...warnings] };
  }
  if (doc.contents === null) {
    return { ok: false, diagnostics: [{ code: 'EMPTY_FILE', message: 'the file holds no YAML document; expected a mapping with `apiVersion: reg/v1`', file, severity: 'error' }] };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const excessive = /excessive alias count/i.test(message);
    const { line, col } = lineCounter.linePos(firstAliasOffset(doc));
    return {
      ok: false,
      diagnostics: [
        excessive
          ? { code: 'YAML_ALIAS_LIMIT', message: `aliases expand to too much data (more than ${MAX_ALIAS_COUNT} alias expansions); write the values out`, file, line, col, severity: 'error' }
          : { code: 'YAML_SYNTAX', message, file, line, col, severity: 'error' },
      ],
    };
  }
  const root = isAlias(doc.contents) ? doc.contents.resolve(doc) : doc.contents;
  if (!isMap(root) || value === null || typeof value !== 'object' || Array.isArray(value)) {
    const { line, col } = lineCounter.linePos(doc.contents.range?.[0] ?? 0);
    const got = Array.isArray(value) ? 'a list' : value === null ? 'null' : `a ${typeof value}`;
    return {
      ok: false,
      diagnostics: [{ code: 'NOT_A_MAPPING', message: `the document is ${got}; a spec file is a mapping with apiVersion, groups and endpoints`, file, line, col, severity: 'error' }],
    };
  }
  return { ok: true, parsed: { file, absPath, doc, lineCounter, value: value as Record<string, unknown> }, warnings };
}
