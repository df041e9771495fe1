/**
 * The file-system half of loading: turning the paths the user gave into spec files and
 * reading them safely (size cap before reading, binary and encoding checks).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from './diagnostic.js';

/** Larger spec files are refused before being read: a registry spec is kilobytes, not megabytes. */
export const MAX_SPEC_BYTES = 5 * 1024 * 1024;

/** A spec file to read: where it is, and how diagnostics name it. */
export interface SpecFileRef {
  readonly absPath: string;
  readonly display: string;
}

const YAML_EXT = /\.ya?ml$/i;

function errnoCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : undefined;
}

function fileProblem(e: unknown, file: string): Diagnostic {
  const code = errnoCode(e);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return { code: 'FILE_NOT_FOUND', message: 'no such file or directory', file, severity: 'error' };
  }
  const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : e instanceof Error ? e.message : String(e);
  return { code: 'FILE_UNREADABLE', message: `cannot read: ${reason}`, file, severity: 'error' };
}

/** How to show `abs` given the user typed `given` (which led to it): relative paths stay relative to cwd. */
function displayFor(abs: string, given: string, cwd: string): string {
  if (path.isAbsolute(given)) return abs;
  const rel = path.relative(cwd, abs);
  return rel === '' ? '.' : rel.split(path.sep).join('/');
}

async function walkDir(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    // Dependencies and tool state (.git, .reg) never hold the team's spec.
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    // Symlinked directories are not followed, so a link cycle cannot loop.
    if (entry.isDirectory()) await walkDir(full, out);
    else if ((entry.isFile() || entry.isSymbolicLink()) && YAML_EXT.test(entry.name)) out.push(full);
  }
}

/** Expands files and directories (every *.yaml / *.yml below, sorted) into spec files, each once. */
export async function expandPaths(paths: readonly string[], cwd: string): Promise<{ files: SpecFileRef[]; diagnostics: Diagnostic[] }> {
  const files: SpecFileRef[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const add = (abs: string, given: string): void => {
    if (seen.has(abs)) return;
    seen.add(abs);
    files.push({ absPath: abs, display: displayFor(abs, given, cwd) });
  };
  for (const given of paths) {
    const abs = path.resolve(cwd, given);
    let info;
    try {
      info = await stat(abs);
    } catch (e) {
      diagnostics.push(fileProblem(e, given));
      continue;
    }
    if (!info.isDirectory()) {
      // A file named explicitly is read whatever its extension: the user chose it.
      add(abs, given);
      continue;
    }
    const found: string[] = [];
    try {
      await walkDir(abs, found);
    } catch (e) {
      diagnostics.push(fileProblem(e, given));
      continue;
    }
    if (found.length === 0) {
      diagnostics.push({ code: 'NO_SPEC_FILES', message: 'the directory holds no *.yaml or *.yml files', file: given, severity: 'error' });
      continue;
    }
    for (const f of found.sort()) add(f, given);
  }
  return { files, diagnostics };
}

/** Reads one spec file as UTF-8 text, or says why it cannot be a spec file. */
export async function readSpecFile(ref: SpecFileRef): Promise<{ ok: true; text: string } | { ok: false; diagnostic: Diagnostic }> {
  const file = ref.display;
  let bytes: Buffer;
  try {
    const info = await stat(ref.absPath);
    if (!info.isFile()) return { ok: false, diagnostic: { code: 'FILE_UNREADABLE', message: 'not a regular file', file, severity: 'error' } };
    if (info.size > MAX_SPEC_BYTES) {
      return { ok: false, diagnostic: { code: 'FILE_TOO_LARGE', message: `the file is ${info.size} bytes; spec files are limited to ${MAX_SPEC_BYTES} bytes (5 MiB)`, file, severity: 'error' } };
    }
    bytes = await readFile(ref.absPath);
  } catch (e) {
    return { ok: false, diagnostic: fileProblem(e, file) };
  }
  // Checked again after reading: the file may have grown in between.
  if (bytes.length > MAX_SPEC_BYTES) {
    return { ok: false, diagnostic: { code: 'FILE_TOO_LARGE', message: `spec files are limited to ${MAX_SPEC_BYTES} bytes (5 MiB)`, file, severity: 'error' } };
  }
  if (bytes.includes(0)) {
    return { ok: false, diagnostic: { code: 'BINARY_FILE', message: 'the file contains NUL bytes; it looks binary, not YAML', file, severity: 'error' } };
  }
  let text: string;
  try {
    // fatal: reject invalid UTF-8 instead of silently turning it into U+FFFD.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, diagnostic: { code: 'BINARY_FILE', message: 'the file is not valid UTF-8 text', file, severity: 'error' } };
  }
  if (text.trim() === '') {
    return { ok: false, diagnostic: { code: 'EMPTY_FILE', message: 'the file is empty; expected a mapping with `apiVersion: reg/v1`', file, severity: 'error' } };
  }
  return { ok: true, text };
}
