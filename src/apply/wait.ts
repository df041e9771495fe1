/**
 * Polls until a resource settles, with exponential backoff and a deadline. SageMaker has no
 * waiters for groups or versions, so reg brings its own.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { RegError } from '../errors.js';

/** How long and how often to poll. */
export interface WaitOptions {
  readonly timeoutMs: number;
  readonly pollIntervalMs: number;
  readonly maxPollIntervalMs: number;
}

/**
 * Calls `check` until it returns true. Any other return value is the current status, reported
 * through `onWait` when it changes; a thrown error ends the wait.
 */
export async function waitFor(
  what: string,
  check: () => Promise<true | string>,
  options: WaitOptions,
  onWait: (status: string) => void,
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let interval = options.pollIntervalMs;
  let last: string | undefined;
  for (;;) {
    const status = await check();
    if (status === true) return;
    if (status !== last) onWait(status);
    last = status;
    if (Date.now() + interval > deadline) {
      throw new RegError('APPLY_FAILED', `timed out after ${Math.round(options.timeoutMs / 1000)}s waiting for ${what} (last status: ${status})`, {
        source: 'aws',
      });
    }
    await sleep(interval);
    interval = Math.min(interval * 2, options.maxPollIntervalMs);
  }
}
