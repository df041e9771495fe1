/**
 * Runs a set of tasks with explicit dependencies, as many at once as allowed. A task starts
 * only when everything it depends on succeeded; when one fails, everything that depends on it
 * (directly or not) is skipped, and everything else still runs.
 */
import { InternalError } from '../errors.js';

/** A unit of work with the ids it depends on. */
export interface Task<T> {
  readonly id: string;
  readonly dependsOn: readonly string[];
  readonly value: T;
}

/** How each task ended. */
export type TaskOutcome<T, R> =
  | { readonly status: 'succeeded'; readonly task: Task<T>; readonly result: R }
  | { readonly status: 'failed'; readonly task: Task<T>; readonly error: unknown }
  | { readonly status: 'skipped'; readonly task: Task<T>; readonly blockedBy: string }
  /** Never started because the run was interrupted. */
  | { readonly status: 'cancelled'; readonly task: Task<T> };

/**
 * Runs `tasks` through `run` with at most `concurrency` in flight; resolves when all have ended.
 * Once `signal` aborts, nothing new starts: tasks in flight finish, the rest are cancelled.
 */
export async function runScheduled<T, R>(
  tasks: readonly Task<T>[],
  concurrency: number,
  run: (task: Task<T>) => Promise<R>,
  onSkip?: (task: Task<T>, blockedBy: string) => void,
  signal?: AbortSignal,
): Promise<TaskOutcome<T, R>[]> {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  for (const t of tasks) {
    for (const dep of t.dependsOn) {
      if (!byId.has(dep)) throw new InternalError(`task ${t.id} depends on unknown task ${dep}`);
    }
  }
  const outcomes = new Map<string, TaskOutcome<T, R>>();
  const pending = new Set(tasks.map((t) => t.id));
  const running = new Set<Promise<void>>();

  /** Marks tasks whose dependencies failed or were skipped; returns the ones ready to start. */
  const settle = (): Task<T>[] => {
    const ready: Task<T>[] = [];
    let changed = true;
    while (changed) {
      changed = false;
      for (const id of pending) {
        const task = byId.get(id);
        if (!task) continue;
        const broken = task.dependsOn.find((d) => {
          const o = outcomes.get(d);
          return o !== undefined && o.status !== 'succeeded';
        });
        if (broken !== undefined) {
          const o = outcomes.get(broken);
          const root = o?.status === 'skipped' ? o.blockedBy : broken;
          outcomes.set(id, { status: 'skipped', task, blockedBy: root });
          pending.delete(id);
          onSkip?.(task, root);
          changed = true;
        }
      }
    }
    for (const id of pending) {
      const task = byId.get(id);
      if (task && task.dependsOn.every((d) => outcomes.get(d)?.status === 'succeeded')) ready.push(task);
    }
    return ready;
  };

  for (;;) {
    for (const task of settle()) {
      if (running.size >= concurrency || signal?.aborted) break;
      pending.delete(task.id);
      const p: Promise<void> = run(task).then(
        (result) => void outcomes.set(task.id, { status: 'succeeded', task, result }),
        (error: unknown) => void outcomes.set(task.id, { status: 'failed', task, error }),
      );
      const tracked = p.finally(() => running.delete(tracked));
      running.add(tracked);
    }
    if (running.size === 0) break;
    await Promise.race(running);
  }
  if (signal?.aborted) {
    for (const id of pending) {
      const task = byId.get(id);
      if (task) outcomes.set(id, { status: 'cancelled', task });
    }
    pending.clear();
  }
  if (pending.size > 0) throw new InternalError(`tasks never became ready: ${[...pending].join(', ')}`);
  // Report in the order given, which is dependency order.
  return tasks.map((t) => {
    const o = outcomes.get(t.id);
    if (!o) throw new InternalError(`task ${t.id} has no outcome`);
    return o;
  });
}
