/** findVersionsInUse: endpoint → config → model → ModelPackageName, on the local server. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  UpdateEndpointCommand,
} from '@aws-sdk/client-sagemaker';
import { startHarness, uniqueName, type Harness } from './local-server.js';
import { version } from './versions.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.server.stop();
});

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerExecution';

async function model(name: string, packageRef: string): Promise<void> {
  await h.client.send(new CreateModelCommand({ ModelName: name, ExecutionRoleArn: ROLE, PrimaryContainer: { ModelPackageName: packageRef } }));
}

async function config(name: string, models: string[]): Promise<void> {
  await h.client.send(
    new CreateEndpointConfigCommand({
      EndpointConfigName: name,
      ProductionVariants: models.map((m, i) => ({
        VariantName: `v${i}`,
        ModelName: m,
        InstanceType: 'ml.m5.large',
        InitialInstanceCount: 1,
      })),
    }),
  );
}

describe('findVersionsInUse', () => {
  it('maps served version ARNs (lowercased) to endpoint names, resolving group/N', async () => {
    h.server.control.setFaults({ endpointDelayMs: 0 });
    const group = uniqueName('Served');
    await h.registry.createGroup({ name: group, tags: {} });
    const v1 = await h.registry.createVersion(version(group, `${group}-1`, { approval: 'Approved' }));
    const v2 = await h.registry.createVersion(version(group, `${group}-2`, { approval: 'Approved' }));
    const v3 = await h.registry.createVersion(version(group, `${group}-3`, { approval: 'Approved' }));

    const m1 = uniqueName('m');
    const m2 = uniqueName('m');
    const m3 = uniqueName('m');
    await model(m1, v1.arn);
    await model(m2, `${group}/2`); // by group/N, normalised through DescribeModelPackage
    await model(m3, v3.arn);
    const c1 = uniqueName('c');
    const c2 = uniqueName('c');
    await config(c1, [m1, m2]);
    await config(c2, [m2]);
    const e1 = uniqueName('e');
    const e2 = uniqueName('e');
    await h.client.send(new CreateEndpointCommand({ EndpointName: e1, EndpointConfigName: c1 }));
    await h.client.send(new CreateEndpointCommand({ EndpointName: e2, EndpointConfigName: c2 }));

    const registry = h.registryWith();
    const inUse = await registry.findVersionsInUse();
    // m2 is shared by both configs and named by group/N: described once, resolved once.
    expect(registry.stats()).toEqual({
      ListEndpoints: 1,
      DescribeEndpoint: 2,
      DescribeEndpointConfig: 2,
      DescribeModel: 2,
      DescribeModelPackage: 1,
    });
    expect(inUse.get(v1.arn.toLowerCase())).toEqual([e1]);
    expect(inUse.get(v2.arn.toLowerCase())).toEqual([e1, e2].sort());
    expect(inUse.has(v3.arn.toLowerCase())).toBe(false);

    // A config being rolled out counts as in use too (while the endpoint updates).
    const c3 = uniqueName('c');
    await config(c3, [m3]);
    h.server.control.setFaults({ endpointDelayMs: 60_000 });
    await h.client.send(new UpdateEndpointCommand({ EndpointName: e2, EndpointConfigName: c3 }));
    const during = await h.registry.findVersionsInUse();
    expect(during.get(v2.arn.toLowerCase())).toEqual([e1, e2].sort()); // still live on c2
    expect(during.get(v3.arn.toLowerCase())).toEqual([e2]); // rolling out through c3
    h.server.control.setFaults({ endpointDelayMs: 0 });
  });
});
