/** Apply progress and its closing summary, as text. */
import { AwsCallError, RegError } from '../errors.js';
import type { ApplyEvent, ApplyResult } from '../apply/execute.js';
import type { Action } from '../reconcile/actions.js';
import { painter } from './style.js';

const VERB: Record<Action['kind'], string> = {
  'create-group': 'creating',
  'update-group-tags': 'updating tags',
  'put-group-policy': 'putting policy',
  'create-version': 'registering',
  'adopt-version': 'adopting',
  'update-version': 'updating',
  'delete-version': 'deleting',
};

/** One progress line for an executor event (with trailing newline). */
export function renderApplyEvent(event: ApplyEvent, options: { color: boolean }): string {
  const paint = painter(options.color);
  const who = paint('bold', event.action.address);
  switch (event.type) {
    case 'start':
      return `${who}: ${VERB[event.action.kind]}...\n`;
    case 'waiting':
      return `${who}: waiting (status ${event.status})...\n`;
    case 'done':
      return `${who}: ${paint('green', event.detail)} ${paint('dim', `[${seconds(event.ms)}]`)}\n`;
    case 'failed':
      return `${who}: ${paint('red', `failed: ${describeError(event.error)}`)} ${paint('dim', `[${seconds(event.ms)}]`)}\n`;
    case 'skipped':
      return `${who}: ${paint('yellow', `skipped, it depends on ${event.blockedBy} which failed`)}\n`;
  }
}

/** The closing summary: counts, then every failure with its AWS code, message and request id. */
export function renderApplySummary(result: ApplyResult, options: { color: boolean }): string {
  const paint = painter(options.color);
  const lines = [''];
  const cancelled = result.cancelled > 0 ? `, ${result.cancelled} not started` : '';
  const counts = `${result.succeeded} succeeded, ${result.failed} failed, ${result.skipped} skipped${cancelled}.`;
  if (result.cancelled > 0) lines.push(paint(['yellow', 'bold'], `Apply interrupted: ${counts}`));
  else if (result.failed > 0) lines.push(paint(['red', 'bold'], `Apply failed: ${counts}`));
  else lines.push(paint(['green', 'bold'], `Apply complete: ${counts}`));
  for (const o of result.outcomes) {
    if (o.status === 'failed') lines.push(`  ${paint('red', '✗')} ${o.task.value.address}: ${describeError(o.error)}`);
    if (o.status === 'skipped') lines.push(`  ${paint('yellow', '-')} ${o.task.value.address}: skipped (depends on ${o.blockedBy})`);
  }
  if (result.cancelled > 0) lines.push('', 'Every action is safe to repeat: run apply again to finish what did not start.');
  else if (result.failed > 0) lines.push('', 'Every action is safe to repeat: fix the cause and run apply again.');
  return `${lines.join('\n')}\n`;
}

/** `ThrottlingException: Rate exceeded (request id …)` for AWS errors; the message otherwise. */
export function describeError(error: unknown): string {
  if (error instanceof AwsCallError) {
    const id = error.requestId ? ` (request id ${error.requestId})` : '';
    return `${error.awsCode}: ${error.awsMessage}${id}`;
  }
  if (RegError.is(error)) return error.message;
  return error instanceof Error ? error.message : String(error);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}
