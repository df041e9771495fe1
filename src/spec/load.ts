/**
 * The spec stage's entry point: paths → DesiredState, or every problem found, as data.
 * This and files.ts / read-policy.ts are the only spec files touching the file system.
 */
import type { Diagnostic } from './diagnostic.js';
import { expandPaths, readSpecFile } from './files.js';
import { lenientState, type CheckedFile } from './lenient.js';
import { normalize } from './normalize.js';
import type { ParsedFile } from './parsed-file.js';
import { parseYaml } from './parse-yaml.js';
import { checkRules } from './rules.js';
import type { DesiredState } from './types.js';
import { validateSchema } from './validate.js';

export type SpecResult =
  | { ok: true; state: DesiredState; warnings: Diagnostic[]; sources: ReadonlyMap<string, string> }
  | { ok: false; diagnostics: Diagnostic[]; sources: ReadonlyMap<string, string> };

/** Orders diagnostics the way a reader goes through the files: by file (in load order), line, column. */
export function sortDiagnostics(diags: readonly Diagnostic[], fileOrder: readonly string[]): Diagnostic[] {
  const rank = new Map(fileOrder.map((f, i) => [f, i]));
  return [...diags].sort(
    (a, b) =>
      (rank.get(a.file) ?? -1) - (rank.get(b.file) ?? -1) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.col ?? 0) - (b.col ?? 0),
  );
}

/**
 * Loads, validates and merges the spec files at `paths` (files or directories). Never throws
 * for bad input: every problem becomes a Diagnostic. File names in diagnostics and locations
 * are as the user gave them, or relative to `cwd` for files found in a directory.
 */
export async function loadSpec(paths: readonly string[], options: { cwd?: string } = {}): Promise<SpecResult> {
  const cwd = options.cwd ?? process.cwd();
  const sources = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  if (paths.length === 0) {
    return { ok: false, diagnostics: [{ code: 'NO_SPEC_FILES', message: 'no spec files given', file: '.', severity: 'error' }], sources };
  }
  const expanded = await expandPaths(paths, cwd);
  diagnostics.push(...expanded.diagnostics);
  const valid: ParsedFile[] = [];
  const checked: CheckedFile[] = [];
  for (const ref of expanded.files) {
    const read = await readSpecFile(ref);
    if (!read.ok) {
      diagnostics.push(read.diagnostic);
      continue;
    }
    sources.set(ref.display, read.text);
    const parsed = parseYaml(read.text, ref.display, ref.absPath);
    if (!parsed.ok) {
      diagnostics.push(...parsed.diagnostics);
      continue;
    }
    warnings.push(...parsed.warnings);
    const schema = validateSchema(parsed.parsed);
    diagnostics.push(...schema.diagnostics);
    if (schema.diagnostics.length === 0) valid.push(parsed.parsed);
    // The rules read schema-invalid files too, minus what the schema rejected, so every
    // problem shows in one run. A file in another apiVersion is not understood at all.
    if (schema.faults) checked.push({ parsed: parsed.parsed, faults: schema.faults });
  }
  // The desired state is built only from valid files; it is returned only when all are.
  const { state, diagnostics: policyProblems } = normalize(valid, { sources });
  diagnostics.push(...policyProblems, ...checkRules(lenientState(checked)));
  const order = [...expanded.files.map((f) => f.display), ...sources.keys()];
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    return { ok: false, diagnostics: sortDiagnostics([...diagnostics, ...warnings], order), sources };
  }
  return { ok: true, state, warnings: sortDiagnostics([...diagnostics, ...warnings], order), sources };
}
