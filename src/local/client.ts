/** Tiny HTTP helpers for tests that drive a local server in another process. */
import type { FaultOptions } from './faults.js';
import type { CallStats } from './stats.js';
import { RegError } from '../errors.js';

async function call<T>(url: string, path: string, method: 'GET' | 'POST', body?: unknown): Promise<T> {
  const res = await fetch(new URL(path, url), {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new RegError('AWS_CALL_FAILED', `local server ${method} ${path} answered ${res.status}: ${await res.text()}`, { source: 'aws' });
  return (await res.json()) as T;
}

/** The server's call counters. */
export function readStats(url: string): Promise<CallStats> {
  return call(url, '/_reg/stats', 'GET');
}

/** Zeroes the server's call counters. */
export async function resetStats(url: string): Promise<void> {
  await call(url, '/_reg/stats/reset', 'POST', {});
}

/** Merges fault settings on the server; resolves with the settings now in force. */
export function setFaults(url: string, partial: FaultOptions): Promise<FaultOptions> {
  return call(url, '/_reg/faults', 'POST', partial);
}

/** Drops all of the server's state. */
export async function resetState(url: string): Promise<void> {
  await call(url, '/_reg/reset', 'POST', {});
}
