/**
 * The HTTP front: applies faults, validates, dispatches to handlers, waits until writes are
 * durable, then answers. Reserved `/_reg/*` paths are the control plane (see control-routes.ts)
 * and are never counted or faulted.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Ctx } from './context.js';
import type { Stats } from './stats.js';
import { ApiError } from './errors.js';
import { INPUTS } from './constraints.js';
import { OPERATIONS } from './ops/index.js';
import { validateInput } from './validate.js';
import { parseInput, readBody, requestId, sendError, sendJson, targetOperation } from './wire.js';

/** What the HTTP layer needs from the server around it. */
export interface HttpDeps {
  ctx: Ctx;
  stats: Stats;
  /** Resolves once every write so far is on disk (immediately without a state file). */
  durable(): Promise<void>;
  /** Handles `/_reg/*`; resolves true when it answered. */
  control(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<boolean>;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function handleApi(deps: HttpDeps, req: IncomingMessage, res: ServerResponse, body: Buffer, id: string): Promise<void> {
  const { ctx, stats } = deps;
  const op = targetOperation(req);
  const handler = op === undefined ? undefined : OPERATIONS[op];
  if (op === undefined || handler === undefined || req.method !== 'POST') {
    const name = op ?? String(req.headers['x-amz-target'] ?? '(none)');
    throw new ApiError('UnknownOperationException', `Operation ${name} is not supported by this endpoint.`);
  }
  stats.call(op);
  const verdict = ctx.faults.decide(op);
  if (verdict.kind === 'drop') {
    stats.dropped(op);
    req.socket.destroy();
    return;
  }
  if (ctx.faults.latencyMs > 0) await sleep(ctx.faults.latencyMs);
  if (verdict.kind === 'throttle') {
    stats.throttled(op);
    throw new ApiError('ThrottlingException', 'Rate exceeded');
  }
  if (verdict.kind === 'fail') {
    stats.failed(op);
    throw verdict.status === 500
      ? new ApiError('InternalFailure', 'We encountered an internal error. Please try again.', 500)
      : new ApiError('ServiceUnavailable', 'Service is unavailable. Please try again later.', 503);
  }
  let output;
  try {
    const input = parseInput(body);
    const table = INPUTS[op];
    if (table) validateInput(table, input);
    output = handler(ctx, input);
  } catch (e) {
    stats.error(op);
    throw e;
  }
  await deps.durable();
  if (ctx.faults.dropAnswer()) {
    // The call ran and is durable, but the caller never learns: the ambiguous-write case.
    stats.dropped(op);
    req.socket.destroy();
    return;
  }
  stats.succeeded(op);
  sendJson(res, 200, output ?? {}, id);
}

/** Creates (does not start) the HTTP server. `onFault` hears unexpected errors. */
export function createHttpServer(deps: HttpDeps, onFault: (e: unknown) => void): Server {
  return createServer((req, res) => {
    const id = requestId();
    void (async () => {
      try {
        const body = await readBody(req);
        if (req.url?.startsWith('/_reg/') && (await deps.control(req, res, body))) return;
        await handleApi(deps, req, res, body, id);
      } catch (e) {
        if (res.headersSent || req.socket.destroyed) return;
        if (e instanceof ApiError) sendError(res, e, id);
        else {
          onFault(e);
          sendError(res, new ApiError('InternalFailure', `Internal error: ${(e as Error).message ?? String(e)}`, 500), id);
        }
      }
    })();
  });
}
