/** Persistence: restarts keep state, writes are durable before the answer, corrupt files are refused. */
import { mkdtemp, readFile, writeFile, stat, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  DescribeModelPackageCommand,
  ListModelPackagesCommand,
  UpdateModelPackageCommand,
  CreateModelCommand,
  CreateEndpointConfigCommand,
  CreateEndpointCommand,
  DescribeEndpointCommand,
} from '@aws-sdk/client-sagemaker';
import { RegError } from '../../src/errors.js';
import { clientFor, SPEC, start } from './helpers.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reg-local-'));
});

describe('persistence', () => {
  it('keeps groups, versions, numbering, tokens and endpoints across a restart', async () => {
    const file = join(dir, 'state.json');
    const a = await start({ stateFile: file });
    const sm = clientFor(a);
    await sm.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'kept', Tags: [{ Key: 't', Value: 'v' }] }));
    const v1 = (await sm.send(new CreateModelPackageCommand({ ModelPackageGroupName: 'kept', InferenceSpecification: SPEC, ClientToken: 'same', CustomerMetadataProperties: { k: 'v' } }))).ModelPackageArn!;
    await sm.send(new CreateModelPackageCommand({ ModelPackageGroupName: 'kept', InferenceSpecification: SPEC }));
    await sm.send(new UpdateModelPackageCommand({ ModelPackageArn: v1, ModelApprovalStatus: 'Approved' }));
    await sm.send(new CreateModelCommand({ ModelName: 'm', PrimaryContainer: { ModelPackageName: v1 } }));
    await sm.send(new CreateEndpointConfigCommand({ EndpointConfigName: 'c', ProductionVariants: [{ VariantName: 'v', ModelName: 'm', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }] }));
    await sm.send(new CreateEndpointCommand({ EndpointName: 'e', EndpointConfigName: 'c' }));
    await a.stop();
    expect(await readdir(dir)).toEqual(['state.json']); // journal folded into the snapshot

    const b = await start({ stateFile: file });
    const sm2 = clientFor(b);
    const d = await sm2.send(new DescribeModelPackageCommand({ ModelPackageName: 'kept/1' }));
    expect(d).toMatchObject({ ModelApprovalStatus: 'Approved', CustomerMetadataProperties: { k: 'v' } });
    const again = await sm2.send(new CreateModelPackageCommand({ ModelPackageGroupName: 'kept', InferenceSpecification: SPEC, ClientToken: 'same' }));
    expect(again.ModelPackageArn).toBe(v1);
    const v3 = await sm2.send(new CreateModelPackageCommand({ ModelPackageGroupName: 'kept', InferenceSpecification: SPEC }));
    expect(v3.ModelPackageArn?.endsWith('/3')).toBe(true);
    expect((await sm2.send(new DescribeEndpointCommand({ EndpointName: 'e' }))).EndpointStatus).toBe('InService');
    await b.stop();
  });

  it('makes an acknowledged write durable before answering (journal, no stop needed)', async () => {
    const file = join(dir, 'state.json');
    const a = await start({ stateFile: file });
    const sm = clientFor(a);
    await sm.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'durable' }));
    await Promise.all(Array.from({ length: 20 }, () => sm.send(new CreateModelPackageCommand({ ModelPackageGroupName: 'durable', InferenceSpecification: SPEC }))));
    // Group commit: concurrent writes share appends; nothing rewrote the snapshot per call.
    const counters = a.control.persistence()!;
    expect(counters.lines).toBe(61); // group + 20 × (group counter, version, SDK-generated ClientToken)
    expect(counters.batches).toBeLessThan(20);
    expect(counters.snapshots).toBe(0);
    // Simulate a kill: read what is on disk now, without stopping the server.
    const journal = await readFile(`${file}.journal`, 'utf8');
    expect(journal.trim().split('\n').length).toBeGreaterThanOrEqual(41); // group + 20 × (group counter + version)
    const copy = join(dir, 'copy.json');
    await writeFile(`${copy}.journal`, journal);
    const b = await start({ stateFile: copy });
    const list = await clientFor(b).send(new ListModelPackagesCommand({ ModelPackageGroupName: 'durable', MaxResults: 100 }));
    expect(list.ModelPackageSummaryList).toHaveLength(20);
    await b.stop();
    await a.stop();
  });

  it('ignores a torn last journal line (never acknowledged)', async () => {
    const file = join(dir, 'state.json');
    const a = await start({ stateFile: file });
    await clientFor(a).send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'torn' }));
    const journal = await readFile(`${file}.journal`, 'utf8');
    const copy = join(dir, 'torn.json');
    await writeFile(`${copy}.journal`, `${journal}{"c":"groups","id":"half`);
    const b = await start({ stateFile: copy });
    expect(b.control.store.size('groups')).toBe(1);
    await b.stop();
    await a.stop();
  });

  it('refuses a corrupt snapshot with STATE_FILE_CORRUPT and leaves it untouched', async () => {
    const file = join(dir, 'state.json');
    await writeFile(file, '{"format":"reg-local-state","version":1,"collections":{"groups":[[');
    const before = await stat(file);
    const err = await start({ stateFile: file }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(RegError.is(err) && err.code).toBe('STATE_FILE_CORRUPT');
    expect((err as Error).message).toContain(file);
    expect(await readFile(file, 'utf8')).toBe('{"format":"reg-local-state","version":1,"collections":{"groups":[[');
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
  });

  it('refuses a corrupt journal line in the middle', async () => {
    const file = join(dir, 'state.json');
    await writeFile(`${file}.journal`, 'garbage\n{"c":"tokens","id":"x","v":"y"}\n');
    const err = await start({ stateFile: file }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(RegError.is(err) && err.code).toBe('STATE_FILE_CORRUPT');
    expect(await readFile(`${file}.journal`, 'utf8')).toBe('garbage\n{"c":"tokens","id":"x","v":"y"}\n');
  });
});

afterEach(() => undefined);
