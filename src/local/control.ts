/**
 * The control plane, in-process (LocalControl) and over HTTP on reserved paths:
 *   GET  /_reg/health            {"ok":true}
 *   GET  /_reg/stats             CallStats
 *   POST /_reg/stats/reset       zero the counters (call stats and Search metrics)
 *   GET  /_reg/metrics           Search work counters (LocalMetrics)
 *   GET  /_reg/faults            current FaultOptions
 *   POST /_reg/faults            merge a partial FaultOptions (JSON body)
 *   POST /_reg/endpoint-failure  {"name": "...", "outcome": "fail"|"rollback"|null}
 *   POST /_reg/reset             drop all state and zero the counters
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Ctx, SearchMetrics } from './context.js';
import type { EndpointOutcome, FaultOptions } from './faults.js';
import type { CallStats, Stats } from './stats.js';
import type { Store } from './store.js';
import { searchMetrics } from './context.js';
import { requestId, sendJson } from './wire.js';

/** Work counters: Search's, plus rows sorted into cached views (by any list or Search). */
export interface LocalMetrics extends SearchMetrics {
  sorted: number;
}

/** In-process control of a running local server. */
export interface LocalControl {
  /** Merges fault settings (latency, rate limits, fail/drop rates, delays, seed...). */
  setFaults(partial: FaultOptions): void;
  /** The fault settings now in force. */
  faults(): FaultOptions;
  stats(): CallStats;
  /** Zeroes the call counters and the work counters. */
  resetStats(): void;
  /** How much work Search did (candidates scanned, records built) since the last reset. */
  metrics(): LocalMetrics;
  /** Makes deploys of `name` (or `*`) fail or roll back; null restores success. */
  setEndpointFailure(name: string, outcome: Exclude<EndpointOutcome, 'ok'> | null): void;
  /** Drops all state (durably) and zeroes the counters. */
  reset(): Promise<void>;
  /** Resolves once every acknowledged write is on disk. */
  flush(): Promise<void>;
  /** Persistence counters (journal batches/lines, snapshots); undefined without a state file. */
  persistence(): { batches: number; lines: number; snapshots: number } | undefined;
  /** The live store and handler context, for tests and benchmarks that seed data directly. */
  readonly store: Store;
  readonly ctx: Ctx;
}

/** Builds the in-process control over the server's parts. */
export function makeControl(
  ctx: Ctx,
  stats: Stats,
  durable: () => Promise<void>,
  persistence: () => { batches: number; lines: number; snapshots: number } | undefined,
): LocalControl {
  return {
    persistence,
    setFaults: (partial) => ctx.faults.set(partial),
    faults: () => ctx.faults.options,
    stats: () => stats.snapshot(),
    resetStats: () => {
      stats.reset();
      resetMetrics(ctx);
    },
    metrics: () => ({ ...ctx.metrics, sorted: ctx.views.rowsSorted }),
    setEndpointFailure: (name, outcome) => ctx.faults.setEndpointFailure(name, outcome),
    reset: async () => {
      ctx.store.clear();
      ctx.views.clear();
      stats.reset();
      resetMetrics(ctx);
      await durable();
    },
    flush: durable,
    store: ctx.store,
    ctx,
  };
}

function resetMetrics(ctx: Ctx): void {
  Object.assign(ctx.metrics, searchMetrics());
  ctx.views.rowsSorted = 0;
}

function parseBody(body: Buffer): Record<string, unknown> | undefined {
  try {
    const v: unknown = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Answers a `/_reg/*` request; false when the path is not a control route. */
export async function handleControl(control: LocalControl, req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<boolean> {
  const route = `${req.method ?? 'GET'} ${(req.url ?? '').split('?')[0]}`;
  const id = requestId();
  const input = parseBody(body);
  if (input === undefined) {
    sendJson(res, 400, { __type: 'SerializationException', message: 'control requests take a JSON object body' }, id);
    return true;
  }
  switch (route) {
    case 'GET /_reg/health':
      sendJson(res, 200, { ok: true }, id);
      return true;
    case 'GET /_reg/stats':
      sendJson(res, 200, control.stats(), id);
      return true;
    case 'GET /_reg/metrics':
      sendJson(res, 200, control.metrics(), id);
      return true;
    case 'POST /_reg/stats/reset':
      control.resetStats();
      sendJson(res, 200, control.stats(), id);
      return true;
    case 'GET /_reg/faults':
      sendJson(res, 200, control.faults(), id);
      return true;
    case 'POST /_reg/faults':
      control.setFaults(input as FaultOptions);
      sendJson(res, 200, control.faults(), id);
      return true;
    case 'POST /_reg/endpoint-failure': {
      const outcome = input['outcome'];
      if (typeof input['name'] !== 'string' || (outcome !== 'fail' && outcome !== 'rollback' && outcome !== null)) {
        sendJson(res, 400, { __type: 'ValidationException', message: 'expected {"name": string, "outcome": "fail"|"rollback"|null}' }, id);
        return true;
      }
      control.setEndpointFailure(input['name'], outcome);
      sendJson(res, 200, control.faults(), id);
      return true;
    }
    case 'POST /_reg/reset':
      await control.reset();
      sendJson(res, 200, { ok: true }, id);
      return true;
    default:
      return false;
  }
}
