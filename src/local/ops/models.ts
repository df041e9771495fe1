/** CreateModel / DescribeModel / DeleteModel / ListModels (api §4). */
import type { Ctx, Handler, Json } from '../context.js';
import type { DeployRec, Tag } from '../store.js';
import { arnOf, compact, mergeTags, seconds } from '../context.js';
import { notFound, validation } from '../errors.js';
import { findVersion } from './version-view.js';
import { listDeployables } from './deploy-list.js';

/** A registry version may be deployed only once Approved (api §2.1). */
function checkContainer(ctx: Ctx, container: Json): void {
  const ref = container['ModelPackageName'];
  if (typeof ref !== 'string') return;
  const v = findVersion(ctx, ref);
  if (!v) throw notFound.version(ref);
  const status = v.fields['ModelApprovalStatus'];
  if (status !== 'Approved')
    throw validation(`Model package ${v.arn} has approval status ${String(status)}; only Approved versions can be deployed.`);
}

/** The model a name refers to, or SageMaker's "Could not find model". */
export function requireModel(ctx: Ctx, name: string): DeployRec {
  const m = ctx.store.get('models', name.toLowerCase());
  if (!m) throw notFound.model(arnOf(ctx, 'model', name));
  return m;
}

const create: Handler = (ctx, input) => {
  const name = input['ModelName'] as string;
  const arn = arnOf(ctx, 'model', name);
  if (ctx.store.get('models', name.toLowerCase())) throw validation(`Cannot create already existing model "${arn}".`);
  const containers = [input['PrimaryContainer'], ...((input['Containers'] as unknown[] | undefined) ?? [])].filter((c) => c !== undefined);
  if (containers.length === 0) throw validation('Either PrimaryContainer or Containers must be provided.');
  for (const c of containers) {
    if (typeof c !== 'object' || c === null) throw validation('A container definition must be an object.');
    checkContainer(ctx, c as Json);
  }
  const { Tags, ...body } = input;
  const rec: DeployRec = { name, arn, createdMs: ctx.now(), tags: mergeTags([], (Tags as Tag[] | undefined) ?? []), body };
  ctx.store.put('models', name.toLowerCase(), rec);
  return { ModelArn: arn };
};

const describe: Handler = (ctx, input) => {
  const m = requireModel(ctx, input['ModelName'] as string);
  return compact({ ...m.body, ModelName: m.name, ModelArn: m.arn, CreationTime: seconds(m.createdMs) });
};

const remove: Handler = (ctx, input) => {
  const m = requireModel(ctx, input['ModelName'] as string);
  ctx.store.remove('models', m.name.toLowerCase());
  return undefined;
};

const list: Handler = (ctx, input) => {
  const r = listDeployables(ctx, 'models', input, () => true);
  return compact({ Models: r.items.map((m) => ({ ModelName: m.name, ModelArn: m.arn, CreationTime: seconds(m.createdMs) })), NextToken: r.nextToken });
};

/** Handlers by operation name. */
export const modelOps: Record<string, Handler> = { CreateModel: create, DescribeModel: describe, DeleteModel: remove, ListModels: list };
