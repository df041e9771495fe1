/** Fault injection, stats over HTTP, and awsJson1_1 framing, seen through the real SDK. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CreateModelPackageGroupCommand, ListModelPackageGroupsCommand, DescribeModelPackageGroupCommand, type SageMakerClient } from '@aws-sdk/client-sagemaker';
import { readStats, resetStats, setFaults, type LocalServer } from '../../src/local/index.js';
import { clientFor, failure, start } from './helpers.js';

let server: LocalServer;
let once: SageMakerClient;
let retrying: SageMakerClient;
beforeAll(async () => {
  server = await start({ faults: { seed: 42 } });
  once = clientFor(server, 1);
  retrying = clientFor(server);
});
afterAll(() => server.stop());
beforeEach(async () => {
  server.control.setFaults({ latencyMs: 0, failRate: 0, dropRate: 0, dropMode: 'before', rateLimits: {}, seed: 42 });
  await resetStats(server.url);
});

async function raw(body: string, target: string | undefined): Promise<{ status: number; json: Record<string, unknown>; requestId: string | null }> {
  const res = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', ...(target ? { 'x-amz-target': target } : {}) },
    body,
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown>, requestId: res.headers.get('x-amzn-requestid') };
}

describe('wire protocol', () => {
  it('answers unknown operations and bad JSON with AWS error shapes', async () => {
    const unknown = await raw('{}', 'SageMaker.CreateTrainingJob');
    expect(unknown).toMatchObject({ status: 400, json: { __type: 'UnknownOperationException' } });
    expect(unknown.requestId).toBeTruthy();
    expect((await raw('{}', undefined)).json['__type']).toBe('UnknownOperationException');
    const bad = await raw('{not json', 'SageMaker.ListModelPackageGroups');
    expect(bad).toMatchObject({ status: 400, json: { __type: 'SerializationException' } });
    const wrongType = await raw('{"ModelPackageGroupName": 5}', 'SageMaker.CreateModelPackageGroup');
    expect(wrongType.json['__type']).toBe('SerializationException');
    const ok = await raw('', 'SageMaker.ListModelPackageGroups');
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ ModelPackageGroupSummaryList: [] });
  });
});

describe('faults', () => {
  it('adds latency to every call', async () => {
    server.control.setFaults({ latencyMs: 120 });
    const t0 = Date.now();
    await once.send(new ListModelPackageGroupsCommand({}));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(110);
  });

  it('throttles with a token bucket per operation (400 ThrottlingException) and refills', async () => {
    server.control.setFaults({ rateLimits: { ListModelPackageGroups: { rps: 5, burst: 2 } } });
    await once.send(new ListModelPackageGroupsCommand({}));
    await once.send(new ListModelPackageGroupsCommand({}));
    const e = await failure(once.send(new ListModelPackageGroupsCommand({})));
    expect(e.name).toBe('ThrottlingException');
    expect(e.$metadata?.httpStatusCode).toBe(400);
    // Other operations have their own (absent) bucket.
    await failure(once.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: 'x' }))).then((x) => expect(x.name).toBe('ValidationException'));
    await new Promise((r) => setTimeout(r, 250));
    await once.send(new ListModelPackageGroupsCommand({}));
    expect(server.control.stats().throttled['ListModelPackageGroups']).toBe(1);
  });

  it('applies a global * bucket, and the SDK’s default retries ride out throttling', async () => {
    server.control.setFaults({ rateLimits: { '*': { rps: 20, burst: 1 } } });
    await retrying.send(new ListModelPackageGroupsCommand({}));
    const r = await retrying.send(new ListModelPackageGroupsCommand({}));
    expect(r.$metadata.attempts).toBeGreaterThanOrEqual(1);
    const stats = await readStats(server.url);
    expect(stats.calls['ListModelPackageGroups']).toBeGreaterThanOrEqual(2);
  });

  it('answers 500/503 at the fail rate; maxAttempts 1 sees it, default retries recover', async () => {
    server.control.setFaults({ failRate: 1 });
    const e = await failure(once.send(new ListModelPackageGroupsCommand({})));
    expect(['InternalFailure', 'ServiceUnavailable']).toContain(e.name);
    expect([500, 503]).toContain(e.$metadata?.httpStatusCode);
    server.control.setFaults({ failRate: 0.5, seed: 7 });
    for (let i = 0; i < 5; i++) await retrying.send(new ListModelPackageGroupsCommand({}));
    const stats = server.control.stats();
    expect(stats.failed['ListModelPackageGroups']).toBeGreaterThan(0);
    expect(stats.calls['ListModelPackageGroups']).toBe(1 + 5 + stats.failed['ListModelPackageGroups']! - 1);
  });

  it('is deterministic for a given seed', async () => {
    const pattern = async () => {
      server.control.setFaults({ failRate: 0.5, seed: 99 });
      const out: boolean[] = [];
      for (let i = 0; i < 8; i++) out.push(await once.send(new ListModelPackageGroupsCommand({})).then(() => true, () => false));
      return out;
    };
    expect(await pattern()).toEqual(await pattern());
  });

  it('drops connections without an answer; the SDK sees a network error, retries recover', async () => {
    server.control.setFaults({ dropRate: 1 });
    const e = await failure(once.send(new ListModelPackageGroupsCommand({})));
    expect(e.$metadata?.httpStatusCode).toBeUndefined();
    expect(server.control.stats().dropped['ListModelPackageGroups']).toBe(1);
    server.control.setFaults({ dropRate: 0.3, seed: 5 });
    for (let i = 0; i < 4; i++) await retrying.send(new ListModelPackageGroupsCommand({}));
    expect(server.control.stats().dropped['ListModelPackageGroups']).toBeGreaterThan(1);
  });

  it('in "after" mode drops the answer but keeps the write (the ambiguous case)', async () => {
    server.control.setFaults({ dropRate: 1, dropMode: 'after' });
    await failure(once.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'written-anyway' })));
    server.control.setFaults({ dropRate: 0 });
    const d = await once.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: 'written-anyway' }));
    expect(d.ModelPackageGroupName).toBe('written-anyway');
  });
});

describe('stats and control over HTTP', () => {
  it('counts calls, writes and errors; resets; sets faults', async () => {
    await once.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'counted' }));
    await failure(once.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'counted' })));
    await once.send(new ListModelPackageGroupsCommand({}));
    const s = await readStats(server.url);
    expect(s).toMatchObject({ total: 3, writes: 1, calls: { CreateModelPackageGroup: 2, ListModelPackageGroups: 1 }, errors: { CreateModelPackageGroup: 1 } });
    await resetStats(server.url);
    expect((await readStats(server.url)).total).toBe(0);
    const f = await setFaults(server.url, { failRate: 1 });
    expect(f.failRate).toBe(1);
    expect((await failure(once.send(new ListModelPackageGroupsCommand({})))).$metadata?.httpStatusCode).toBeGreaterThanOrEqual(500);
    await setFaults(server.url, { failRate: 0 });
    const reset = await fetch(new URL('/_reg/reset', server.url), { method: 'POST', body: '{}' });
    expect(reset.status).toBe(200);
    expect((await once.send(new ListModelPackageGroupsCommand({}))).ModelPackageGroupSummaryList).toEqual([]);
  });
});
