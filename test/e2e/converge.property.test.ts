/**
 * Property: for generated specs, apply then plan is empty, a second apply makes zero write
 * calls (counted by the server), and after a random edit of the mutable fields the same holds.
 * Runs the real planner, executor and SDK adapter over HTTP against the local server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { LocalServer } from '../../src/local/index.js';
import { clientFor, start } from '../local/helpers.js';
import { createSageMakerRegistry } from '../../src/aws/sagemaker-registry.js';
import { planChanges } from '../../src/reconcile/plan.js';
import { planIsEmpty } from '../../src/reconcile/actions.js';
import { executePlan } from '../../src/apply/execute.js';
import type { Registry } from '../../src/aws/registry.js';
import type { ApprovalStatus, DesiredGroup, DesiredState, DesiredVersion } from '../../src/spec/types.js';

let server: LocalServer;
let client: SageMakerClient;
let registry: Registry;
let run = 0;

beforeAll(async () => {
  server = await start();
  client = clientFor(server);
  registry = createSageMakerRegistry(client);
});
afterAll(async () => {
  client.destroy();
  await server.stop();
});

const loc = { file: 'gen.yaml', line: 1, col: 1 };
const approval = fc.constantFrom<ApprovalStatus>('Approved', 'Rejected', 'PendingManualApproval');
const word = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/);
const metadata = fc.dictionary(word, word, { maxKeys: 4 });
const mutable = fc.record({
  approval,
  approvalDescription: fc.option(fc.stringMatching(/^[A-Za-z ]{1,20}$/), { nil: undefined }),
  customerMetadata: metadata,
});
const versionSpec = fc.record({
  description: fc.option(fc.stringMatching(/^[A-Za-z ]{1,30}$/), { nil: undefined }),
  environment: fc.dictionary(fc.stringMatching(/^[A-Z][A-Z_]{0,9}$/), word, { maxKeys: 3 }),
  contentTypes: fc.subarray(['text/csv', 'application/json', 'application/x-npy']),
  withMetrics: fc.boolean(),
  mutable,
});
const groupSpec = fc.record({
  description: fc.option(fc.stringMatching(/^[A-Za-z ]{1,30}$/), { nil: undefined }),
  tags: fc.dictionary(word, word, { maxKeys: 3 }),
  versions: fc.array(versionSpec, { maxLength: 4 }),
});

type GroupSpec = typeof groupSpec extends fc.Arbitrary<infer T> ? T : never;
type Mutable = typeof mutable extends fc.Arbitrary<infer T> ? T : never;

function toDesired(groups: GroupSpec[], prefix: string): DesiredState {
  const desiredGroups: DesiredGroup[] = groups.map((g, gi) => {
    const name = `${prefix}-g${gi}`;
    const versions: DesiredVersion[] = g.versions.map((v, vi) => ({
      id: `v${vi}`,
      group: name,
      ...(v.description !== undefined && { description: v.description }),
      image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/${name}:${vi}`,
      modelDataUrl: `s3://models/${name}/${vi}/model.tar.gz`,
      environment: v.environment,
      contentTypes: v.contentTypes,
      responseTypes: v.contentTypes,
      realtimeInstanceTypes: ['ml.m5.large'],
      transformInstanceTypes: [],
      ...(v.withMetrics && {
        metrics: { modelQuality: { statistics: { s3Uri: `s3://metrics/${name}/${vi}.json`, contentType: 'application/json' } } },
      }),
      customerMetadata: v.mutable.customerMetadata,
      approval: v.mutable.approval,
      ...(v.mutable.approvalDescription !== undefined && { approvalDescription: v.mutable.approvalDescription }),
      loc,
      fieldLocs: {},
    }));
    return { name, ...(g.description !== undefined && { description: g.description }), tags: g.tags, versions, loc, fieldLocs: {} };
  });
  return { groups: desiredGroups, endpoints: [], files: ['gen.yaml'] };
}

function withMutable(state: DesiredState, edits: Mutable[]): DesiredState {
  let i = 0;
  return {
    ...state,
    groups: state.groups.map((g) => ({
      ...g,
      versions: g.versions.map((v) => {
        const e = edits[i++ % edits.length];
        if (!e) return v;
        const { approvalDescription: _, ...rest } = v;
        return { ...rest, approval: e.approval, customerMetadata: e.customerMetadata, ...(e.approvalDescription !== undefined && { approvalDescription: e.approvalDescription }) };
      }),
    })),
  };
}

async function apply(desired: DesiredState) {
  const live = await registry.readGroups(desired.groups.map((g) => g.name));
  const plan = planChanges(desired, live, { prune: false });
  const result = await executePlan(plan, registry, { concurrency: 4, pollIntervalMs: 10 });
  expect(result.failed).toBe(0);
  return plan;
}

async function expectConverged(desired: DesiredState) {
  const live = await registry.readGroups(desired.groups.map((g) => g.name));
  const plan = planChanges(desired, live, { prune: false });
  expect(plan.actions).toEqual([]);
  expect(planIsEmpty(plan)).toBe(true);
  server.control.resetStats();
  await apply(desired);
  expect(server.control.stats().writes).toBe(0);
}

describe('apply converges', () => {
  it('for generated specs, and again after editing mutable fields', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(groupSpec, { minLength: 1, maxLength: 3 }), fc.array(mutable, { minLength: 1, maxLength: 5 }), async (groups, edits) => {
        const desired = toDesired(groups, `p${run++}`);
        await apply(desired);
        await expectConverged(desired);
        const edited = withMutable(desired, edits);
        await apply(edited);
        await expectConverged(edited);
      }),
      { numRuns: 25 },
    );
  });
});
