/** Comparing what a version declares with what was read back. */
import type { CreateVersionInput } from '../../src/aws/registry.js';
import type { LiveVersion } from '../../src/reconcile/live.js';

/** The LiveVersion fields a CreateVersionInput determines. */
export function declaredFields(v: CreateVersionInput | LiveVersion): Record<string, unknown> {
  const { group, description, image, imageDigest, modelDataUrl, environment, framework, frameworkVersion } = v;
  const { contentTypes, responseTypes, realtimeInstanceTypes, transformInstanceTypes, metrics, source } = v;
  const { customerMetadata, approval, approvalDescription } = v;
  return {
    group, description, image, imageDigest, modelDataUrl, environment, framework, frameworkVersion,
    contentTypes, responseTypes, realtimeInstanceTypes, transformInstanceTypes, metrics, source,
    customerMetadata, approval, approvalDescription,
  };
}

/** Paths of members present with the value undefined: absent fields must not be present. */
export function undefinedKeys(o: unknown, path = ''): string[] {
  if (typeof o !== 'object' || o === null) return [];
  return Object.entries(o).flatMap(([k, v]) => (v === undefined ? [`${path}${k}`] : undefinedKeys(v, `${path}${k}.`)));
}

