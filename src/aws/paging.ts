/**
 * Paging and bounded concurrency for the adapter. SageMaker lists can return empty pages
 * that still carry a NextToken (boto/boto3 #2973, #1966), so paging stops only when the
 * token is absent; a token seen twice would loop forever and is reported instead.
 */
import { AwsCallError } from '../errors.js';

/** One page: its items and the token for the next one (absent on the last page). */
export interface Page<T> {
  readonly items: readonly T[];
  readonly next?: string | undefined;
}

/** Fetches every page in order, calling `onPage` after each; returns all items. */
export async function pageAll<T>(
  operation: string,
  fetch: (token: string | undefined) => Promise<Page<T>>,
  onPage?: (items: readonly T[]) => void,
): Promise<T[]> {
  const all: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await fetch(token);
    all.push(...page.items);
    onPage?.(page.items);
    token = page.next === undefined || page.next === '' ? undefined : page.next;
    if (token !== undefined) {
      if (seen.has(token)) {
        throw new AwsCallError(operation, 'RepeatedNextToken', 'the service returned a NextToken it had already returned; stopping instead of looping');
      }
      seen.add(token);
    }
  } while (token !== undefined);
  return all;
}

/**
 * A shared gate: at most `limit` of the functions passed to it run at once. Wrap single
 * calls, not tasks that themselves wait on the gate, or a full gate deadlocks.
 */
export function createLimiter(limit: number): <R>(fn: () => Promise<R>) => Promise<R> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <R>(fn: () => Promise<R>): Promise<R> => {
    // A released slot is handed straight to the next waiter, so `active` never overshoots.
    if (active < limit) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await fn();
    } finally {
      const next = waiting.shift();
      if (next === undefined) active--;
      else next();
    }
  };
}
