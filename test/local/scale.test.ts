/** Scale: 10,000 versions seeded straight into the store, saved, loaded, and paged over HTTP. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { paginateSearch } from '@aws-sdk/client-sagemaker';
import type { Ctx } from '../../src/local/context.js';
import { monotonicClock, searchMetrics } from '../../src/local/context.js';
import { Faults } from '../../src/local/faults.js';
import { groupOps } from '../../src/local/ops/groups.js';
import { registerVersion } from '../../src/local/ops/versions.js';
import { ViewCache } from '../../src/local/paging.js';
import { loadInto, serialize, writeSnapshot } from '../../src/local/persistence.js';
import { Store } from '../../src/local/store.js';
import { clientFor, SPEC, start } from './helpers.js';

const N = 10_000;

function seed(): Store {
  const store = new Store();
  const ctx: Ctx = { store, views: new ViewCache(), metrics: searchMetrics(), faults: new Faults(), region: 'us-east-1', accountId: '123456789012', now: monotonicClock() };
  for (const g of ['scale-a', 'scale-b']) groupOps['CreateModelPackageGroup']!(ctx, { ModelPackageGroupName: g });
  for (let i = 0; i < N; i++) {
    registerVersion(ctx, {
      ModelPackageGroupName: i % 2 ? 'scale-b' : 'scale-a',
      InferenceSpecification: SPEC,
      CustomerMetadataProperties: { 'reg.io/id': `v-${i}` },
      MetadataProperties: { CommitId: `c${i}` },
      ClientToken: `t-${i}`,
    });
  }
  return store;
}

it('saves and loads 10,000 versions losslessly and pages them through Search in 100 pages', async () => {
  const store = seed();
  const file = join(await mkdtemp(join(tmpdir(), 'reg-scale-')), 'state.json');
  await writeSnapshot(file, store);
  const loaded = new Store();
  await loadInto(file, loaded);
  expect(loaded.size('versions')).toBe(N);
  expect(serialize(loaded)).toBe(serialize(store));

  const server = await start({ stateFile: file });
  try {
    const sm = clientFor(server);
    const ids = new Set<string>();
    let pages = 0;
    for await (const page of paginateSearch(
      { client: sm, pageSize: 100 },
      {
        Resource: 'ModelPackage',
        SearchExpression: {
          Operator: 'Or',
          SubExpressions: [
            { Filters: [{ Name: 'ModelPackageGroupName', Operator: 'Equals', Value: 'scale-a' }] },
            { Filters: [{ Name: 'ModelPackageGroupName', Operator: 'Equals', Value: 'scale-b' }] },
          ],
        },
      },
    )) {
      pages += 1;
      for (const r of page.Results ?? []) ids.add(r.ModelPackage?.CustomerMetadataProperties?.['reg.io/id'] ?? '');
    }
    expect(pages).toBe(100);
    expect(ids.size).toBe(N);
  } finally {
    await server.stop();
  }
}, 120_000);
