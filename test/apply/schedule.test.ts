import { describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { runScheduled, type Task } from '../../src/apply/schedule.js';

const task = (id: string, dependsOn: string[] = []): Task<string> => ({ id, dependsOn, value: id });

describe('runScheduled', () => {
  it('starts a task only after everything it depends on succeeded', async () => {
    const finished: string[] = [];
    const order: string[] = [];
    await runScheduled([task('a'), task('b', ['a']), task('c', ['b']), task('d')], 4, async (t) => {
      order.push(`start ${t.id}`);
      for (const dep of t.dependsOn) expect(finished).toContain(dep);
      await sleep(5);
      finished.push(t.id);
    });
    expect(finished.sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(order.indexOf('start b')).toBeGreaterThan(order.indexOf('start a'));
  });

  it('never runs more than `concurrency` tasks at once, and does run that many', async () => {
    let running = 0;
    let peak = 0;
    const tasks = Array.from({ length: 12 }, (_, i) => task(`t${i}`));
    await runScheduled(tasks, 3, async () => {
      running++;
      peak = Math.max(peak, running);
      await sleep(5);
      running--;
    });
    expect(peak).toBe(3);
  });

  it('skips everything downstream of a failure, naming the root cause, and runs the rest', async () => {
    const skipped: string[] = [];
    const outcomes = await runScheduled(
      [task('a'), task('b', ['a']), task('c', ['b']), task('d')],
      2,
      async (t) => {
        if (t.id === 'a') throw new Error('boom');
        return t.id;
      },
      (t, by) => skipped.push(`${t.id}<-${by}`),
    );
    expect(outcomes.map((o) => [o.task.id, o.status])).toEqual([
      ['a', 'failed'],
      ['b', 'skipped'],
      ['c', 'skipped'],
      ['d', 'succeeded'],
    ]);
    expect(skipped).toEqual(['b<-a', 'c<-a']);
  });

  it('rejects a dependency on an unknown task and a cycle instead of hanging', async () => {
    await expect(runScheduled([task('a', ['nope'])], 1, async () => 1)).rejects.toMatchObject({ code: 'INTERNAL' });
    await expect(runScheduled([task('a', ['b']), task('b', ['a'])], 1, async () => 1)).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});

describe('runScheduled when interrupted', () => {
  it('lets tasks in flight finish, starts nothing new, and reports the rest as cancelled', async () => {
    const controller = new AbortController();
    const started: string[] = [];
    const outcomes = await runScheduled(
      [task('a'), task('b'), task('c', ['a']), task('d', ['b'])],
      2,
      async (t) => {
        started.push(t.id);
        if (t.id === 'b') controller.abort();
        await sleep(5);
        return t.id;
      },
      undefined,
      controller.signal,
    );
    expect(started.sort()).toEqual(['a', 'b']);
    expect(outcomes.map((o) => [o.task.id, o.status])).toEqual([
      ['a', 'succeeded'],
      ['b', 'succeeded'],
      ['c', 'cancelled'],
      ['d', 'cancelled'],
    ]);
  });
});
