/**
 * Endpoints (api §4). Create and update start a transition that ends `endpointDelayMs` later;
 * its outcome (ok, fail, rollback) is fixed when it starts, so settling it lazily on read gives
 * the same answer before and after a restart.
 */
import type { Ctx, Handler, Json } from '../context.js';
import type { EndpointRec, Tag } from '../store.js';
import { arnOf, compact, mergeTags, millis, seconds } from '../context.js';
import { notFound, validation } from '../errors.js';
import { listDeployables } from './deploy-list.js';
import { requireConfig } from './endpoint-configs.js';

const FAILURE = 'Request to service failed. If failure persists after retry, contact customer support.';

/** Applies a finished transition in place; returns true if anything changed. */
function settle(ctx: Ctx, e: EndpointRec): boolean {
  const p = e.pending;
  if (!p || ctx.now() < p.untilMs) return false;
  delete e.pending;
  e.modifiedMs = p.untilMs;
  if (p.outcome === 'ok') {
    e.configName = p.configName;
    e.status = 'InService';
    delete e.failureReason;
  } else if (p.outcome === 'rollback' && p.kind === 'Updating') {
    // The new config did not take: the old one keeps serving, and the reason says why.
    e.status = 'InService';
    e.failureReason = `Deployment of endpoint configuration ${p.configName} failed and was rolled back. ${FAILURE}`;
  } else {
    e.status = 'Failed';
    e.failureReason = `Endpoint deployment of configuration ${p.configName} failed. ${FAILURE}`;
  }
  return true;
}

function settleAll(ctx: Ctx): void {
  let changed = false;
  for (const e of ctx.store.all('endpoints')) changed = settle(ctx, e) || changed;
  if (changed) ctx.store.touch('endpoints');
}

function requireEndpoint(ctx: Ctx, name: string): EndpointRec {
  const e = ctx.store.get('endpoints', name.toLowerCase());
  if (!e) throw notFound.endpoint(arnOf(ctx, 'endpoint', name));
  if (settle(ctx, e)) ctx.store.touch('endpoints');
  return e;
}

function startTransition(ctx: Ctx, e: EndpointRec, kind: 'Creating' | 'Updating', configName: string): void {
  const now = ctx.now();
  e.status = kind;
  e.modifiedMs = now;
  e.pending = { kind, configName, startMs: now, untilMs: now + ctx.faults.endpointDelayMs, outcome: ctx.faults.endpointOutcome(e.name) };
  if (kind === 'Creating') e.configName = configName;
  settle(ctx, e);
}

function variantsOf(ctx: Ctx, configName: string): Json[] {
  const config = ctx.store.get('endpointConfigs', configName.toLowerCase());
  const variants = (config?.body['ProductionVariants'] as Json[] | undefined) ?? [];
  return variants.map((v) =>
    compact({
      VariantName: v['VariantName'],
      CurrentWeight: v['InitialVariantWeight'] ?? 1,
      DesiredWeight: v['InitialVariantWeight'] ?? 1,
      CurrentInstanceCount: v['InitialInstanceCount'],
      DesiredInstanceCount: v['InitialInstanceCount'],
      CurrentServerlessConfig: v['ServerlessConfig'],
    }),
  );
}

const create: Handler = (ctx, input) => {
  const name = input['EndpointName'] as string;
  const arn = arnOf(ctx, 'endpoint', name);
  if (ctx.store.get('endpoints', name.toLowerCase())) throw validation(`Cannot create already existing endpoint "${arn}".`);
  const config = requireConfig(ctx, input['EndpointConfigName'] as string);
  const now = ctx.now();
  const body: Json = input['DeploymentConfig'] === undefined ? {} : { DeploymentConfig: input['DeploymentConfig'] };
  const e: EndpointRec = { name, arn, createdMs: now, modifiedMs: now, tags: mergeTags([], (input['Tags'] as Tag[] | undefined) ?? []), body, configName: config.name, status: 'Creating' };
  startTransition(ctx, e, 'Creating', config.name);
  ctx.store.put('endpoints', name.toLowerCase(), e);
  return { EndpointArn: arn };
};

function refuseInProgress(e: EndpointRec): void {
  if (e.status === 'Creating' || e.status === 'Updating') throw validation(`Cannot update in-progress endpoint "${e.arn}".`);
}

const update: Handler = (ctx, input) => {
  const e = requireEndpoint(ctx, input['EndpointName'] as string);
  refuseInProgress(e);
  if (e.status === 'Failed') throw validation(`Cannot update failed endpoint "${e.arn}". Delete it and create it again.`);
  const config = requireConfig(ctx, input['EndpointConfigName'] as string);
  const next: EndpointRec = { ...e, body: { ...e.body } };
  if (input['DeploymentConfig'] !== undefined) next.body['DeploymentConfig'] = input['DeploymentConfig'];
  else if (input['RetainDeploymentConfig'] !== true) delete next.body['DeploymentConfig'];
  delete next.failureReason;
  startTransition(ctx, next, 'Updating', config.name);
  ctx.store.put('endpoints', e.name.toLowerCase(), next);
  return { EndpointArn: e.arn };
};

const describe: Handler = (ctx, input) => {
  const e = requireEndpoint(ctx, input['EndpointName'] as string);
  const p = e.pending;
  return compact({
    EndpointName: e.name,
    EndpointArn: e.arn,
    EndpointConfigName: e.configName,
    ProductionVariants: e.status === 'Creating' || e.status === 'Failed' ? undefined : variantsOf(ctx, e.configName),
    EndpointStatus: e.status,
    FailureReason: e.failureReason,
    CreationTime: seconds(e.createdMs),
    LastModifiedTime: seconds(e.modifiedMs),
    LastDeploymentConfig: e.body['DeploymentConfig'],
    PendingDeploymentSummary:
      p?.kind === 'Updating'
        ? { EndpointConfigName: p.configName, ProductionVariants: variantsOf(ctx, p.configName).map((v) => ({ VariantName: v['VariantName'] })), StartTime: seconds(p.startMs) }
        : undefined,
  });
};

const remove: Handler = (ctx, input) => {
  const e = requireEndpoint(ctx, input['EndpointName'] as string);
  refuseInProgress(e);
  ctx.store.remove('endpoints', e.name.toLowerCase());
  return undefined;
};

const list: Handler = (ctx, input) => {
  settleAll(ctx);
  const status = input['StatusEquals'] as string | undefined;
  const modAfter = millis(input['LastModifiedTimeAfter']);
  const modBefore = millis(input['LastModifiedTimeBefore']);
  const r = listDeployables(ctx, 'endpoints', input, (e) =>
    (status === undefined || e.status === status) && (modAfter === undefined || e.modifiedMs > modAfter) && (modBefore === undefined || e.modifiedMs < modBefore),
  );
  return compact({
    Endpoints: r.items.map((e) => ({ EndpointName: e.name, EndpointArn: e.arn, CreationTime: seconds(e.createdMs), LastModifiedTime: seconds(e.modifiedMs), EndpointStatus: e.status })),
    NextToken: r.nextToken,
  });
};

/** Handlers by operation name. */
export const endpointOps: Record<string, Handler> = {
  CreateEndpoint: create,
  UpdateEndpoint: update,
  DescribeEndpoint: describe,
  DeleteEndpoint: remove,
  ListEndpoints: list,
};
