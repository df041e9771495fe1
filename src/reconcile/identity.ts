/**
 * How a declared version is tied to a live one. SageMaker numbers versions itself and
 * registry versions cannot be tagged, so reg records the declared id in the version's
 * customer metadata (`reg:id`), and derives the CreateModelPackage ClientToken from the
 * declared content so that a retried or re-run create registers nothing twice.
 */
import { createHash } from 'node:crypto';
import type { CreateVersionInput } from './requests.js';
import { ID_METADATA_KEY, VERSION_CONTENT_FIELDS, type DesiredVersion, type VersionContent } from '../spec/types.js';
import { canonicalJson } from './compare.js';

/** The complete customer metadata a declared version should carry: the user's keys plus `reg:id`. */
export function desiredMetadata(v: DesiredVersion): Record<string, string> {
  return { ...v.customerMetadata, [ID_METADATA_KEY]: v.id };
}

/** The id reg recorded on a live version, if any. */
export function recordedId(customerMetadata: Readonly<Record<string, string>>): string | undefined {
  return customerMetadata[ID_METADATA_KEY];
}

/** The content fields of a declared version, undefined ones left out. */
export function versionContent(v: DesiredVersion): VersionContent {
  const content: Record<string, unknown> = {};
  for (const field of VERSION_CONTENT_FIELDS) if (v[field] !== undefined) content[field] = v[field];
  return content as unknown as VersionContent;
}

/**
 * A ClientToken (1–36 chars of [a-zA-Z0-9-]) from the group, the id and the immutable content.
 * Mutable fields stay out of it: changing an approval between a crashed apply and its re-run
 * must still find the first registration rather than make a second.
 */
export function clientTokenFor(v: DesiredVersion): string {
  const identity = canonicalJson({ group: v.group, id: v.id, ...versionContent(v) });
  const digest = createHash('sha256').update(JSON.stringify(identity)).digest('hex');
  return `reg-${digest.slice(0, 32)}`;
}

/** The CreateModelPackage input for a declared version. */
export function createVersionInput(v: DesiredVersion): CreateVersionInput {
  return {
    group: v.group,
    ...versionContent(v),
    customerMetadata: desiredMetadata(v),
    approval: v.approval,
    ...(v.approvalDescription !== undefined && { approvalDescription: v.approvalDescription }),
    clientToken: clientTokenFor(v),
  };
}
