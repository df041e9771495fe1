/** Shared setup for the local-server contract tests: a server and a real SDK client on it. */
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { startLocalServer, type LocalServer, type LocalServerOptions } from '../../src/local/index.js';

/** A real SDK client for the server; `maxAttempts: 1` where a test asserts on faults. */
export function clientFor(server: LocalServer, maxAttempts?: number): SageMakerClient {
  return new SageMakerClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    ...(maxAttempts === undefined ? {} : { maxAttempts }),
  });
}

/** Starts a server with no environment faults leaking in. */
export function start(options: LocalServerOptions = {}): Promise<LocalServer> {
  return startLocalServer({ env: {}, ...options });
}

/** Resolves with the rejection of a promise that must fail. */
export async function failure(p: Promise<unknown>): Promise<{ name: string; message: string; $metadata?: { httpStatusCode?: number; requestId?: string } }> {
  try {
    await p;
  } catch (e) {
    return e as { name: string; message: string };
  }
  throw new Error('expected the call to fail');
}

/** A minimal valid inference specification. */
export const SPEC = {
  Containers: [{ Image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/model:1', ModelDataUrl: 's3://bucket/model.tar.gz' }],
  SupportedContentTypes: ['text/csv'],
  SupportedResponseMIMETypes: ['text/csv'],
};
