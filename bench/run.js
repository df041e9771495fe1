#!/usr/bin/env node
/**
 * Benchmarks, reported as ratios measured in one run (these machines are shared and noisy).
 *
 *   npm run bench                      # 10,000 versions in 10 groups, 5 ms added latency per call
 *   node bench/run.js --versions 2000 --groups 4 --latency-ms 0
 *
 * 1. apply: registers every version through the real planner, executor and SDK adapter.
 * 2. converged plan: reads the registry and plans; counts SageMaker calls against the fewest
 *    the page sizes allow (per group Describe + ListTags + GetPolicy, plus one Search page per
 *    100 versions).
 * 3. the naive read: ListModelPackages per group, then DescribeModelPackage per version.
 * 4. local server state file: save and load of the whole registry.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DescribeModelPackageCommand, paginateListModelPackages, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { startLocalServer } from '../dist/local/index.js';
import { createSageMakerRegistry } from '../dist/aws/sagemaker-registry.js';
import { planChanges } from '../dist/reconcile/plan.js';
import { planIsEmpty } from '../dist/reconcile/actions.js';
import { executePlan } from '../dist/apply/execute.js';

const { values } = parseArgs({
  options: {
    versions: { type: 'string', default: '10000' },
    groups: { type: 'string', default: '10' },
    'latency-ms': { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '8' },
  },
});
// The SDK warns about Node 20 on every client it builds; the numbers are what matter here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const VERSIONS = Number(values.versions);
const GROUPS = Number(values.groups);
const LATENCY = Number(values['latency-ms']);
const CONCURRENCY = Number(values.concurrency);

const loc = { file: 'bench.yaml', line: 1, col: 1 };

/** A desired state of VERSIONS versions spread over GROUPS groups. */
function desiredState() {
  const groups = [];
  for (let g = 0; g < GROUPS; g++) {
    const name = `bench-group-${g}`;
    const versions = [];
    for (let v = g; v < VERSIONS; v += GROUPS) {
      versions.push({
        id: `v${v}`,
        group: name,
        description: `benchmark version ${v}`,
        image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/${name}:${v}`,
        modelDataUrl: `s3://bench/${name}/${v}/model.tar.gz`,
        environment: { SAGEMAKER_PROGRAM: 'inference.py' },
        contentTypes: ['text/csv'],
        responseTypes: ['text/csv'],
        realtimeInstanceTypes: ['ml.m5.large'],
        transformInstanceTypes: [],
        metrics: { modelQuality: { statistics: { s3Uri: `s3://bench/${name}/${v}/statistics.json`, contentType: 'application/json' } } },
        customerMetadata: { owner: 'bench', rank: String(v % 7) },
        approval: v % 3 === 0 ? 'Approved' : 'PendingManualApproval',
        loc,
        fieldLocs: {},
      });
    }
    groups.push({ name, description: `benchmark group ${g}`, tags: { team: 'bench' }, versions, loc, fieldLocs: {} });
  }
  return { groups, endpoints: [], files: ['bench.yaml'] };
}

const sum = (record) => Object.values(record).reduce((a, b) => a + b, 0);
const ms = (t0) => Math.round(performance.now() - t0);
const client = (url) =>
  new SageMakerClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'b', secretAccessKey: 'b' } });

const dir = mkdtempSync(join(tmpdir(), 'reg-bench-'));
const stateFile = join(dir, 'state.json');
const server = await startLocalServer({ port: 0, stateFile, faults: { latencyMs: LATENCY } });
const desired = desiredState();
const names = desired.groups.map((g) => g.name);
console.log(`reg bench: ${VERSIONS} versions in ${GROUPS} groups, ${LATENCY} ms added latency per call, concurrency ${CONCURRENCY}\n`);

// 1. apply
let sdk = client(server.url);
let registry = createSageMakerRegistry(sdk, { readConcurrency: CONCURRENCY });
let t0 = performance.now();
const initial = planChanges(desired, await registry.readGroups(names), { prune: false });
const applied = await executePlan(initial, registry, { concurrency: CONCURRENCY });
const applyMs = ms(t0);
if (applied.failed > 0) throw new Error(`apply failed: ${applied.failed} actions`);
console.log(`apply            ${initial.actions.length} actions in ${applyMs} ms (${Math.round((initial.actions.length / applyMs) * 1000)} actions/s)`);
sdk.destroy();

// 2. converged plan
sdk = client(server.url);
registry = createSageMakerRegistry(sdk, { readConcurrency: CONCURRENCY });
server.control.resetStats();
t0 = performance.now();
const converged = planChanges(desired, await registry.readGroups(names), { prune: false });
const planMs = ms(t0);
const planCalls = server.control.stats().total;
if (!planIsEmpty(converged)) throw new Error('the converged plan is not empty');
const fewest = GROUPS * 3 + Math.ceil(VERSIONS / 100);
console.log(`converged plan   ${planCalls} calls in ${planMs} ms; fewest the page sizes allow: ${fewest} (ratio ${(planCalls / fewest).toFixed(2)}x)`);
console.log(`                 calls by operation: ${JSON.stringify(server.control.stats().calls)}`);

// 3. the naive read: list, then describe each version
server.control.resetStats();
t0 = performance.now();
const arns = [];
for (const name of names) {
  for await (const page of paginateListModelPackages({ client: sdk, pageSize: 100 }, { ModelPackageGroupName: name, ModelPackageType: 'Versioned' })) {
    for (const s of page.ModelPackageSummaryList ?? []) arns.push(s.ModelPackageArn);
  }
}
let next = 0;
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < arns.length) {
      const arn = arns[next++];
      await sdk.send(new DescribeModelPackageCommand({ ModelPackageName: arn }));
    }
  }),
);
const naiveMs = ms(t0);
const naiveCalls = server.control.stats().total;
console.log(`list + describe  ${naiveCalls} calls in ${naiveMs} ms`);
console.log(`                 reg's plan is ${(naiveMs / planMs).toFixed(1)}x faster and makes ${(naiveCalls / planCalls).toFixed(0)}x fewer calls`);
sdk.destroy();

// 4. state file
t0 = performance.now();
await server.stop();
const saveMs = ms(t0);
const bytes = statSync(stateFile).size;
t0 = performance.now();
const reloaded = await startLocalServer({ port: 0, stateFile });
const loadMs = ms(t0);
await reloaded.stop();
console.log(`state file       ${(bytes / 1e6).toFixed(1)} MB; stop (snapshot) ${saveMs} ms, start (load) ${loadMs} ms`);
console.log(`memory           ${Math.round(process.memoryUsage().rss / 1e6)} MB RSS after the run`);
rmSync(dir, { recursive: true, force: true });
