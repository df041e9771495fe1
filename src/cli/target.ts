/**
 * Which registry a command talks to: real SageMaker through the SDK's default chain, or the
 * embedded local registry (`--local`), whose state lives in a file under the current
 * directory so an apply and a later plan see the same registry.
 */
import { dirname, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { RegError } from '../errors.js';
import type { Registry } from '../aws/registry.js';
import type { TargetOptions } from './main.js';
import type { CliIo } from './io.js';

/** An open registry and how to let it go. */
export interface Target {
  readonly registry: Registry;
  /** Human description, e.g. `local registry (.reg/local-state.json)`. */
  readonly label: string;
  /** Flushes and closes whatever the target opened. */
  close(): Promise<void>;
}

/** Opens the registry the options name. */
export async function openTarget(opts: TargetOptions, io: CliIo): Promise<Target> {
  const { createSageMakerClient, requireRegion } = await import('../aws/client.js');
  const { createSageMakerRegistry } = await import('../aws/sagemaker-registry.js');
  if (opts.local) {
    if (opts.endpointUrl !== undefined || opts.profile !== undefined) {
      throw new RegError('USAGE', '--local cannot be combined with --endpoint-url or --profile');
    }
    const stateFile = resolve(io.cwd, opts.localState ?? '.reg/local-state.json');
    mkdirSync(dirname(stateFile), { recursive: true });
    const { startLocalServer } = await import('../local/index.js');
    const server = await startLocalServer({ port: 0, stateFile });
    const client = createSageMakerClient({
      region: 'us-east-1',
      endpointUrl: server.url,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    return {
      registry: createSageMakerRegistry(client, { readConcurrency: opts.concurrency }),
      label: `local registry (${opts.localState ?? '.reg/local-state.json'})`,
      close: async () => {
        client.destroy();
        await server.stop();
      },
    };
  }
  const client = createSageMakerClient({
    ...(opts.region !== undefined && { region: opts.region }),
    ...(opts.profile !== undefined && { profile: opts.profile }),
    ...(opts.endpointUrl !== undefined && { endpointUrl: opts.endpointUrl }),
    env: io.env,
  });
  const region = await requireRegion(client);
  return {
    registry: createSageMakerRegistry(client, { readConcurrency: opts.concurrency }),
    label: `SageMaker in ${region}${opts.endpointUrl ? ` at ${opts.endpointUrl}` : ''}`,
    close: async () => client.destroy(),
  };
}
