/**
 * A SageMaker-compatible local server for the Model Registry and deployment APIs: the real
 * `@aws-sdk/client-sagemaker` talks to it over HTTP (awsJson1_1), unchanged. It backs
 * `reg local serve`, `reg plan/apply --local`, the integration tests and the benchmarks.
 */
import type { Server, IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Ctx } from './context.js';
import type { FaultOptions } from './faults.js';
import type { LocalControl } from './control.js';
import { RegError } from '../errors.js';
import { monotonicClock, searchMetrics } from './context.js';
import { handleControl, makeControl } from './control.js';
import { faultsFromEnv } from './env-faults.js';
import { Faults } from './faults.js';
import { createHttpServer } from './http-server.js';
import { ViewCache } from './paging.js';
import { Persistence } from './persistence.js';
import { lockStateFile } from './state-lock.js';
import { Stats } from './stats.js';
import { Store } from './store.js';

export type { CallStats } from './stats.js';
export type { FaultOptions, RateLimit, EndpointOutcome } from './faults.js';
export type { LocalControl, LocalMetrics } from './control.js';
export { readStats, resetStats, setFaults, resetState } from './client.js';
export { parseRateLimits } from './faults.js';

/** How to start a local server. */
export interface LocalServerOptions {
  /** Address to bind; default 127.0.0.1. */
  host?: string;
  /** Port; 0 (the default) picks a free one. */
  port?: number;
  /** Persist state here (snapshot + `<file>.journal`); loaded at start. */
  stateFile?: string;
  /** Default 'us-east-1'. */
  region?: string;
  /** Default '123456789012'. */
  accountId?: string;
  /** Initial fault settings, merged over REG_LOCAL_* environment variables. */
  faults?: FaultOptions;
  /** Environment to read REG_LOCAL_* from; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Hears unexpected internal errors (answered as 500 InternalFailure). */
  onInternalError?: (e: unknown) => void;
}

/** A running local server. */
export interface LocalServer {
  /** e.g. http://127.0.0.1:54321 */
  readonly url: string;
  /** Closes connections and flushes state. Idempotent. */
  stop(): Promise<void>;
  readonly control: LocalControl;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (e.code === 'EADDRINUSE')
        reject(new RegError('CONFIG', `port ${port} on ${host} is already in use; choose another with --port (0 picks a free one)`, { cause: e }));
      else reject(new RegError('CONFIG', `cannot listen on ${host}:${port}: ${e.message}`, { cause: e }));
    };
    const onListening = () => {
      server.off('error', onError);
      const addr = server.address();
      resolve(typeof addr === 'object' && addr !== null ? addr.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** Starts a server and resolves once it is listening (and its state file is loaded). */
export async function startLocalServer(options: LocalServerOptions = {}): Promise<LocalServer> {
  const host = options.host ?? '127.0.0.1';
  const store = new Store();
  const unlock = options.stateFile === undefined ? undefined : await lockStateFile(options.stateFile);
  let persistence: Persistence | undefined;
  try {
    persistence = options.stateFile === undefined ? undefined : await Persistence.open(options.stateFile, store);
  } catch (e) {
    await unlock?.();
    throw e;
  }
  const faults = new Faults({ ...faultsFromEnv(options.env ?? process.env), ...(options.faults ?? {}) });
  const ctx: Ctx = {
    store,
    views: new ViewCache(),
    metrics: searchMetrics(),
    faults,
    region: options.region ?? 'us-east-1',
    accountId: options.accountId ?? '123456789012',
    now: monotonicClock(),
  };
  const stats = new Stats();
  const durable = () => persistence?.durable() ?? Promise.resolve();
  const control = makeControl(ctx, stats, durable, () => (persistence ? { ...persistence.counters } : undefined));
  const server = createHttpServer(
    { ctx, stats, durable, control: (req: IncomingMessage, res: ServerResponse, body: Buffer) => handleControl(control, req, res, body) },
    options.onInternalError ?? (() => undefined),
  );
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  let port: number;
  try {
    port = await listen(server, options.port ?? 0, host);
  } catch (e) {
    await persistence?.close();
    await unlock?.();
    throw e;
  }
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    control,
    stop: () => {
      stopping ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        // Give in-flight calls a moment to finish before cutting them off.
        const grace = setTimeout(() => {
          for (const s of sockets) s.destroy();
        }, 2000);
        await closed;
        clearTimeout(grace);
        await persistence?.close();
        await unlock?.();
      })();
      return stopping;
    },
  };
}
