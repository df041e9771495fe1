/**
 * The plan as data. Every action is a plain object with an id and explicit dependencies, so
 * the executor can run independent actions concurrently, a renderer can print any of them,
 * and a plan can be saved as JSON and applied later.
 */
import type { CreateVersionInput, UpdateVersionInput } from './requests.js';
import type { SourceLocation } from '../spec/types.js';
import type { VersionStatus } from './live.js';

/** One field that differs. `before`/`after` are undefined when the field is absent on that side. */
export interface FieldChange {
  /** The spec's field name, dotted for map entries: `approval`, `customerMetadata.owner`, `tags.team`. */
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

interface ActionBase {
  /** Unique within the plan; other actions name it in `dependsOn`. */
  readonly id: string;
  /** What the action is about, as users name it: `group iris`, `version iris/2024-11-01`. */
  readonly address: string;
  /** Ids of actions that must succeed before this one starts. */
  readonly dependsOn: readonly string[];
  /** True when the action deletes something (only ever planned under --prune). */
  readonly destructive: boolean;
  /** Where the spec declares the resource, when it does. */
  readonly loc?: SourceLocation;
}

/** Creates a model package group with its description and tags. */
export interface CreateGroupAction extends ActionBase {
  readonly kind: 'create-group';
  readonly group: string;
  readonly description?: string;
  readonly tags: Readonly<Record<string, string>>;
}

/** Makes a group's tags (other than `aws:`/`sagemaker:` ones) exactly the declared set. */
export interface UpdateGroupTagsAction extends ActionBase {
  readonly kind: 'update-group-tags';
  readonly group: string;
  readonly arn: string;
  readonly set: Readonly<Record<string, string>>;
  readonly remove: readonly string[];
  readonly changes: readonly FieldChange[];
}

/** Puts a group's resource policy (created, or changed as JSON). */
export interface PutGroupPolicyAction extends ActionBase {
  readonly kind: 'put-group-policy';
  readonly group: string;
  readonly policy: unknown;
  /** The live policy, undefined when the group has none yet. */
  readonly before?: unknown;
}

/** Registers a new version. */
export interface CreateVersionAction extends ActionBase {
  readonly kind: 'create-version';
  readonly group: string;
  readonly versionId: string;
  readonly input: CreateVersionInput;
}

/** What adopting and updating a version share: the version and its whole desired mutable state. */
interface VersionUpdate extends ActionBase {
  readonly group: string;
  readonly versionId: string;
  readonly version: number;
  /** The status the plan saw; apply waits out Pending/InProgress before updating. */
  readonly liveStatus: VersionStatus;
  readonly update: UpdateVersionInput;
  readonly changes: readonly FieldChange[];
}

/** Records reg's id on an existing, not yet managed version, and sets its mutable state. */
export interface AdoptVersionAction extends VersionUpdate {
  readonly kind: 'adopt-version';
}

/** Sends a managed version's full desired mutable state (approval, description, metadata). */
export interface UpdateVersionAction extends VersionUpdate {
  readonly kind: 'update-version';
}

/** Deletes a live version the spec does not declare (only under --prune). */
export interface DeleteVersionAction extends ActionBase {
  readonly kind: 'delete-version';
  readonly group: string;
  readonly arn: string;
  readonly version: number;
  /** The `reg:id` it carries, if reg once managed it. */
  readonly versionId?: string;
}

/** Everything apply can do. Renderers and the executor switch on `kind` and end in assertNever. */
export type Action =
  | CreateGroupAction
  | UpdateGroupTagsAction
  | PutGroupPolicyAction
  | CreateVersionAction
  | AdoptVersionAction
  | UpdateVersionAction
  | DeleteVersionAction;

/** Every action kind. */
export type ActionKind = Action['kind'];

/** Why a declared resource cannot be converged in place. */
export type BlockedReason =
  /** An immutable field differs from the live resource. */
  | 'IMMUTABLE_FIELD'
  /** Several unmanaged live versions match the declared image and model data. */
  | 'AMBIGUOUS_ADOPTION'
  /** The live version is in a terminal Failed state. */
  | 'VERSION_FAILED';

/** A declared resource reg will not touch, and why; apply refuses unless --skip-blocked. */
export interface BlockedItem {
  readonly address: string;
  readonly group: string;
  readonly versionId?: string;
  readonly version?: number;
  readonly reason: BlockedReason;
  /** The fields that differ (IMMUTABLE_FIELD) — each with both values. */
  readonly changes: readonly FieldChange[];
  /** Live version numbers involved (AMBIGUOUS_ADOPTION). */
  readonly candidates?: readonly number[];
  /** What the user can do instead. */
  readonly hint: string;
  readonly loc?: SourceLocation;
}

/** A live version in a declared group that the spec does not declare. */
export interface UnmanagedVersion {
  readonly group: string;
  readonly arn: string;
  readonly version: number;
  /** The `reg:id` it carries, when reg once managed it (removed from the spec since). */
  readonly versionId?: string;
  readonly approval: string;
  /** Live endpoints serving it; a version in use is never pruned. */
  readonly servedBy: readonly string[];
  /** True when the plan deletes it (--prune and not in use). */
  readonly pruned: boolean;
}

/** Counts for the summary line. */
export interface PlanSummary {
  readonly create: number;
  readonly adopt: number;
  readonly update: number;
  readonly delete: number;
  readonly blocked: number;
}

/** The whole plan: what to do, what cannot be done, and what is left alone. */
export interface Plan {
  readonly formatVersion: 1;
  /** In dependency order: every action comes after the ones it depends on. */
  readonly actions: readonly Action[];
  readonly blocked: readonly BlockedItem[];
  readonly unmanaged: readonly UnmanagedVersion[];
  /** Things worth telling the user that are not changes (e.g. endpoints not deployed yet). */
  readonly notes: readonly string[];
  readonly summary: PlanSummary;
}

/** True when applying the plan would change nothing (blocked items count as changes: the spec is not met). */
export function planIsEmpty(plan: Plan): boolean {
  return plan.actions.length === 0 && plan.blocked.length === 0;
}
