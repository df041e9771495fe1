/** The executor against the local server: failures, skips, waiting, and safe repetition. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { LocalServer } from '../../src/local/index.js';
import { clientFor, start } from '../local/helpers.js';
import { createSageMakerRegistry } from '../../src/aws/sagemaker-registry.js';
import { executePlan, type ApplyEvent } from '../../src/apply/execute.js';
import { planChanges } from '../../src/reconcile/plan.js';
import type { Plan } from '../../src/reconcile/actions.js';
import type { Registry } from '../../src/aws/registry.js';
import { AwsCallError } from '../../src/errors.js';
import { dg, ds, dv } from '../helpers/builders.js';

let server: LocalServer;
let client: SageMakerClient;
let registry: Registry;

beforeEach(async () => {
  server = await start();
  client = clientFor(server, 1);
  registry = createSageMakerRegistry(client);
});
afterEach(async () => {
  client.destroy();
  await server.stop();
});

const fast = { concurrency: 4, pollIntervalMs: 10, maxPollIntervalMs: 20 };

async function planFor(state = ds([dg('iris', [dv('iris', 'a'), dv('iris', 'b')])])): Promise<Plan> {
  return planChanges(state, await registry.readGroups(state.groups.map((g) => g.name)), { prune: false });
}

describe('executePlan', () => {
  it('reports each action as it starts and ends, in dependency order', async () => {
    const events: ApplyEvent[] = [];
    const result = await executePlan(await planFor(), registry, { ...fast, onEvent: (e) => events.push(e) });
    expect(result).toMatchObject({ succeeded: 3, failed: 0, skipped: 0 });
    expect(events.map((e) => `${e.type} ${e.action.id}`)).toEqual([
      'start create-group:iris',
      'done create-group:iris',
      'start create-version:iris/a',
      'done create-version:iris/a',
      'start create-version:iris/b',
      'done create-version:iris/b',
    ]);
    expect(events[3]).toMatchObject({ type: 'done', detail: 'registered as v1' });
  });

  it('registers nothing twice when the same plan runs again (a crash after the call, before the answer)', async () => {
    const plan = await planFor();
    await executePlan(plan, registry, fast);
    server.control.resetStats();
    const again = await executePlan(plan, registry, fast);
    expect(again.failed).toBe(0);
    const live = await registry.readGroups(['iris']);
    expect(live.groups.get('iris')?.versions.map((v) => v.version)).toEqual([1, 2]);
  });

  it('fails an action with the AWS code and request id, and skips what depends on it', async () => {
    const plan = await planFor();
    // Point the first registration at a group that does not exist: SageMaker rejects it.
    const [group, first, second] = plan.actions;
    if (first?.kind !== 'create-version' || !group || !second) throw new Error('unexpected plan');
    const broken: Plan = {
      ...plan,
      actions: [{ ...first, dependsOn: [], input: { ...first.input, group: 'missing-group' } }, { ...second, dependsOn: [first.id] }],
    };
    const result = await executePlan(broken, registry, fast);
    expect(result).toMatchObject({ succeeded: 0, failed: 1, skipped: 1 });
    const failed = result.outcomes[0];
    if (failed?.status !== 'failed') throw new Error('expected a failure');
    expect(failed.error).toBeInstanceOf(AwsCallError);
    expect(failed.error).toMatchObject({ awsCode: 'ValidationException', operation: 'CreateModelPackage' });
    expect((failed.error as AwsCallError).requestId).toBeTruthy();
    expect(result.outcomes[1]).toMatchObject({ status: 'skipped', blockedBy: first.id });
  });

  it('waits out a version still registering before updating it', async () => {
    server.control.setFaults({ versionStatusDelayMs: 300 });
    const a = dv('iris', 'a');
    await executePlan(await planFor(ds([dg('iris', [a])])), registry, fast);
    const plan = await planFor(ds([dg('iris', [{ ...a, approval: 'Approved' }])]));
    expect(plan.actions[0]).toMatchObject({ kind: 'update-version' });
    expect(['Pending', 'InProgress']).toContain((plan.actions[0] as { liveStatus: string }).liveStatus);
    const events: ApplyEvent[] = [];
    const result = await executePlan(plan, registry, { ...fast, onEvent: (e) => events.push(e) });
    expect(result.failed).toBe(0);
    expect(events.some((e) => e.type === 'waiting')).toBe(true);
    const live = await registry.readGroups(['iris']);
    expect(live.groups.get('iris')?.versions[0]?.approval).toBe('Approved');
  });

  it('sets the approval description after registering, once the version has finished registering', async () => {
    server.control.setFaults({ versionStatusDelayMs: 200 });
    const a = dv('iris', 'a', { approval: 'Approved', approvalDescription: 'passed offline evaluation' });
    const events: ApplyEvent[] = [];
    const result = await executePlan(await planFor(ds([dg('iris', [a])])), registry, { ...fast, onEvent: (e) => events.push(e) });
    expect(result.failed).toBe(0);
    expect(events.some((e) => e.type === 'waiting' && e.action.kind === 'create-version')).toBe(true);
    const live = await registry.readGroups(['iris']);
    expect(live.groups.get('iris')?.versions[0]).toMatchObject({ approval: 'Approved', approvalDescription: 'passed offline evaluation' });
  });
});
