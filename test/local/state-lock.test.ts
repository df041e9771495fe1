/** One process at a time per state file: a second is refused, a dead holder's lock is taken over. */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalServer } from '../../src/local/index.js';
import { runReg } from '../helpers/cli.js';

const stateIn = () => join(mkdtempSync(join(tmpdir(), 'reg-lock-')), 'nested', 'state.json');

describe('state file lock', () => {
  it('refuses a second server on the same state file until the first stops', async () => {
    const stateFile = stateIn();
    const first = await startLocalServer({ stateFile });
    expect(existsSync(`${stateFile}.lock`)).toBe(true);
    await expect(startLocalServer({ stateFile })).rejects.toMatchObject({ code: 'STATE_LOCKED' });
    await first.stop();
    expect(existsSync(`${stateFile}.lock`)).toBe(false);
    const second = await startLocalServer({ stateFile });
    await second.stop();
  });

  it('takes over the lock of a process that died without releasing it', async () => {
    const stateFile = stateIn();
    const first = await startLocalServer({ stateFile });
    await first.stop();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(`${stateFile}.lock`, JSON.stringify({ pid: Number(dead), host: hostname(), since: 'then' }));
    const server = await startLocalServer({ stateFile });
    await server.stop();
  });

  it('makes `reg plan --local` fail with one line while another process holds the registry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reg-lock-cli-'));
    writeFileSync(join(dir, 'r.yaml'), 'apiVersion: reg/v1\ngroups:\n  - name: g\n');
    const holder = await startLocalServer({ stateFile: join(dir, '.reg', 'local-state.json') });
    try {
      const run = await runReg(['plan', '--local', '-f', 'r.yaml'], { cwd: dir });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^error: the local registry state .* is in use by process \d+/);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      await holder.stop();
    }
    expect((await runReg(['plan', '--local', '-f', 'r.yaml'], { cwd: dir })).code).toBe(0);
  });
});
