/**
 * The live registry as the planner sees it: domain types, not SDK shapes. The AWS adapter
 * maps SageMaker's responses into these; the planner never sees an SDK type.
 */
import type { ApprovalStatus, VersionContent } from '../spec/types.js';

/** SageMaker's ModelPackageStatus. */
export type VersionStatus = 'Pending' | 'InProgress' | 'Completed' | 'Failed' | 'Deleting';

/** SageMaker's ModelPackageGroupStatus. */
export type GroupStatus = 'Pending' | 'InProgress' | 'Completed' | 'Failed' | 'Deleting' | 'DeleteFailed';

/** One live model package version, with everything the planner compares. */
export interface LiveVersion extends Omit<VersionContent, 'image'> {
  readonly arn: string;
  readonly group: string;
  /** SageMaker's server-assigned number; shown to users, never used as identity. */
  readonly version: number;
  readonly status: VersionStatus;
  readonly approval: ApprovalStatus;
  readonly approvalDescription?: string;
  /** Absent only for a package registered without containers by something other than reg. */
  readonly image?: string;
  /** Every customer-metadata key, reg's reserved ones included. */
  readonly customerMetadata: Readonly<Record<string, string>>;
  /** Epoch milliseconds. */
  readonly creationTime: number;
}

/** One live model package group and the versions in it. */
export interface LiveGroup {
  readonly name: string;
  readonly arn: string;
  readonly description?: string;
  readonly status: GroupStatus;
  /** Every tag, `aws:` and `sagemaker:` ones included; the planner decides what to ignore. */
  readonly tags: Readonly<Record<string, string>>;
  /** The resource policy as parsed JSON; undefined when the group has none. */
  readonly policy?: unknown;
  /** Ordered by version number, ascending. */
  readonly versions: readonly LiveVersion[];
}

/** What the registry holds for the groups the spec declares. Groups not declared are never read. */
export interface LiveState {
  /** Keyed by group name; a declared group that does not exist live has no entry. */
  readonly groups: ReadonlyMap<string, LiveGroup>;
  /**
   * Versions that live endpoints serve, keyed by version ARN, with the endpoints' names.
   * Read only when pruning could delete something; undefined when not read.
   */
  readonly versionsInUse?: ReadonlyMap<string, readonly string[]>;
}
