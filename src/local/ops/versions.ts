/** Creating, updating and deleting versioned model packages (api §2.1–2.7). */
import type { Ctx, Handler, Json } from '../context.js';
import type { VersionRec } from '../store.js';
import { arnOf } from '../context.js';
import { conflict, notFound, validation } from '../errors.js';
import { versionKey } from '../store.js';
import { requireGroup } from './groups.js';
import { findVersion, requireVersion, versionStatus } from './version-view.js';

/** Members that belong to the request, not to the stored package. */
const NOT_STORED = new Set(['ClientToken', 'Tags', 'ModelPackageGroupName', 'ModelPackageName']);

function checkSpecNames(specs: readonly Json[]): void {
  const seen = new Set<string>();
  for (const s of specs) {
    const name = String(s['Name']).toLowerCase();
    if (seen.has(name)) throw validation(`AdditionalInferenceSpecifications names must be unique; "${String(s['Name'])}" appears twice.`);
    seen.add(name);
  }
  if (specs.length > 15) throw validation(`A model package can have at most 15 AdditionalInferenceSpecifications; it would have ${specs.length}.`);
}

/** Registers a version; a repeated ClientToken returns the first call's ARN and writes nothing. */
export const createModelPackage: Handler = (ctx, input) => {
  const groupRef = input['ModelPackageGroupName'] as string | undefined;
  if (groupRef !== undefined && input['ModelPackageName'] !== undefined)
    throw validation('Both ModelPackageName and ModelPackageGroupName are provided in the input. Cannot determine which one to use.');
  if (groupRef === undefined) {
    if (input['ModelPackageName'] === undefined) throw validation('Missing ARN');
    throw validation("Unversioned model packages (ModelPackageName without ModelPackageGroupName) are not supported by reg's local server.");
  }
  if (input['Tags'] !== undefined) throw validation('Tags cannot be set on a versioned model package; tag its model package group instead.');

  const token = input['ClientToken'] as string | undefined;
  if (token !== undefined) {
    const earlier = ctx.store.get('tokens', token);
    if (earlier !== undefined && findVersion(ctx, earlier)) return { ModelPackageArn: earlier };
  }
  const group = requireGroup(ctx, groupRef);
  const extra = input['AdditionalInferenceSpecifications'] as Json[] | undefined;
  if (extra) checkSpecNames(extra);

  const groupKey = group.name.toLowerCase();
  const version = group.nextVersion;
  const fields: Json = { ModelApprovalStatus: 'PendingManualApproval' };
  for (const [k, v] of Object.entries(input)) if (!NOT_STORED.has(k) && v !== undefined) fields[k] = v;
  const now = ctx.now();
  const rec: VersionRec = {
    groupKey,
    version,
    arn: arnOf(ctx, 'model-package', `${group.name}/${version}`),
    createdMs: now,
    modifiedMs: now,
    readyAtMs: now + ctx.faults.versionDelayMs,
    fields,
  };
  ctx.store.put('groups', groupKey, { ...group, nextVersion: version + 1 });
  ctx.store.put('versions', versionKey(groupKey, version), rec);
  if (token !== undefined) ctx.store.put('tokens', token, rec.arn);
  return { ModelPackageArn: rec.arn };
};

/** Fields UpdateModelPackage replaces wholesale when sent. */
const REPLACED = ['ModelApprovalStatus', 'ApprovalDescription', 'InferenceSpecification', 'SourceUri', 'ModelCard', 'ModelLifeCycle', 'ModelPackageRegistrationType'];

const update: Handler = (ctx, input) => {
  const arn = input['ModelPackageArn'] as string;
  const v = requireVersion(ctx, arn);
  const status = versionStatus(ctx, v);
  if (status !== 'Completed') throw conflict(`Model package ${v.arn} cannot be updated while its status is ${status}.`);

  const fields: Json = { ...v.fields };
  for (const k of REPLACED) if (input[k] !== undefined) fields[k] = input[k];
  // ToRemove first, then the additions: a key in both ends up set, never silently lost.
  const meta: Record<string, string> = { ...((fields['CustomerMetadataProperties'] as Record<string, string> | undefined) ?? {}) };
  for (const k of (input['CustomerMetadataPropertiesToRemove'] as string[] | undefined) ?? []) delete meta[k];
  Object.assign(meta, (input['CustomerMetadataProperties'] as Record<string, string> | undefined) ?? {});
  const metaCount = Object.keys(meta).length;
  if (metaCount > 50) throw validation(`CustomerMetadataProperties can have at most 50 entries; this update would leave ${metaCount}.`);
  if (metaCount > 0) fields['CustomerMetadataProperties'] = meta;
  else delete fields['CustomerMetadataProperties'];

  const toAdd = input['AdditionalInferenceSpecificationsToAdd'] as Json[] | undefined;
  if (toAdd) {
    const all = [...((fields['AdditionalInferenceSpecifications'] as Json[] | undefined) ?? []), ...toAdd];
    checkSpecNames(all);
    fields['AdditionalInferenceSpecifications'] = all;
  }
  ctx.store.put('versions', versionKey(v.groupKey, v.version), { ...v, fields, modifiedMs: ctx.now() });
  return { ModelPackageArn: v.arn };
};

const remove: Handler = (ctx, input) => {
  const ref = input['ModelPackageName'] as string;
  const v = findVersion(ctx, ref);
  if (!v) throw notFound.version(ref);
  ctx.store.remove('versions', versionKey(v.groupKey, v.version));
  return undefined;
};

/** Handlers by operation name. */
export const versionWriteOps: Record<string, Handler> = {
  CreateModelPackage: createModelPackage,
  UpdateModelPackage: update,
  DeleteModelPackage: remove,
};

/** Used by tests and benchmarks to load many versions without HTTP. */
export function registerVersion(ctx: Ctx, input: Json): string {
  return (createModelPackage(ctx, input) as { ModelPackageArn: string }).ModelPackageArn;
}
