/** CreateEndpointConfig / Describe / Delete / List (api §4). There is no update. */
import type { Handler, Json } from '../context.js';
import type { Ctx } from '../context.js';
import type { DeployRec, Tag } from '../store.js';
import { arnOf, compact, mergeTags, seconds } from '../context.js';
import { notFound, validation } from '../errors.js';
import { listDeployables } from './deploy-list.js';
import { requireModel } from './models.js';

/** The config a name refers to, or SageMaker's "Could not find endpoint configuration". */
export function requireConfig(ctx: Ctx, name: string): DeployRec {
  const c = ctx.store.get('endpointConfigs', name.toLowerCase());
  if (!c) throw notFound.endpointConfig(arnOf(ctx, 'endpoint-config', name));
  return c;
}

const create: Handler = (ctx, input) => {
  const name = input['EndpointConfigName'] as string;
  const arn = arnOf(ctx, 'endpoint-config', name);
  if (ctx.store.get('endpointConfigs', name.toLowerCase())) throw validation(`Cannot create already existing endpoint configuration "${arn}".`);
  const variants = input['ProductionVariants'] as Json[];
  const seen = new Set<string>();
  for (const v of variants) {
    const variant = String(v['VariantName']).toLowerCase();
    if (seen.has(variant)) throw validation(`Variant names must be unique within an endpoint configuration; "${String(v['VariantName'])}" repeats.`);
    seen.add(variant);
    if (typeof v['ModelName'] === 'string') requireModel(ctx, v['ModelName']);
    if (v['ServerlessConfig'] === undefined && (v['InstanceType'] === undefined || v['InitialInstanceCount'] === undefined))
      throw validation(`Variant ${String(v['VariantName'])} needs InstanceType and InitialInstanceCount, or ServerlessConfig.`);
  }
  const { Tags, ...body } = input;
  ctx.store.put('endpointConfigs', name.toLowerCase(), { name, arn, createdMs: ctx.now(), tags: mergeTags([], (Tags as Tag[] | undefined) ?? []), body });
  return { EndpointConfigArn: arn };
};

const describe: Handler = (ctx, input) => {
  const c = requireConfig(ctx, input['EndpointConfigName'] as string);
  return compact({ ...c.body, EndpointConfigName: c.name, EndpointConfigArn: c.arn, CreationTime: seconds(c.createdMs) });
};

const remove: Handler = (ctx, input) => {
  const c = requireConfig(ctx, input['EndpointConfigName'] as string);
  ctx.store.remove('endpointConfigs', c.name.toLowerCase());
  return undefined;
};

const list: Handler = (ctx, input) => {
  const r = listDeployables(ctx, 'endpointConfigs', input, () => true);
  return compact({
    EndpointConfigs: r.items.map((c) => ({ EndpointConfigName: c.name, EndpointConfigArn: c.arn, CreationTime: seconds(c.createdMs) })),
    NextToken: r.nextToken,
  });
};

/** Handlers by operation name. */
export const endpointConfigOps: Record<string, Handler> = {
  CreateEndpointConfig: create,
  DescribeEndpointConfig: describe,
  DeleteEndpointConfig: remove,
  ListEndpointConfigs: list,
};
