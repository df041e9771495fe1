/**
 * The single choke point for SageMaker calls: every request reg makes goes through `call`,
 * which maps failures to reg's errors and counts calls per operation. Retries happen inside
 * the SDK (see client.ts), so one `call` may be several HTTP attempts; `attempts` counts those.
 */
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { toAwsCallError } from './errors.js';

/** What every SDK command looks like from here: an input and a typed middleware chain. */
export interface SdkCommand {
  readonly input: object;
  resolveMiddleware(...args: never[]): unknown;
}

/** The output type a command resolves to (read off its middleware handler). */
export type OutputOf<C> = C extends {
  resolveMiddleware(...args: never[]): (...args: never[]) => Promise<{ output: infer O }>;
}
  ? O
  : never;

/** Sends one command; rejects only with an AwsCallError or RegError. */
export type Call = <C extends SdkCommand>(operation: string, command: C) => Promise<OutputOf<C>>;

/** A call function and its counters. */
export interface Caller {
  readonly call: Call;
  /** Logical calls per operation since creation (or the last reset). */
  stats(): Record<string, number>;
  /** HTTP attempts per operation, retries included (as the SDK reports them). */
  attempts(): Record<string, number>;
  resetStats(): void;
}

/** Wraps a client in a counting, error-mapping `call`. */
export function createCaller(client: SageMakerClient): Caller {
  let calls: Record<string, number> = {};
  let tries: Record<string, number> = {};
  const bump = (m: Record<string, number>, op: string, n: number): void => {
    m[op] = (m[op] ?? 0) + n;
  };
  const call: Call = async (operation, command) => {
    bump(calls, operation, 1);
    try {
      // The cast only widens the command to send()'s parameter type; OutputOf keeps the
      // per-command output type for callers.
      const out = await client.send(command as unknown as Parameters<SageMakerClient['send']>[0]);
      bump(tries, operation, attemptsOf(out));
      return out as OutputOf<typeof command>;
    } catch (e) {
      bump(tries, operation, attemptsOf(e));
      throw toAwsCallError(operation, e);
    }
  };
  return {
    call,
    stats: () => ({ ...calls }),
    attempts: () => ({ ...tries }),
    resetStats: () => {
      calls = {};
      tries = {};
    },
  };
}

function attemptsOf(x: unknown): number {
  const meta = typeof x === 'object' && x !== null ? (x as { $metadata?: { attempts?: unknown } }).$metadata : undefined;
  return typeof meta?.attempts === 'number' ? meta.attempts : 1;
}
