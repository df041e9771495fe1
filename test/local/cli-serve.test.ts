/** The built CLI: `reg local serve` as a child process, driven by the SDK, stopped by SIGTERM. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { CreateModelPackageCommand, CreateModelPackageGroupCommand, ListModelPackagesCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { readStats } from '../../src/local/index.js';
import { SPEC } from './helpers.js';

const ROOT = resolve(import.meta.dirname, '../..');

beforeAll(() => {
  // tsc still emits when files elsewhere in the tree have type errors; we only need dist/.
  spawnSync('npx', ['tsc', '-p', '.'], { cwd: ROOT, stdio: 'ignore' });
  expect(existsSync(join(ROOT, 'dist/cli/main.js'))).toBe(true);
}, 120_000);

function serve(args: string[]): Promise<{ child: ChildProcess; url: string; stdout: () => string }> {
  const child = spawn(process.execPath, ['bin/reg.js', 'local', 'serve', ...args], { cwd: ROOT, env: { ...process.env, REG_LOCAL_FAIL_RATE: '' } });
  let out = '';
  return new Promise((resolveUrl, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)\n.*AWS_ENDPOINT_URL_SAGEMAKER=/.exec(out);
      if (m) resolveUrl({ child, url: m[1]!, stdout: () => out });
    });
    child.on('exit', (code) => reject(new Error(`reg local serve exited early with ${code}`)));
  });
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((r) => child.on('exit', (code) => r(code)));
}

it('serves the SDK, exits 0 on SIGTERM with state flushed, and restarts with the state', async () => {
  const state = join(await mkdtemp(join(tmpdir(), 'reg-cli-')), 'state.json');
  const first = await serve(['--port', '0', '--state', state]);
  expect(first.stdout()).toContain('AWS_ENDPOINT_URL_SAGEMAKER=');
  const sm = new SageMakerClient({ endpoint: first.url, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  await sm.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'cli-group' }));
  await sm.send(new CreateModelPackageCommand({ ModelPackageGroupName: 'cli-group', InferenceSpecification: SPEC }));
  expect((await readStats(first.url)).writes).toBe(2);
  const exited = exitCode(first.child);
  first.child.kill('SIGTERM');
  expect(await exited).toBe(0);

  const second = await serve(['--port', '0', '--state', state]);
  const sm2 = new SageMakerClient({ endpoint: second.url, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  const list = await sm2.send(new ListModelPackagesCommand({ ModelPackageGroupName: 'cli-group' }));
  expect(list.ModelPackageSummaryList?.map((s) => s.ModelPackageVersion)).toEqual([1]);
  const exited2 = exitCode(second.child);
  second.child.kill('SIGINT');
  expect(await exited2).toBe(0);
}, 60_000);

it('exits 1 with one line when the port is taken', async () => {
  const first = await serve(['--port', '0']);
  const port = new URL(first.url).port;
  const clash = spawnSync(process.execPath, ['bin/reg.js', 'local', 'serve', '--port', port], { cwd: ROOT, encoding: 'utf8' });
  expect(clash.status).toBe(1);
  expect(clash.stderr.trim().split('\n')).toHaveLength(1);
  const exited = exitCode(first.child);
  first.child.kill('SIGTERM');
  expect(await exited).toBe(0);
}, 60_000);
