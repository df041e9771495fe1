/**
 * The layering the code relies on, checked on every run: only src/aws talks to the SDK, the
 * planner stays pure, and nothing outside the CLI writes to the console or throws bare Errors.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './helpers/cli.js';

function sources(dir: string): { path: string; text: string }[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => {
      const full = join(e.parentPath, e.name);
      return { path: relative(ROOT, full), text: readFileSync(full, 'utf8') };
    });
}

const importsOf = (text: string) => [...text.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? '');
const offenders = (files: { path: string; text: string }[], bad: (file: { path: string; text: string }) => boolean) =>
  files.filter(bad).map((f) => f.path);

describe('architecture', () => {
  const all = sources('src');

  it('only src/aws imports the AWS SDK', () => {
    expect(offenders(all, (f) => !f.path.startsWith('src/aws/') && importsOf(f.text).some((i) => i.startsWith('@aws-sdk/')))).toEqual([]);
  });

  it('the planner does no I/O and depends on nothing but the spec types', () => {
    const planner = sources('src/reconcile');
    expect(planner.length).toBeGreaterThan(3);
    const allowed = (i: string) => i.startsWith('./') || i === '../spec/types.js' || i === '../errors.js' || i === 'fast-deep-equal' || i === 'node:crypto';
    expect(offenders(planner, (f) => importsOf(f.text).some((i) => !allowed(i)))).toEqual([]);
    expect(offenders(planner, (f) => /\bprocess\.|\bconsole\.|Date\.now|Math\.random/.test(f.text))).toEqual([]);
  });

  it('nothing outside the CLI writes to the console', () => {
    expect(offenders(all, (f) => !f.path.startsWith('src/cli/') && /\bconsole\.(log|error|warn|info)/.test(f.text))).toEqual([]);
  });

  it('errors are RegErrors, never bare Errors', () => {
    expect(offenders(all, (f) => /throw new Error\(/.test(f.text))).toEqual([]);
  });
});
