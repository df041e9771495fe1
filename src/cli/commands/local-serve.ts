/**
 * `reg local serve`: runs the SageMaker-compatible local server in the foreground until SIGINT or
 * SIGTERM, then stops it cleanly (state flushed) and exits 0.
 */
import type { CliIo } from '../io.js';
import type { FaultOptions } from '../../local/index.js';
import { RegError } from '../../errors.js';
import { EXIT } from '../exit-codes.js';
import { parseRateLimits, startLocalServer } from '../../local/index.js';

function num(opts: Record<string, unknown>, key: string): number | undefined {
  const v = opts[key];
  return typeof v === 'number' ? v : undefined;
}

/** Flags win over REG_LOCAL_* variables; unset flags leave those alone. */
function faultsFromFlags(opts: Record<string, unknown>): FaultOptions {
  const faults: FaultOptions = {};
  const latencyMs = num(opts, 'latencyMs');
  const failRate = num(opts, 'failRate');
  const dropRate = num(opts, 'dropRate');
  const endpointDelayMs = num(opts, 'endpointDelayMs');
  // Commander fills defaults of 0; only a non-zero value overrides the environment.
  if (latencyMs) faults.latencyMs = latencyMs;
  if (failRate) faults.failRate = failRate;
  if (dropRate) faults.dropRate = dropRate;
  if (endpointDelayMs) faults.endpointDelayMs = endpointDelayMs;
  const limits = opts['rateLimit'];
  if (Array.isArray(limits) && limits.length > 0) {
    const parsed = parseRateLimits(limits.map(String));
    if (typeof parsed === 'string') throw new RegError('USAGE', parsed);
    faults.rateLimits = parsed;
  }
  return faults;
}

/** Serves until signalled; resolves with the exit code. */
export async function runLocalServe(opts: Record<string, unknown>, io: CliIo): Promise<number> {
  // Errors (a bad --rate-limit, a port in use) reach main, which prints one line and picks the exit code.
  const server = await startLocalServer({
    host: typeof opts['host'] === 'string' ? opts['host'] : '127.0.0.1',
    port: num(opts, 'port') ?? 4566,
    ...(typeof opts['state'] === 'string' ? { stateFile: opts['state'] } : {}),
    faults: faultsFromFlags(opts),
    env: io.env,
    onInternalError: (e) => io.err(`local server internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`),
  });
  io.out(`reg local registry listening on ${server.url}\n`);
  io.out(`point the AWS SDK at it with: export AWS_ENDPOINT_URL_SAGEMAKER=${server.url}\n`);
  await new Promise<void>((resolve) => {
    const onSignal = () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  await server.stop();
  io.err('reg local registry stopped; state flushed\n');
  return EXIT.OK;
}
