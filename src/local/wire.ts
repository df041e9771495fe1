/**
 * awsJson1_1 framing (api §7): `POST /` with `X-Amz-Target: SageMaker.<Operation>` and a JSON
 * body; answers are JSON with an `x-amzn-RequestId`; errors are `{"__type", "message"}`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Json } from './context.js';
import { ApiError } from './errors.js';

const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** Reads the whole request body (bounded). */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new ApiError('SerializationException', 'Request body too large.', 413));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The operation named by X-Amz-Target, or undefined when the header is not SageMaker's. */
export function targetOperation(req: IncomingMessage): string | undefined {
  const target = req.headers['x-amz-target'];
  if (typeof target !== 'string') return undefined;
  const m = /^SageMaker\.([A-Za-z0-9]+)$/.exec(target);
  return m ? m[1] : undefined;
}

/** The JSON object in a request body; an empty body is `{}`. */
export function parseInput(body: Buffer): Json {
  const text = body.toString('utf8');
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ApiError('SerializationException', 'The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new ApiError('SerializationException', 'The request body must be a JSON object.');
  return parsed as Json;
}

/** A fresh request id. */
export function requestId(): string {
  return randomUUID();
}

/** Sends a JSON answer with the headers the SDK expects. */
export function sendJson(res: ServerResponse, status: number, body: unknown, id: string): void {
  const text = body === undefined ? '{}' : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1',
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': id,
  });
  res.end(text);
}

/** Sends an ApiError as SageMaker does. */
export function sendError(res: ServerResponse, err: ApiError, id: string): void {
  res.setHeader('x-amzn-errortype', err.code);
  sendJson(res, err.status, { __type: err.code, message: err.message }, id);
}
