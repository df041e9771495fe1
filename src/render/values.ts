/** How values appear in human-readable output: strings quoted, absent as (none), the rest as compact JSON. */

/** One value, on one line. */
export function formatValue(value: unknown): string {
  if (value === undefined) return '(none)';
  return JSON.stringify(value);
}

/** `file:line:col`, the form editors and terminals make clickable. */
export function formatLoc(loc: { file: string; line: number; col: number } | undefined): string {
  return loc ? `${loc.file}:${loc.line}:${loc.col}` : '';
}
