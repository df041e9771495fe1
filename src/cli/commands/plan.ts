/** `reg plan`: show how the live registry differs from the spec. */
import { planIsEmpty } from '../../reconcile/actions.js';
import { renderPlanJson } from '../../render/plan-json.js';
import { renderPlanText } from '../../render/plan-text.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import type { TargetOptions } from '../main.js';
import { computePlan } from '../pipeline.js';

/** Options for `reg plan`. */
export type PlanOptions = TargetOptions & { format: 'text' | 'json'; detailedExitcode?: boolean };

/** Prints the plan; with --detailed-exitcode returns 2 when there are changes (Terraform's convention). */
export async function runPlan(opts: PlanOptions, io: CliIo): Promise<number> {
  const { plan, target } = await computePlan(opts, io);
  try {
    io.out(opts.format === 'json' ? renderPlanJson(plan) : renderPlanText(plan, { color: io.color }));
  } finally {
    await target.close();
  }
  return opts.detailedExitcode && !planIsEmpty(plan) ? EXIT.CHANGES : EXIT.OK;
}
