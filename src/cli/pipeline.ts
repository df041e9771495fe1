/**
 * What plan and apply share: load and validate the spec, read the live registry for the
 * declared groups, and plan. Only this edge does I/O; planChanges itself is pure.
 */
import { RegError } from '../errors.js';
import { loadSpec } from '../spec/load.js';
import { formatDiagnostics } from '../spec/format.js';
import type { DesiredState } from '../spec/types.js';
import { planChanges } from '../reconcile/plan.js';
import type { Plan } from '../reconcile/actions.js';
import type { CliIo } from './io.js';
import type { TargetOptions } from './main.js';
import { openTarget, type Target } from './target.js';

/** A computed plan, with the target it was computed against (still open). */
export interface Planned {
  readonly plan: Plan;
  readonly target: Target;
}

/** Loads the spec or prints its diagnostics and throws INVALID_SPEC. */
export async function loadDesired(files: readonly string[], io: CliIo): Promise<DesiredState> {
  const result = await loadSpec(files, { cwd: io.cwd });
  if (!result.ok) {
    io.err(formatDiagnostics(result.diagnostics, result.sources, { format: 'text', color: io.color }));
    throw new RegError('INVALID_SPEC', 'the spec is not valid; nothing was read or changed');
  }
  if (result.warnings.length > 0) {
    io.err(formatDiagnostics(result.warnings, result.sources, { format: 'text', color: io.color }));
  }
  return result.state;
}

/** Loads, reads and plans. The caller must close `target`. */
export async function computePlan(opts: TargetOptions, io: CliIo): Promise<Planned> {
  const desired = await loadDesired(opts.file, io);
  const target = await openTarget(opts, io);
  try {
    const groups = desired.groups.map((g) => g.name);
    // On a terminal, say what is being read: a large registry takes a few seconds.
    const started = Date.now();
    if (io.stdoutIsTTY) io.err(`Reading ${groups.length} declared group(s) from ${target.label}...\n`);
    const live = await target.registry.readGroups(groups);
    if (io.stdoutIsTTY) {
      const versions = [...live.groups.values()].reduce((n, g) => n + g.versions.length, 0);
      io.err(`Read ${live.groups.size} group(s) and ${versions} version(s) in ${((Date.now() - started) / 1000).toFixed(1)}s.\n\n`);
    }
    // Which versions endpoints serve matters only when something could be pruned.
    const versionsInUse = opts.prune ? await target.registry.findVersionsInUse() : undefined;
    const plan = planChanges(desired, versionsInUse ? { ...live, versionsInUse } : live, { prune: Boolean(opts.prune) });
    return { plan, target };
  } catch (e) {
    await target.close();
    throw e;
  }
}
