/**
 * Runs a plan against the registry: each action through the writer port, independent actions
 * concurrently, dependants of a failure skipped. Every action is safe to repeat, so an apply
 * that dies halfway is finished by running it again.
 */
import { assertNever, RegError } from '../errors.js';
import type { Registry } from '../aws/registry.js';
import type { Action, Plan } from '../reconcile/actions.js';
import type { VersionStatus } from '../reconcile/live.js';
import { runScheduled, type TaskOutcome } from './schedule.js';
import { waitFor, type WaitOptions } from './wait.js';

/** What the executor reports while it runs; the CLI renders these as progress lines. */
export type ApplyEvent =
  | { readonly type: 'start'; readonly action: Action }
  | { readonly type: 'waiting'; readonly action: Action; readonly status: string }
  | { readonly type: 'done'; readonly action: Action; readonly detail: string; readonly ms: number }
  | { readonly type: 'failed'; readonly action: Action; readonly error: unknown; readonly ms: number }
  | { readonly type: 'skipped'; readonly action: Action; readonly blockedBy: string };

/** How the executor runs. */
export interface ExecuteOptions extends Partial<WaitOptions> {
  readonly concurrency: number;
  readonly onEvent?: (event: ApplyEvent) => void;
  /** Aborting stops new actions from starting; those in flight finish. */
  readonly signal?: AbortSignal;
}

/** How each action ended, in plan order. */
export type ApplyOutcome = TaskOutcome<Action, string>;

/** The result of an apply. */
export interface ApplyResult {
  readonly outcomes: readonly ApplyOutcome[];
  readonly succeeded: number;
  readonly failed: number;
  readonly skipped: number;
  /** Not started because the run was interrupted. */
  readonly cancelled: number;
}

const DEFAULT_WAIT: WaitOptions = { timeoutMs: 15 * 60_000, pollIntervalMs: 2_000, maxPollIntervalMs: 30_000 };

/** Executes every action of `plan` (blocked items are not actions and are never run). */
export async function executePlan(plan: Plan, registry: Registry, options: ExecuteOptions): Promise<ApplyResult> {
  const wait: WaitOptions = {
    timeoutMs: options.timeoutMs ?? DEFAULT_WAIT.timeoutMs,
    pollIntervalMs: options.pollIntervalMs ?? DEFAULT_WAIT.pollIntervalMs,
    maxPollIntervalMs: options.maxPollIntervalMs ?? DEFAULT_WAIT.maxPollIntervalMs,
  };
  const emit = options.onEvent ?? (() => {});
  const tasks = plan.actions.map((a) => ({ id: a.id, dependsOn: a.dependsOn, value: a }));
  const outcomes = await runScheduled(
    tasks,
    options.concurrency,
    async (task) => {
      const action = task.value;
      const started = Date.now();
      emit({ type: 'start', action });
      try {
        const detail = await runAction(action, registry, wait, (status) => emit({ type: 'waiting', action, status }));
        emit({ type: 'done', action, detail, ms: Date.now() - started });
        return detail;
      } catch (error) {
        emit({ type: 'failed', action, error, ms: Date.now() - started });
        throw error;
      }
    },
    (task, blockedBy) => emit({ type: 'skipped', action: task.value, blockedBy }),
    options.signal,
  );
  const count = (s: ApplyOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  return {
    outcomes,
    succeeded: count('succeeded'),
    failed: count('failed'),
    skipped: count('skipped'),
    cancelled: count('cancelled'),
  };
}

/** Runs one action; resolves with a short description of what happened (e.g. `registered as v3`). */
async function runAction(
  action: Action,
  registry: Registry,
  wait: WaitOptions,
  onWait: (status: string) => void,
): Promise<string> {
  switch (action.kind) {
    case 'create-group': {
      await registry.createGroup({
        name: action.group,
        ...(action.description !== undefined && { description: action.description }),
        tags: action.tags,
      });
      // Group creation is asynchronous; versions cannot be registered until it completes.
      await waitFor(
        `group ${action.group} to be ready`,
        async () => {
          const g = await registry.describeGroup(action.group);
          const status = g?.status ?? 'Pending';
          if (status === 'Failed' || status === 'DeleteFailed' || status === 'Deleting') {
            throw new RegError('APPLY_FAILED', `group ${action.group} is ${status} after creation`, { source: 'aws' });
          }
          return status === 'Completed' ? true : status;
        },
        wait,
        onWait,
      );
      return 'created';
    }
    case 'update-group-tags':
      await registry.setGroupTags(action.arn, action.set, action.remove);
      return 'tags updated';
    case 'put-group-policy':
      await registry.putGroupPolicy(action.group, action.policy);
      return action.before === undefined ? 'policy set' : 'policy updated';
    case 'create-version': {
      const { arn } = await registry.createVersion(action.input);
      // CreateModelPackage has no ApprovalDescription; it can only be set by an update, once
      // the version has finished registering. A crash in between leaves a plain update for
      // the next plan, so the pair stays safe to repeat.
      const { approvalDescription } = action.input;
      if (approvalDescription !== undefined) {
        await waitUntilRegistered(arn, registry, wait, onWait);
        await registry.updateVersion({
          arn,
          approval: action.input.approval,
          approvalDescription,
          customerMetadata: action.input.customerMetadata,
          removeMetadataKeys: [],
        });
      }
      return `registered as ${versionLabel(arn)}`;
    }
    case 'adopt-version':
    case 'update-version':
      if (TRANSITIONAL.includes(action.liveStatus)) await waitUntilRegistered(action.update.arn, registry, wait, onWait);
      await registry.updateVersion(action.update);
      return action.kind === 'adopt-version' ? 'adopted' : 'updated';
    case 'delete-version':
      await registry.deleteVersion(action.arn);
      return 'deleted';
    default:
      return assertNever(action);
  }
}

const TRANSITIONAL: readonly VersionStatus[] = ['Pending', 'InProgress'];

/** SageMaker rejects updates while a version is still being registered; this waits it out. */
async function waitUntilRegistered(arn: string, registry: Registry, wait: WaitOptions, onWait: (status: string) => void): Promise<void> {
  await waitFor(
    `${versionLabel(arn)} to finish registering`,
    async () => {
      const v = await registry.describeVersion(arn);
      if (!v) throw new RegError('APPLY_FAILED', `version ${arn} no longer exists`, { source: 'aws' });
      if (v.status === 'Failed') throw new RegError('APPLY_FAILED', `version ${arn} failed to register`, { source: 'aws' });
      return TRANSITIONAL.includes(v.status) ? v.status : true;
    },
    wait,
    onWait,
  );
}

/** `v3` from `arn:...:model-package/group/3`. */
export function versionLabel(arn: string): string {
  const n = /\/(\d+)$/.exec(arn)?.[1];
  return n === undefined ? arn : `v${n}`;
}
