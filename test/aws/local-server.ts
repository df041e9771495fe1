/** Starts the project's SageMaker-compatible server in-process and points the real SDK at it. */
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { startLocalServer } from '../../src/local/index.js';
import { createSageMakerClient } from '../../src/aws/client.js';
import { createSageMakerRegistry, type CountingRegistry, type SageMakerRegistryOptions } from '../../src/aws/sagemaker-registry.js';

export type LocalServer = Awaited<ReturnType<typeof startLocalServer>>;

/** A server plus a client and registry wired to it. */
export interface Harness {
  readonly server: LocalServer;
  readonly client: SageMakerClient;
  readonly registry: CountingRegistry;
  /** A fresh registry on the same client (fresh counters). */
  registryWith(options?: SageMakerRegistryOptions): CountingRegistry;
}

export async function startHarness(): Promise<Harness> {
  const server = await startLocalServer({ port: 0, region: 'us-east-1' });
  const client = createSageMakerClient({
    region: 'us-east-1',
    endpointUrl: server.url,
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
  return {
    server,
    client,
    registry: createSageMakerRegistry(client),
    registryWith: (options) => createSageMakerRegistry(client, options),
  };
}

let counter = 0;
/** A group name unique within this test process. */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}`;
}
