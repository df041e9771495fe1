/**
 * `reg apply` as a terminal user meets it: the confirmation question and Ctrl-C. Runs main()
 * in-process with a recording IO against the embedded local registry (real SDK, real HTTP).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { exampleWorkspace } from '../helpers/cli.js';
import { testIo } from '../helpers/test-io.js';

let dir: string;
beforeEach(() => {
  dir = exampleWorkspace();
});

const args = (...rest: string[]) => ['node', 'reg', ...rest, '--local', '-f', 'examples/registry.yaml'];
const planExit = () => main(args('plan', '--detailed-exitcode'), testIo({ cwd: dir }));

describe('reg apply on a terminal', () => {
  it('asks before changing anything and does nothing unless the answer is yes', async () => {
    const io = testIo({ cwd: dir, answer: 'y' });
    expect(await main(args('apply'), io)).toBe(1);
    expect(io.questions).toHaveLength(1);
    expect(io.stderr()).toMatch(/^error: apply cancelled/m);
    expect(await planExit()).toBe(2);
  });

  it('applies after yes', async () => {
    const io = testIo({ cwd: dir, answer: 'yes' });
    expect(await main(args('apply'), io)).toBe(0);
    expect(io.questions).toHaveLength(1);
    expect(await planExit()).toBe(0);
  });

  it('does not ask with --yes', async () => {
    const io = testIo({ cwd: dir });
    expect(await main(args('apply', '--yes'), io)).toBe(0);
    expect(io.questions).toEqual([]);
  });

  it('on Ctrl-C finishes what is in flight, starts nothing new, and a re-run converges', async () => {
    let sent = false;
    const io = testIo({
      cwd: dir,
      onOut: (text, self) => {
        if (!sent && text.includes('creating...')) {
          sent = true;
          self.interrupt();
        }
      },
    });
    expect(await main(args('apply', '--yes'), io)).toBe(1);
    expect(io.stderr()).toMatch(/Interrupt received/);
    expect(io.stdout()).toMatch(/Apply interrupted: 1 succeeded, 0 failed, 0 skipped, 10 not started\./);
    expect(await planExit()).toBe(2);

    const rerun = testIo({ cwd: dir });
    expect(await main(args('apply', '--yes'), rerun)).toBe(0);
    expect(rerun.stdout()).toMatch(/Apply complete: 10 succeeded/);
    expect(await planExit()).toBe(0);
  });
});
