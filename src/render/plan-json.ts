/**
 * The plan as a versioned JSON document (schemas/plan.schema.json). Tools in CI read this
 * instead of scraping text, so its shape changes only with `formatVersion`.
 */
import { planIsEmpty, type Plan } from '../reconcile/actions.js';

/** The document `plan --format json` prints. */
export interface PlanDocument extends Plan {
  /** False when applying would change nothing. */
  readonly hasChanges: boolean;
}

/** Renders the plan document, pretty-printed, with a trailing newline. */
export function renderPlanJson(plan: Plan): string {
  const doc: PlanDocument = { ...plan, hasChanges: !planIsEmpty(plan) };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
