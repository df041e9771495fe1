/**
 * Renders diagnostics for people (text with source excerpts and carets, like a compiler),
 * for GitHub Actions (workflow commands that annotate the diff) and for machines (JSON).
 */
import type { Diagnostic } from './diagnostic.js';

/** Bumped only when the JSON output changes incompatibly. */
export const DIAGNOSTICS_FORMAT_VERSION = 1;

const MAX_EXCERPT = 160;

type Style = (s: string) => string;
const ansi = (open: number, close: number): Style => (s) => `\u001b[${open}m${s}\u001b[${close}m`;
const plain: Style = (s) => s;

function styles(color: boolean): { bold: Style; red: Style; yellow: Style; cyan: Style; dim: Style } {
  return color
    ? { bold: ansi(1, 22), red: ansi(31, 39), yellow: ansi(33, 39), cyan: ansi(36, 39), dim: ansi(2, 22) }
    : { bold: plain, red: plain, yellow: plain, cyan: plain, dim: plain };
}

function where(d: { file: string; line?: number; col?: number }): string {
  return d.line === undefined ? d.file : `${d.file}:${d.line}:${d.col ?? 1}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The source line and a caret under the column; long lines are cut to a window around it. */
function excerpt(source: string | undefined, line: number, col: number, s: ReturnType<typeof styles>, caretStyle: Style): string[] {
  if (source === undefined) return [];
  const text = source.split('\n')[line - 1]?.replace(/\r$/, '');
  if (text === undefined) return [];
  let shown = text;
  let caretAt = Math.max(0, col - 1);
  if (text.length > MAX_EXCERPT) {
    const start = Math.max(0, caretAt - 40);
    shown = `${start > 0 ? '…' : ''}${text.slice(start, start + MAX_EXCERPT)}${start + MAX_EXCERPT < text.length ? '…' : ''}`;
    caretAt = caretAt - start + (start > 0 ? 1 : 0);
  }
  const gutter = String(line);
  const pad = ' '.repeat(gutter.length);
  // Keep tabs as tabs so the caret lines up however wide the terminal draws them.
  const indent = shown.slice(0, caretAt).replace(/[^\t]/g, ' ');
  return [`  ${s.dim(`${gutter} |`)} ${shown}`, `  ${s.dim(`${pad} |`)} ${indent}${caretStyle('^')}`];
}

function text(diags: readonly Diagnostic[], sources: ReadonlyMap<string, string>, color: boolean): string {
  const s = styles(color);
  const lines: string[] = [];
  for (const d of diags) {
    const isError = d.severity === 'error';
    const codeStyle = isError ? s.red : s.yellow;
    const label = isError ? codeStyle(d.code) : `${codeStyle('warning')} ${codeStyle(d.code)}`;
    lines.push(`${s.bold(`${where(d)}:`)} ${label} ${d.message}`);
    if (d.line !== undefined) lines.push(...excerpt(sources.get(d.file), d.line, d.col ?? 1, s, codeStyle));
    for (const r of d.related ?? []) lines.push(`  ${s.cyan('note:')} ${where(r)}: ${r.message}`);
  }
  if (diags.length > 0) {
    const errors = diags.filter((d) => d.severity === 'error');
    const warnings = diags.length - errors.length;
    const files = new Set((errors.length > 0 ? errors : diags).map((d) => d.file)).size;
    const counts = [errors.length > 0 || warnings === 0 ? plural(errors.length, 'error') : '', warnings > 0 ? plural(warnings, 'warning') : ''].filter(Boolean).join(' and ');
    lines.push(`${counts} in ${plural(files, 'file')}`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

// GitHub workflow commands: data escapes %, CR and LF; property values also `:` and `,`.
const escapeData = (v: string): string => v.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (v: string): string => escapeData(v).replace(/:/g, '%3A').replace(/,/g, '%2C');

function github(diags: readonly Diagnostic[]): string {
  return diags
    .map((d) => {
      const props = [`file=${escapeProperty(d.file)}`];
      if (d.line !== undefined) props.push(`line=${d.line}`, `col=${d.col ?? 1}`);
      const notes = (d.related ?? []).map((r) => ` (${where(r)}: ${r.message})`).join('');
      return `::${d.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${escapeData(`${d.code} ${d.message}${notes}`)}\n`;
    })
    .join('');
}

function json(diags: readonly Diagnostic[]): string {
  const valid = !diags.some((d) => d.severity === 'error');
  return `${JSON.stringify({ formatVersion: DIAGNOSTICS_FORMAT_VERSION, valid, diagnostics: diags }, null, 2)}\n`;
}

/** Renders diagnostics; `sources` (display path → text) supplies the excerpts in text format. */
export function formatDiagnostics(
  diags: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
  options: { format: 'text' | 'github' | 'json'; color: boolean },
): string {
  switch (options.format) {
    case 'text':
      return text(diags, sources, options.color);
    case 'github':
      return github(diags);
    case 'json':
      return json(diags);
  }
}
