/** Reads a group's resource-policy file (the only I/O the normalizer needs). */
import { readFileSync, statSync } from 'node:fs';

/** Beyond this a file cannot hold a policy SageMaker accepts (20480 characters), whitespace included. */
const MAX_POLICY_FILE_BYTES = 1024 * 1024;

export type PolicyFileRead =
  | { readonly kind: 'ok'; readonly text: string }
  | { readonly kind: 'missing' }
  | { readonly kind: 'too-large'; readonly bytes: number }
  | { readonly kind: 'unreadable'; readonly reason: string };

/** Reads a policy file synchronously; never throws. */
export type PolicyReader = (absPath: string) => PolicyFileRead;

export const readPolicyFile: PolicyReader = (absPath) => {
  try {
    const info = statSync(absPath);
    if (!info.isFile()) return { kind: 'unreadable', reason: 'not a regular file' };
    if (info.size > MAX_POLICY_FILE_BYTES) return { kind: 'too-large', bytes: info.size };
    return { kind: 'ok', text: readFileSync(absPath, 'utf8') };
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    return { kind: 'unreadable', reason: code === 'EACCES' ? 'permission denied' : e instanceof Error ? e.message : String(e) };
  }
};
