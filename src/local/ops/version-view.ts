/** How a stored version is found by ARN or `group/N`, and how it is shown. */
import type { Ctx, Json } from '../context.js';
import type { VersionRec } from '../store.js';
import { compact, parseArn, seconds } from '../context.js';
import { notFound } from '../errors.js';
import { versionKey } from '../store.js';

/** Pending for the first half of the delay, InProgress for the second, then Completed. */
export function versionStatus(ctx: Ctx, v: VersionRec): 'Pending' | 'InProgress' | 'Completed' {
  const now = ctx.now();
  if (now >= v.readyAtMs) return 'Completed';
  return now >= (v.createdMs + v.readyAtMs) / 2 ? 'InProgress' : 'Pending';
}

/** The version an ARN or `group/N` names, or undefined. Case-insensitive on the name part. */
export function findVersion(ctx: Ctx, ref: string): VersionRec | undefined {
  let path = ref;
  if (ref.startsWith('arn:')) {
    const arn = parseArn(ctx, ref);
    if (!arn || arn.kind !== 'model-package') return undefined;
    path = arn.resource;
  }
  const m = /^([^/]+)\/([0-9]{1,9})$/.exec(path);
  if (!m) return undefined;
  return ctx.store.get('versions', versionKey((m[1] as string).toLowerCase(), Number(m[2])));
}

/** Like findVersion, but not-found is SageMaker's ValidationException. */
export function requireVersion(ctx: Ctx, ref: string): VersionRec {
  const v = findVersion(ctx, ref);
  if (!v) throw notFound.version(ref);
  return v;
}

/** A sort/tiebreak id that orders versions of a group by number. */
export function versionId(v: VersionRec): string {
  return `${v.groupKey}/${String(v.version).padStart(9, '0')}`;
}

/** The group's display name (as created), falling back to the key. */
export function groupName(ctx: Ctx, v: VersionRec): string {
  return ctx.store.get('groups', v.groupKey)?.name ?? v.groupKey;
}

/** A fresh (empty) ModelPackageStatusDetails. */
const STATUS_DETAILS = () => ({ ValidationStatuses: [], ImageScanStatuses: [] });

/**
 * DescribeModelPackage's answer: every stored create field plus the server's own (which win),
 * without undefined members. Built by assignment rather than spread-then-delete: deleting
 * members turns an object into a slow dictionary, and Search builds thousands of these.
 */
export function versionView(ctx: Ctx, v: VersionRec): Json {
  const name = groupName(ctx, v);
  const out: Json = {};
  for (const k of Object.keys(v.fields)) {
    const value = v.fields[k];
    if (value !== undefined) out[k] = value;
  }
  out['ModelPackageName'] = name;
  out['ModelPackageGroupName'] = name;
  out['ModelPackageVersion'] = v.version;
  out['ModelPackageArn'] = v.arn;
  out['CreationTime'] = seconds(v.createdMs);
  out['LastModifiedTime'] = seconds(v.modifiedMs);
  out['ModelPackageStatus'] = versionStatus(ctx, v);
  out['ModelPackageStatusDetails'] = STATUS_DETAILS();
  return out;
}

/**
 * One top-level member of versionView's answer, computed alone: what `versionView(ctx, v)[name]`
 * holds as an own property, or undefined. Search filters read records through this.
 */
export function versionMember(ctx: Ctx, v: VersionRec, name: string): unknown {
  switch (name) {
    case 'ModelPackageName':
    case 'ModelPackageGroupName':
      return groupName(ctx, v);
    case 'ModelPackageVersion':
      return v.version;
    case 'ModelPackageArn':
      return v.arn;
    case 'CreationTime':
      return seconds(v.createdMs);
    case 'LastModifiedTime':
      return seconds(v.modifiedMs);
    case 'ModelPackageStatus':
      return versionStatus(ctx, v);
    case 'ModelPackageStatusDetails':
      return STATUS_DETAILS();
    default:
      return Object.hasOwn(v.fields, name) ? v.fields[name] : undefined;
  }
}

/** ListModelPackages' summary: no metadata, no inference spec, no ModelPackageName. */
export function versionSummary(ctx: Ctx, v: VersionRec): Json {
  return compact({
    ModelPackageGroupName: groupName(ctx, v),
    ModelPackageVersion: v.version,
    ModelPackageArn: v.arn,
    ModelPackageDescription: v.fields['ModelPackageDescription'],
    CreationTime: seconds(v.createdMs),
    ModelPackageStatus: versionStatus(ctx, v),
    ModelApprovalStatus: v.fields['ModelApprovalStatus'],
    ModelLifeCycle: v.fields['ModelLifeCycle'],
    ModelPackageRegistrationType: v.fields['ModelPackageRegistrationType'],
  });
}
