/**
 * Field-by-field comparison of a declared version or group with its live counterpart.
 * Normalization lives here, in one place, so "absent" and "empty" never show up as drift:
 * an undefined description equals "", an absent map equals {}, and list fields that are
 * sets in SageMaker's model (content types, instance types) compare without order.
 */
import equal from 'fast-deep-equal';
import { VERSION_CONTENT_FIELDS, type DesiredGroup, type DesiredVersion } from '../spec/types.js';
import type { LiveGroup, LiveVersion } from './live.js';
import type { FieldChange } from './actions.js';

/** Tag keys that belong to AWS or SageMaker, never to the spec; left alone in both directions. */
export function isForeignTagKey(key: string): boolean {
  return key.startsWith('aws:') || key.startsWith('sagemaker:');
}

function blankToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** Drops undefined and empty-string members recursively, so `{a: undefined}` equals `{}`. */
function clean(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clean);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const c = clean(v);
      if (c === undefined || c === '') continue;
      if (c !== null && typeof c === 'object' && !Array.isArray(c) && Object.keys(c).length === 0) continue;
      out[k] = c;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return value;
}

function sortedSet(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

/**
 * A registered version's content (VersionContent) is immutable: SageMaker cannot change its
 * description, metrics or source, and reg deliberately treats the container and what it
 * accepts as fixed too. A version is the record of what was evaluated and approved; changing
 * any of these means declaring a new version.
 */
type ImmutableField = (typeof VERSION_CONTENT_FIELDS)[number];

function comparableVersionField(v: DesiredVersion | LiveVersion, field: ImmutableField): unknown {
  switch (field) {
    case 'description':
    case 'image':
    case 'imageDigest':
    case 'modelDataUrl':
    case 'framework':
    case 'frameworkVersion':
      return blankToUndefined(v[field]);
    case 'contentTypes':
    case 'responseTypes':
    case 'realtimeInstanceTypes':
    case 'transformInstanceTypes':
      return sortedSet(v[field]);
    case 'environment':
    case 'metrics':
    case 'source':
      return clean(v[field]);
  }
}

/** Immutable fields whose declared value differs from the live version. */
export function immutableVersionChanges(desired: DesiredVersion, live: LiveVersion): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of VERSION_CONTENT_FIELDS) {
    const after = comparableVersionField(desired, field);
    // SageMaker fills in the digest of the image it resolved when none was given: only a
    // declared digest is compared, or every version would look drifted.
    if (field === 'imageDigest' && after === undefined) continue;
    const before = comparableVersionField(live, field);
    if (!equal(before, after)) changes.push({ field, before, after });
  }
  return changes;
}

/** Differences between two string maps, one FieldChange per key, under `prefix.` */
export function mapChanges(
  prefix: string,
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
): FieldChange[] {
  const keys = sortedSet([...Object.keys(before), ...Object.keys(after)]);
  const changes: FieldChange[] = [];
  for (const key of keys) {
    if (before[key] !== after[key]) changes.push({ field: `${prefix}.${key}`, before: before[key], after: after[key] });
  }
  return changes;
}

/** The live version's mutable state against the desired one (desired metadata includes reg's keys). */
export function mutableVersionChanges(
  desired: { approval: string; approvalDescription?: string; customerMetadata: Readonly<Record<string, string>> },
  live: LiveVersion,
): FieldChange[] {
  const changes: FieldChange[] = [];
  if (desired.approval !== live.approval) {
    changes.push({ field: 'approval', before: live.approval, after: desired.approval });
  }
  const beforeDesc = blankToUndefined(live.approvalDescription);
  const afterDesc = blankToUndefined(desired.approvalDescription);
  if (beforeDesc !== afterDesc) changes.push({ field: 'approvalDescription', before: beforeDesc, after: afterDesc });
  changes.push(...mapChanges('customerMetadata', live.customerMetadata, desired.customerMetadata));
  return changes;
}

/** The group's own tags (foreign `aws:`/`sagemaker:` keys left out). */
export function ownTags(tags: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(tags)) if (!isForeignTagKey(k)) out[k] = v;
  return out;
}

/** The group description, which SageMaker cannot change in place. */
export function groupDescriptionChange(desired: DesiredGroup, live: LiveGroup): FieldChange | undefined {
  const before = blankToUndefined(live.description);
  const after = blankToUndefined(desired.description);
  return before === after ? undefined : { field: 'description', before, after };
}

/** Policies compare as parsed JSON values: key order and whitespace are not drift. */
export function policiesEqual(a: unknown, b: unknown): boolean {
  return equal(a, b);
}

/** Sorts object keys recursively, so equal values serialize (and hash) identically. */
export function canonicalJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalJson);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = canonicalJson((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}
