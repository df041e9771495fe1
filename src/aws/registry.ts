/**
 * The ports between reg's core and the registry. The planner reads through RegistryReader,
 * the executor writes through RegistryWriter. Both speak domain types; only the SDK adapter
 * (sagemaker-registry.ts) knows SageMaker's shapes.
 *
 * Failure contract for every writer method: when it rejects, it throws an AwsCallError (or a
 * RegError) and the caller must assume the call may or may not have taken effect; every
 * method is safe to repeat (creates carry a deterministic ClientToken, updates send the full
 * desired state).
 */
import type { GroupStatus, LiveGroup, LiveState, LiveVersion } from '../reconcile/live.js';
import type { CreateVersionInput, UpdateVersionInput } from '../reconcile/requests.js';

/** Progress callback for long reads (pages fetched so far). */
export type ReadProgress = (event: { readonly group: string; readonly versionsRead: number }) => void;

/** Reads the live registry. Every live read goes through here so it can batch, page and count. */
export interface RegistryReader {
  /** Reads the named groups (tags, policy, every version with its full record). Missing groups are absent. */
  readGroups(names: readonly string[], onProgress?: ReadProgress): Promise<LiveState>;
  /** One group's record without its versions; undefined when it does not exist. */
  describeGroup(name: string): Promise<Pick<LiveGroup, 'name' | 'arn' | 'status'> | undefined>;
  /** One version's full record; undefined when it does not exist. */
  describeVersion(arn: string): Promise<LiveVersion | undefined>;
  /** Version ARNs that some live endpoint serves (through a model's ModelPackageName), with endpoint names. */
  findVersionsInUse(): Promise<ReadonlyMap<string, readonly string[]>>;
}

/** Changes the registry. One method per kind of action. */
export interface RegistryWriter {
  /** Creates a group; ConflictException-style "already exists" is reported as success with its ARN. */
  createGroup(input: {
    readonly name: string;
    readonly description?: string;
    readonly tags: Readonly<Record<string, string>>;
  }): Promise<{ readonly arn: string }>;
  /** Adds or overwrites `set` and deletes `remove` on a group's tags. */
  setGroupTags(arn: string, set: Readonly<Record<string, string>>, remove: readonly string[]): Promise<void>;
  /** Puts the group's resource policy (serialized as JSON). */
  putGroupPolicy(group: string, policy: unknown): Promise<void>;
  /** Removes the group's resource policy; a group with none is success. */
  deleteGroupPolicy(group: string): Promise<void>;
  /** Registers a version; a repeat with the same client token returns the first ARN. */
  createVersion(input: CreateVersionInput): Promise<{ readonly arn: string }>;
  /** Sends a version's complete desired mutable state. */
  updateVersion(input: UpdateVersionInput): Promise<void>;
  /** Deletes a version; one already gone is success. */
  deleteVersion(arn: string): Promise<void>;
}

/** Both ports together, as the SDK adapter implements them. */
export interface Registry extends RegistryReader, RegistryWriter {}

export type { CreateVersionInput, GroupStatus, LiveGroup, LiveState, LiveVersion, UpdateVersionInput };
