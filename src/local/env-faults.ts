/** Fault settings from REG_LOCAL_* environment variables (explicit options win over these). */
import type { FaultOptions } from './faults.js';
import { RegError } from '../errors.js';
import { parseRateLimits } from './faults.js';

const NUMERIC: [string, keyof FaultOptions][] = [
  ['REG_LOCAL_LATENCY_MS', 'latencyMs'],
  ['REG_LOCAL_FAIL_RATE', 'failRate'],
  ['REG_LOCAL_DROP_RATE', 'dropRate'],
  ['REG_LOCAL_VERSION_STATUS_DELAY_MS', 'versionStatusDelayMs'],
  ['REG_LOCAL_GROUP_STATUS_DELAY_MS', 'groupStatusDelayMs'],
  ['REG_LOCAL_ENDPOINT_DELAY_MS', 'endpointDelayMs'],
  ['REG_LOCAL_SEED', 'seed'],
];

/** Reads the REG_LOCAL_* variables; a malformed one is a usage error naming it. */
export function faultsFromEnv(env: NodeJS.ProcessEnv): FaultOptions {
  const out: Record<string, unknown> = {};
  for (const [name, key] of NUMERIC) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0) throw new RegError('CONFIG', `${name} must be a number of at least 0, got "${raw}"`);
    out[key] = n;
  }
  const limits = env['REG_LOCAL_RATE_LIMITS'];
  if (limits) {
    // Comma-separated op=rps[:burst] entries, as the --rate-limit flag takes them.
    const parsed = parseRateLimits(limits.split(','));
    if (typeof parsed === 'string') throw new RegError('CONFIG', `REG_LOCAL_RATE_LIMITS: ${parsed}`);
    out['rateLimits'] = parsed;
  }
  if (env['REG_LOCAL_DROP_MODE'] === 'after' || env['REG_LOCAL_DROP_MODE'] === 'before') out['dropMode'] = env['REG_LOCAL_DROP_MODE'];
  return out as FaultOptions;
}
