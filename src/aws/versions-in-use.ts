/**
 * Which registered versions live endpoints serve. SageMaker has no reverse index, so this
 * walks endpoint → endpoint config(s) → model → container ModelPackageName. Configs, models
 * and `group/N` lookups are cached: endpoints commonly share them.
 */
import {
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  DescribeModelCommand,
  DescribeModelPackageCommand,
  ListEndpointsCommand,
} from '@aws-sdk/client-sagemaker';
import type { Call } from './call.js';
import { isNotFound } from './errors.js';
import { PAGE_SIZE } from './read-groups.js';
import { pageAll } from './paging.js';

/**
 * Version ARN (lowercased: ARNs are compared case-insensitively, moto and friends lowercase
 * names inside them) → names of the endpoints serving it, through the endpoint's current
 * config and, while an update is rolling out, its pending one.
 */
export async function findVersionsInUse(call: Call): Promise<Map<string, string[]>> {
  const endpoints = await pageAll('ListEndpoints', async (token) => {
    const out = await call('ListEndpoints', new ListEndpointsCommand({ MaxResults: PAGE_SIZE, NextToken: token }));
    return { items: out.Endpoints ?? [], next: out.NextToken };
  });
  const configModels = memo((name: string) => modelsOfConfig(call, name));
  const modelPackages = memo((name: string) => packagesOfModel(call, name));
  const packageArn = memo((ref: string) => resolvePackageArn(call, ref));

  const inUse = new Map<string, string[]>();
  await Promise.all(
    endpoints.map(async (summary) => {
      const name = summary.EndpointName;
      if (name === undefined || summary.EndpointStatus === 'Deleting') return;
      const configs = await configsOfEndpoint(call, name);
      const models = (await Promise.all(configs.map(configModels))).flat();
      const refs = (await Promise.all([...new Set(models)].map(modelPackages))).flat();
      const arns = await Promise.all([...new Set(refs)].map(packageArn));
      for (const arn of new Set(arns)) {
        if (arn === undefined) continue;
        const list = inUse.get(arn) ?? [];
        if (!list.includes(name)) list.push(name);
        inUse.set(arn, list);
      }
    }),
  );
  for (const list of inUse.values()) list.sort();
  return inUse;
}

/** The endpoint's live config and, during an update, the pending one. */
async function configsOfEndpoint(call: Call, endpoint: string): Promise<string[]> {
  const d = await orUndefined(call('DescribeEndpoint', new DescribeEndpointCommand({ EndpointName: endpoint })));
  if (d === undefined) return [];
  const names = [d.EndpointConfigName, d.PendingDeploymentSummary?.EndpointConfigName];
  return [...new Set(names.filter((n): n is string => n !== undefined && n !== ''))];
}

/** Models named by a config's production and shadow variants. */
async function modelsOfConfig(call: Call, config: string): Promise<string[]> {
  const d = await orUndefined(call('DescribeEndpointConfig', new DescribeEndpointConfigCommand({ EndpointConfigName: config })));
  if (d === undefined) return [];
  const variants = [...(d.ProductionVariants ?? []), ...(d.ShadowProductionVariants ?? [])];
  return variants.map((v) => v.ModelName).filter((n): n is string => n !== undefined && n !== '');
}

/** ModelPackageName of every container of a model (primary and inference pipeline). */
async function packagesOfModel(call: Call, model: string): Promise<string[]> {
  const d = await orUndefined(call('DescribeModel', new DescribeModelCommand({ ModelName: model })));
  if (d === undefined) return [];
  const containers = [...(d.PrimaryContainer === undefined ? [] : [d.PrimaryContainer]), ...(d.Containers ?? [])];
  return containers.map((c) => c.ModelPackageName).filter((n): n is string => n !== undefined && n !== '');
}

/** An ARN as is (lowercased); `group/N` or a name through DescribeModelPackage. */
async function resolvePackageArn(call: Call, ref: string): Promise<string | undefined> {
  if (ref.startsWith('arn:')) return ref.toLowerCase();
  const d = await orUndefined(call('DescribeModelPackage', new DescribeModelPackageCommand({ ModelPackageName: ref })));
  return d?.ModelPackageArn?.toLowerCase();
}

/** A resource deleted while we walk is simply not in use. */
async function orUndefined<T>(p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

/** Caches the promise per key, so concurrent lookups of one key make one call. */
function memo<R>(fn: (key: string) => Promise<R>): (key: string) => Promise<R> {
  const cache = new Map<string, Promise<R>>();
  return (key) => {
    let p = cache.get(key);
    if (p === undefined) {
      p = fn(key);
      cache.set(key, p);
    }
    return p;
  };
}
