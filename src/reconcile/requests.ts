/**
 * What the planner asks the registry to write, in domain terms. They live beside the planner
 * (which builds them) rather than in the AWS adapter (which sends them), so the pure core
 * depends on nothing outside itself.
 */
import type { ApprovalStatus, VersionContent } from '../spec/types.js';

/** What CreateModelPackage registers: every field of a version, as reg declares it. */
export interface CreateVersionInput extends VersionContent {
  readonly group: string;
  /** Complete customer metadata, reg's reserved keys included. */
  readonly customerMetadata: Readonly<Record<string, string>>;
  readonly approval: ApprovalStatus;
  /** Not a CreateModelPackage field: apply sets it with an update right after registering. */
  readonly approvalDescription?: string;
  /** Deterministic, derived from the declared content: a retried create registers nothing new. */
  readonly clientToken: string;
}

/** The complete desired mutable state of a version, sent whole on every update. */
export interface UpdateVersionInput {
  readonly arn: string;
  readonly approval: ApprovalStatus;
  readonly approvalDescription?: string;
  /** Complete desired customer metadata, reg's reserved keys included. */
  readonly customerMetadata: Readonly<Record<string, string>>;
  /** Live keys absent from the desired map. */
  readonly removeMetadataKeys: readonly string[];
}
