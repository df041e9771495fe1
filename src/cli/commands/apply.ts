/** `reg apply`: plan, confirm, execute, report. */
import { RegError } from '../../errors.js';
import { executePlan } from '../../apply/execute.js';
import { planIsEmpty } from '../../reconcile/actions.js';
import { renderPlanText } from '../../render/plan-text.js';
import { renderApplyEvent, renderApplySummary } from '../../render/apply-text.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import type { TargetOptions } from '../main.js';
import { computePlan } from '../pipeline.js';

/** Options for `reg apply`. */
export type ApplyOptions = TargetOptions & { yes?: boolean; skipBlocked?: boolean };

/** Converges the registry; non-zero when anything failed or the plan could not run. */
export async function runApply(opts: ApplyOptions, io: CliIo): Promise<number> {
  const { plan, target } = await computePlan(opts, io);
  try {
    io.out(renderPlanText(plan, { color: io.color }));
    if (planIsEmpty(plan)) return EXIT.OK;
    if (plan.blocked.length > 0 && !opts.skipBlocked) {
      throw new RegError(
        'PLAN_BLOCKED',
        `${plan.blocked.length} blocked item(s): fix the spec, or pass --skip-blocked to apply the rest and leave them as they are`,
      );
    }
    if (plan.actions.length === 0) return EXIT.OK;
    if (!opts.yes) {
      if (!io.stdinIsTTY) {
        throw new RegError('NOT_A_TTY', 'refusing to apply without confirmation: standard input is not a terminal; pass --yes to apply non-interactively');
      }
      const answer = await io.ask(`\nApply these changes to ${target.label}? Only 'yes' will be accepted: `);
      if (answer.trim() !== 'yes') throw new RegError('ABORTED', 'apply cancelled; nothing was changed');
    }
    io.out('\n');
    const interrupted = new AbortController();
    const stopListening = io.onInterrupt(() => {
      if (interrupted.signal.aborted) {
        // A second interrupt: stop now. Every action is safe to repeat, so a re-run finishes.
        io.err('\nStopping at once; run apply again to finish.\n');
        process.exit(EXIT.ERROR);
      }
      io.err('\nInterrupt received: finishing the calls in flight and starting nothing new (interrupt again to stop at once).\n');
      interrupted.abort();
    });
    try {
      const result = await executePlan(plan, target.registry, {
        concurrency: opts.concurrency,
        signal: interrupted.signal,
        onEvent: (event) => io.out(renderApplyEvent(event, { color: io.color })),
      });
      io.out(renderApplySummary(result, { color: io.color }));
      return result.failed > 0 || result.cancelled > 0 ? EXIT.ERROR : EXIT.OK;
    } finally {
      stopListening();
    }
  } finally {
    await target.close();
  }
}
