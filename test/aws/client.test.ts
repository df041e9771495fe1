/**
 * How the client resolves region, profile, endpoint and credentials. A tiny HTTP listener
 * stands in for SageMaker here: these tests are about where requests go and with which
 * identity, not about SageMaker's behaviour.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ListModelPackageGroupsCommand } from '@aws-sdk/client-sagemaker';
import { createSageMakerClient, requireRegion } from '../../src/aws/client.js';
import { createSageMakerRegistry } from '../../src/aws/sagemaker-registry.js';
import { RegError } from '../../src/errors.js';

const VARS = [
  'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_SAGEMAKER', 'AWS_EC2_METADATA_DISABLED', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_ROLE_ARN',
];
let saved: Record<string, string | undefined> = {};
let dir = '';

beforeEach(() => {
  saved = Object.fromEntries(VARS.map((k) => [k, process.env[k]]));
  for (const k of VARS) delete process.env[k];
  dir = mkdtempSync(join(tmpdir(), 'reg-aws-'));
  // Empty shared files and no instance metadata: nothing on this machine leaks in.
  writeFileSync(join(dir, 'config'), '');
  writeFileSync(join(dir, 'credentials'), '');
  process.env['AWS_CONFIG_FILE'] = join(dir, 'config');
  process.env['AWS_SHARED_CREDENTIALS_FILE'] = join(dir, 'credentials');
  process.env['AWS_EC2_METADATA_DISABLED'] = 'true';
});
afterEach(() => {
  for (const k of VARS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

const seen: { target: string | undefined; auth: string | undefined }[] = [];
let server: Server;
let url = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const h: IncomingHttpHeaders = req.headers;
    seen.push({ target: h['x-amz-target'] as string | undefined, auth: h.authorization });
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'req-1' });
      res.end('{"ModelPackageGroupSummaryList":[]}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  url = `http://127.0.0.1:${typeof addr === 'object' && addr !== null ? addr.port : 0}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const staticCreds = { accessKeyId: 'AKIDSTATIC', secretAccessKey: 'x' };

describe('createSageMakerClient', () => {
  it('uses adaptive retries with 10 attempts by default, configurable', async () => {
    const c = createSageMakerClient({ region: 'us-east-1', credentials: staticCreds });
    expect(c.config.retryMode).toBe('adaptive');
    expect(((await c.config.retryStrategy()) as { mode?: string }).mode).toBe('adaptive');
    expect(await c.config.maxAttempts()).toBe(10);
    const d = createSageMakerClient({ region: 'us-east-1', credentials: staticCreds, maxAttempts: 4, retryMode: 'standard' });
    expect(await d.config.maxAttempts()).toBe(4);
    expect(d.config.retryMode).toBe('standard');
    expect(() => createSageMakerClient({ maxAttempts: 0 })).toThrow(RegError);
  });

  it('takes attempts from AWS_MAX_ATTEMPTS unless the caller passes them', async () => {
    const env = { AWS_MAX_ATTEMPTS: '2' };
    expect(await createSageMakerClient({ region: 'us-east-1', credentials: staticCreds, env }).config.maxAttempts()).toBe(2);
    expect(await createSageMakerClient({ region: 'us-east-1', credentials: staticCreds, env, maxAttempts: 5 }).config.maxAttempts()).toBe(5);
    expect(() => createSageMakerClient({ env: { AWS_MAX_ATTEMPTS: 'lots' } })).toThrow(expect.objectContaining({ code: 'CONFIG' }));
  });

  it('honours AWS_ENDPOINT_URL_SAGEMAKER (the SDK resolves it) and --endpoint-url over it', async () => {
    process.env['AWS_ENDPOINT_URL_SAGEMAKER'] = url;
    process.env['AWS_ENDPOINT_URL'] = 'http://127.0.0.1:9'; // the service-specific one wins
    const before = seen.length;
    await createSageMakerClient({ region: 'us-east-1', credentials: staticCreds }).send(new ListModelPackageGroupsCommand({}));
    expect(seen.length).toBe(before + 1);
    expect(seen.at(-1)?.target).toBe('SageMaker.ListModelPackageGroups');

    process.env['AWS_ENDPOINT_URL_SAGEMAKER'] = 'http://127.0.0.1:9';
    await createSageMakerClient({ region: 'us-east-1', credentials: staticCreds, endpointUrl: url }).send(
      new ListModelPackageGroupsCommand({}),
    );
    expect(seen.length).toBe(before + 2);
  });

  it('honours AWS_ENDPOINT_URL when no service-specific variable is set', async () => {
    process.env['AWS_ENDPOINT_URL'] = url;
    const before = seen.length;
    await createSageMakerClient({ region: 'us-east-1', credentials: staticCreds }).send(new ListModelPackageGroupsCommand({}));
    expect(seen.length).toBe(before + 1);
  });

  it('reads credentials and region from --profile', async () => {
    writeFileSync(join(dir, 'config'), '[profile other]\nregion = eu-west-3\n');
    writeFileSync(join(dir, 'credentials'), '[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = d\n[other]\naws_access_key_id = AKIDOTHER\naws_secret_access_key = o\n');
    const c = createSageMakerClient({ profile: 'other', endpointUrl: url });
    expect(await c.config.region()).toBe('eu-west-3');
    expect(await requireRegion(c)).toBe('eu-west-3');
    await c.send(new ListModelPackageGroupsCommand({}));
    expect(seen.at(-1)?.auth).toContain('Credential=AKIDOTHER/');
  });

  it('falls back to AWS_DEFAULT_REGION like the AWS CLI', async () => {
    process.env['AWS_DEFAULT_REGION'] = 'ap-south-1';
    expect(await createSageMakerClient({ credentials: staticCreds }).config.region()).toBe('ap-south-1');
    process.env['AWS_REGION'] = 'us-west-2';
    expect(await createSageMakerClient({ credentials: staticCreds }).config.region()).toBe('us-west-2');
    expect(await createSageMakerClient({ region: 'eu-north-1', credentials: staticCreds }).config.region()).toBe('eu-north-1');
  });

  it('a missing region is a usage error, early and on the first call', async () => {
    const c = createSageMakerClient({ credentials: staticCreds, endpointUrl: url });
    await expect(requireRegion(c)).rejects.toMatchObject({ code: 'CONFIG' });
    const registry = createSageMakerRegistry(c);
    const err = await registry.describeGroup('g').catch((e: unknown) => e);
    expect(RegError.is(err)).toBe(true);
    expect(err).toMatchObject({ code: 'CONFIG', message: expect.stringMatching(/^no AWS region: pass --region or set AWS_REGION/) });
  });

  it('missing credentials are RegError AWS_CREDENTIALS with a one-line hint', async () => {
    const registry = createSageMakerRegistry(createSageMakerClient({ region: 'us-east-1', endpointUrl: url }));
    const err = await registry.describeGroup('g').catch((e: unknown) => e);
    expect(RegError.is(err)).toBe(true);
    expect(err).toMatchObject({ code: 'AWS_CREDENTIALS' });
    expect((err as Error).message).not.toContain('\n');
    expect((err as Error).message).toMatch(/--profile/);
  });
});
