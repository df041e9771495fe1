import { describe, expect, it } from 'vitest';
import { createLimiter, pageAll } from '../../src/aws/paging.js';
import { isAlreadyExists, isNotFound, toAwsCallError } from '../../src/aws/errors.js';
import { AwsCallError, RegError } from '../../src/errors.js';

describe('pageAll', () => {
  it('follows empty pages that carry a token, stops when the token is absent', async () => {
    const pages = [{ items: [1, 2], next: 'a' }, { items: [], next: 'b' }, { items: [], next: 'c' }, { items: [3] }];
    const tokens: (string | undefined)[] = [];
    const all = await pageAll('Op', async (t) => {
      tokens.push(t);
      return pages[tokens.length - 1]!;
    });
    expect(all).toEqual([1, 2, 3]);
    expect(tokens).toEqual([undefined, 'a', 'b', 'c']);
  });

  it('reports a repeated token instead of looping', async () => {
    const err = await pageAll('Search', async () => ({ items: [], next: 'same' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AwsCallError);
    expect(err).toMatchObject({ operation: 'Search', awsCode: 'RepeatedNextToken' });
  });
});

describe('createLimiter', () => {
  it('never runs more than the limit at once', async () => {
    const gate = createLimiter(3);
    let active = 0;
    let peak = 0;
    const task = async (): Promise<void> => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, Math.random() * 5));
      active--;
    };
    await Promise.all(Array.from({ length: 40 }, () => gate(task)));
    expect(peak).toBe(3);
    expect(active).toBe(0);
  });

  it('frees the slot when a task fails', async () => {
    const gate = createLimiter(1);
    await expect(gate(async () => Promise.reject(new RegError('USAGE', 'x')))).rejects.toBeInstanceOf(RegError);
    expect(await gate(async () => 7)).toBe(7);
  });
});

describe('error mapping', () => {
  const sdkError = (name: string, message: string, status = 400) =>
    Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status, requestId: 'rid' } });

  it('maps service exceptions to AwsCallError with code, request id and status', () => {
    const e = toAwsCallError('DescribeModelPackage', sdkError('ThrottlingException', 'Rate exceeded'));
    expect(e).toBeInstanceOf(AwsCallError);
    expect(e).toMatchObject({ operation: 'DescribeModelPackage', awsCode: 'ThrottlingException', requestId: 'rid', httpStatus: 400 });
  });

  it('recognises not-found and already-exists wording', () => {
    expect(isNotFound(sdkError('ValidationException', 'ModelPackageGroup g does not exist.'))).toBe(true);
    expect(isNotFound(sdkError('ValidationException', 'Cannot find resource policy'))).toBe(true);
    expect(isNotFound(sdkError('ValidationException', 'Could not find endpoint "e".'))).toBe(true);
    expect(isNotFound(sdkError('ResourceNotFound', 'x'))).toBe(true);
    expect(isNotFound(sdkError('ValidationException', '1 validation error detected'))).toBe(false);
    expect(isNotFound(toAwsCallError('X', sdkError('ValidationException', 'ModelPackage g/1 does not exist.')))).toBe(true);
    expect(isAlreadyExists(sdkError('ValidationException', 'Model Package Group already exists: arn:…'))).toBe(true);
    expect(isAlreadyExists(sdkError('ValidationException', 'Cannot create already existing model "m".'))).toBe(true);
    expect(isAlreadyExists(sdkError('ConflictException', 'busy'))).toBe(false);
  });

  it('turns credential failures into AWS_CREDENTIALS and network errors into AwsCallError', () => {
    const cred = toAwsCallError('Search', Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }));
    expect(cred).toMatchObject({ code: 'AWS_CREDENTIALS' });
    expect(toAwsCallError('Search', sdkError('ExpiredTokenException', 'The security token included in the request is expired'))).toMatchObject({
      code: 'AWS_CREDENTIALS',
    });
    const net = toAwsCallError('Search', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }));
    expect(net).toMatchObject({ code: 'AWS_CALL_FAILED', awsCode: 'ECONNREFUSED' });
  });
});
