/**
 * `reg validate`: checks spec files against the schema and SageMaker's constraints without
 * touching AWS. Exit 0 when valid (warnings allowed), 1 when not.
 */
import { formatDiagnostics } from '../../spec/format.js';
import { loadSpec } from '../../spec/load.js';
import type { DesiredState } from '../../spec/types.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One line a person can trust at a glance: what was checked and how much it declares. */
export function summarize(state: DesiredState): string {
  const versions = state.groups.reduce((n, g) => n + g.versions.length, 0);
  return `✓ ${plural(state.files.length, 'file')} valid: ${plural(state.groups.length, 'group')}, ${plural(versions, 'version')}, ${plural(state.endpoints.length, 'endpoint')}\n`;
}

export async function runValidate(opts: { file: string[]; format: 'text' | 'github' | 'json' }, io: CliIo): Promise<number> {
  const result = await loadSpec(opts.file, { cwd: io.cwd });
  const diags = result.ok ? result.warnings : result.diagnostics;
  const rendered = formatDiagnostics(diags, result.sources, { format: opts.format, color: io.color });
  if (opts.format === 'text') {
    // Problems go to stderr like a compiler's; the verdict on success goes to stdout.
    if (rendered !== '') io.err(rendered);
    if (result.ok) io.out(summarize(result.state));
  } else {
    io.out(rendered);
  }
  return result.ok ? EXIT.OK : EXIT.ERROR;
}
