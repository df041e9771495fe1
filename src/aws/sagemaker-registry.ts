/**
 * The Registry port on SageMaker. Together with client.ts this is the only code that talks
 * to the SDK; every request goes through one counting, error-mapping `call` behind one
 * concurrency gate.
 */
import {
  AddTagsCommand,
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  DeleteModelPackageCommand,
  DeleteModelPackageGroupPolicyCommand,
  DeleteTagsCommand,
  DescribeModelPackageCommand,
  PutModelPackageGroupPolicyCommand,
  UpdateModelPackageCommand,
  type SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { AwsCallError } from '../errors.js';
import type { GroupStatus, LiveVersion } from '../reconcile/live.js';
import { createCaller, type Call } from './call.js';
import { isAlreadyExists, isNotFound } from './errors.js';
import { toCreateModelPackageInput, toLiveVersion, toUpdateModelPackageInput } from './map.js';
import { createLimiter } from './paging.js';
import { MAX_SEARCH_FILTERS, describeGroupRaw, readGroups } from './read-groups.js';
import type { Registry } from './registry.js';
import { findVersionsInUse } from './versions-in-use.js';

/** A Registry that also reports how many SageMaker calls it made. */
export interface CountingRegistry extends Registry {
  /** Calls per SageMaker operation (e.g. `{ Search: 3, ListTags: 1 }`), retries not counted. */
  stats(): Record<string, number>;
  /** HTTP attempts per operation, SDK retries included. */
  attempts(): Record<string, number>;
  resetStats(): void;
}

/** Tuning for the adapter. */
export interface SageMakerRegistryOptions {
  /** Most SageMaker calls in flight at once (default 8). */
  readonly readConcurrency?: number;
  /** Most groups read by one Search (1–20, default 20). */
  readonly maxSearchBatch?: number;
  /** How groups and their tags are read (see ReadDeps.groupSource); default 'describe'. */
  readonly groupSource?: 'describe' | 'search';
}

/**
 * Default in-flight calls. SageMaker publishes no per-API rate (sagemaker-api.md §6); 8 keeps
 * a large read fast without provoking the throttling the adaptive retry mode then absorbs.
 */
export const DEFAULT_READ_CONCURRENCY = 8;

/** AddTags and DeleteTags take at most 50 tags or keys per call. */
const TAGS_PER_CALL = 50;

/** Builds the SageMaker-backed Registry. */
export function createSageMakerRegistry(client: SageMakerClient, options: SageMakerRegistryOptions = {}): CountingRegistry {
  const concurrency = Math.max(1, Math.floor(options.readConcurrency ?? DEFAULT_READ_CONCURRENCY));
  const caller = createCaller(client);
  const gate = createLimiter(concurrency);
  const call: Call = (operation, command) => gate(() => caller.call(operation, command));
  const readDeps = {
    call,
    concurrency,
    maxSearchBatch: options.maxSearchBatch ?? MAX_SEARCH_FILTERS,
    groupSource: options.groupSource ?? 'describe',
  };

  return {
    stats: caller.stats,
    attempts: caller.attempts,
    resetStats: caller.resetStats,

    readGroups: (names, onProgress) => readGroups(readDeps, names, onProgress),

    async describeGroup(name) {
      const d = await describeGroupRaw(call, name);
      if (d?.ModelPackageGroupArn === undefined) return undefined;
      return {
        name: d.ModelPackageGroupName ?? name,
        arn: d.ModelPackageGroupArn,
        status: (d.ModelPackageGroupStatus ?? 'Completed') as GroupStatus,
      };
    },

    async describeVersion(arn): Promise<LiveVersion | undefined> {
      try {
        const out = await call('DescribeModelPackage', new DescribeModelPackageCommand({ ModelPackageName: arn }));
        return toLiveVersion(out);
      } catch (e) {
        if (isNotFound(e)) return undefined;
        throw e;
      }
    },

    findVersionsInUse: () => findVersionsInUse(call),

    async createGroup(input) {
      const tags = Object.entries(input.tags).map(([Key, Value]) => ({ Key, Value }));
      try {
        const out = await call(
          'CreateModelPackageGroup',
          new CreateModelPackageGroupCommand({
            ModelPackageGroupName: input.name,
            ...(input.description === undefined ? {} : { ModelPackageGroupDescription: input.description }),
            ...(tags.length === 0 ? {} : { Tags: tags }),
          }),
        );
        if (out.ModelPackageGroupArn === undefined) throw missingField('CreateModelPackageGroup', 'ModelPackageGroupArn');
        return { arn: out.ModelPackageGroupArn };
      } catch (e) {
        // A retried create whose first attempt landed: the group is there, which is success.
        if (!isAlreadyExists(e)) throw e;
        const d = await describeGroupRaw(call, input.name);
        if (d?.ModelPackageGroupArn === undefined) throw e;
        return { arn: d.ModelPackageGroupArn };
      }
    },

    async setGroupTags(arn, set, remove) {
      const tags = Object.entries(set).map(([Key, Value]) => ({ Key, Value }));
      for (const part of chunk(tags, TAGS_PER_CALL)) {
        await call('AddTags', new AddTagsCommand({ ResourceArn: arn, Tags: part }));
      }
      for (const part of chunk(remove, TAGS_PER_CALL)) {
        await call('DeleteTags', new DeleteTagsCommand({ ResourceArn: arn, TagKeys: part }));
      }
    },

    async putGroupPolicy(group, policy) {
      await call(
        'PutModelPackageGroupPolicy',
        new PutModelPackageGroupPolicyCommand({ ModelPackageGroupName: group, ResourcePolicy: JSON.stringify(policy) }),
      );
    },

    async deleteGroupPolicy(group) {
      try {
        await call('DeleteModelPackageGroupPolicy', new DeleteModelPackageGroupPolicyCommand({ ModelPackageGroupName: group }));
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    },

    async createVersion(input) {
      const out = await call('CreateModelPackage', new CreateModelPackageCommand(toCreateModelPackageInput(input)));
      if (out.ModelPackageArn === undefined) throw missingField('CreateModelPackage', 'ModelPackageArn');
      return { arn: out.ModelPackageArn };
    },

    async updateVersion(input) {
      await call('UpdateModelPackage', new UpdateModelPackageCommand(toUpdateModelPackageInput(input)));
    },

    async deleteVersion(arn) {
      try {
        await call('DeleteModelPackage', new DeleteModelPackageCommand({ ModelPackageName: arn }));
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    },
  };
}

function missingField(operation: string, field: string): AwsCallError {
  return new AwsCallError(operation, 'MalformedResponse', `the response has no ${field}`);
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
