/**
 * `reg validate` through the built CLI (`node bin/reg.js`), as users and CI run it.
 * Needs `npx tsc -p .` first (`npm test` does that).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(new URL('../..', import.meta.url).pathname);

function reg(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/reg.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const NO_STACK = /^\s+at /m;

describe('reg validate (built CLI)', () => {
  it('accepts the example registry', () => {
    const r = reg('validate', '-f', 'examples/registry.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('✓ 1 file valid: 3 groups, 7 versions, 1 endpoint\n');
    expect(r.stderr).toBe('');
  });

  it('accepts a directory of files', () => {
    const r = reg('validate', '-f', 'test/fixtures/specs/valid/team-split', '-f', 'examples');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^✓ 3 files valid: 4 groups, 8 versions, 2 endpoints\n$/);
  });

  it('rejects an invalid spec with file:line:col: CODE and no stack trace', () => {
    const r = reg('validate', '-f', 'test/fixtures/specs/invalid/unknown-key-version.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('test/fixtures/specs/invalid/unknown-key-version.yaml:7:9: SCHEMA_UNKNOWN_KEY ');
    expect(r.stderr).toMatch(/1 error in 1 file\n$/);
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  it.each([
    ['binary-garbage.yaml', 'BINARY_FILE'],
    ['yaml-alias-bomb.yaml', 'YAML_ALIAS_LIMIT'],
    ['root-is-a-list.yaml', 'NOT_A_MAPPING'],
    ['policy-invalid-json.yaml', 'POLICY_INVALID_JSON'],
  ])('rejects %s cleanly', (file, code) => {
    const r = reg('validate', '-f', `test/fixtures/specs/invalid/${file}`);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(` ${code} `);
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  it('reports a missing file as a diagnostic', () => {
    const r = reg('validate', '-f', 'does/not/exist.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('does/not/exist.yaml: FILE_NOT_FOUND');
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  it('prints GitHub annotations and JSON on stdout', () => {
    const gh = reg('validate', '--format', 'github', '-f', 'test/fixtures/specs/invalid/duplicate-group.yaml');
    expect(gh.code).toBe(1);
    expect(gh.stdout).toMatch(/^::error file=test\/fixtures\/specs\/invalid\/duplicate-group\.yaml,line=8,col=11::DUPLICATE_GROUP /);
    const json = reg('validate', '--format', 'json', '-f', 'examples/registry.yaml');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ formatVersion: 1, valid: true, diagnostics: [] });
  });

  it('exits 2 on bad usage', () => {
    expect(reg('validate').code).toBe(2);
    expect(reg('validate', '-f', 'examples', '--format', 'yaml').code).toBe(2);
  });
});
