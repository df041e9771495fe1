/**
 * One process at a time per state file. Two processes loading the same snapshot and appending
 * to the same journal would each lose the other's writes, so the first takes `<file>.lock`
 * (created exclusively, holding its pid) and the second is refused with a clear message. A
 * lock whose process is gone (killed, crashed) is stale and taken over.
 */
import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { hostname } from 'node:os';
import { RegError } from '../errors.js';

interface LockInfo {
  pid: number;
  host: string;
  since: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function holder(lockFile: string): Promise<LockInfo | undefined> {
  try {
    const info = JSON.parse(await readFile(lockFile, 'utf8')) as Partial<LockInfo>;
    return typeof info.pid === 'number' && typeof info.host === 'string' ? (info as LockInfo) : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the lock for `stateFile`; resolves with its release function. */
export async function lockStateFile(stateFile: string): Promise<() => Promise<void>> {
  const lockFile = `${stateFile}.lock`;
  await mkdir(dirname(stateFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockFile, 'wx');
      const info: LockInfo = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
      await handle.writeFile(JSON.stringify(info));
      await handle.close();
      return async () => {
        await unlink(lockFile).catch(() => undefined);
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new RegError('FILE_UNREADABLE', `cannot create lock file ${lockFile}: ${(e as Error).message}`, { cause: e });
      }
      const current = await holder(lockFile);
      const stale = current !== undefined && current.host === hostname() && !alive(current.pid);
      if (!stale) {
        const who = current ? `process ${current.pid} on ${current.host} (since ${current.since})` : 'another process';
        throw new RegError(
          'STATE_LOCKED',
          `the local registry state ${stateFile} is in use by ${who}; wait for it to finish, or if no reg process is running, delete ${lockFile}`,
        );
      }
      await unlink(lockFile).catch(() => undefined);
    }
  }
  throw new RegError('STATE_LOCKED', `could not take the lock ${lockFile}; another process keeps taking it`);
}
