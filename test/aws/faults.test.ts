/** Throttling and 5xx storms are ridden out by the client's retries; reads stay correct. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSageMakerClient } from '../../src/aws/client.js';
import { createSageMakerRegistry } from '../../src/aws/sagemaker-registry.js';
import { startHarness, uniqueName, type Harness } from './local-server.js';
import { version } from './versions.js';

let h: Harness;
const groups: string[] = [];
beforeAll(async () => {
  h = await startHarness();
  for (let g = 0; g < 4; g++) {
    const name = uniqueName('f');
    groups.push(name);
    await h.registry.createGroup({ name, tags: { n: String(g) } });
    for (let i = 0; i < 60 * (g + 1); i++) await h.registry.createVersion(version(name, `${name}-${i}`));
  }
});
afterAll(async () => {
  await h?.server.stop();
});
beforeEach(() => {
  h.server.control.setFaults({ rateLimits: {}, failRate: 0 });
  h.server.control.resetStats();
});

function expectComplete(live: Awaited<ReturnType<Harness['registry']['readGroups']>>): void {
  expect(groups.map((g) => live.groups.get(g)?.versions.length)).toEqual([60, 120, 180, 240]);
  groups.forEach((g, i) => expect(live.groups.get(g)?.tags).toEqual({ n: String(i) }));
}

describe('retries against a faulty server', () => {
  it('rides out throttling on Search', async () => {
    h.server.control.setFaults({ rateLimits: { Search: { rps: 5, burst: 1 } }, seed: 7 });
    // One group per Search so several Search pages are in flight at once.
    const registry = h.registryWith({ maxSearchBatch: 1 });
    expectComplete(await registry.readGroups(groups));
    const stats = h.server.control.stats();
    expect(stats.throttled['Search'] ?? 0).toBeGreaterThan(0);
    expect(registry.attempts()['Search']).toBeGreaterThan(registry.stats()['Search'] ?? 0);
  });

  it('rides out a 30% rate of 500/503 answers, reads and writes', async () => {
    h.server.control.setFaults({ failRate: 0.3, seed: 11 });
    const registry = h.registryWith();
    expectComplete(await registry.readGroups(groups));
    const group = uniqueName('w');
    await registry.createGroup({ name: group, tags: {} });
    for (let i = 0; i < 20; i++) await registry.createVersion(version(group, `${group}-${i}`));
    h.server.control.setFaults({ failRate: 0 });
    expect((await registry.readGroups([group])).groups.get(group)?.versions).toHaveLength(20);
    expect(Object.values(h.server.control.stats().failed).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('gives up with an AwsCallError once attempts run out', async () => {
    h.server.control.setFaults({ failRate: 1 });
    const client = createSageMakerClient({
      region: 'us-east-1',
      endpointUrl: h.server.url,
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
      maxAttempts: 2,
      retryMode: 'standard',
    });
    const err = await createSageMakerRegistry(client).describeGroup(groups[0] as string).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'AWS_CALL_FAILED', operation: 'DescribeModelPackageGroup' });
    expect((err as { httpStatus: number }).httpStatus).toBeGreaterThanOrEqual(500);
  });
});
