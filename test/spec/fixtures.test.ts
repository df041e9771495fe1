/**
 * The fixture corpus: every invalid fixture declares what it must produce in leading
 * `# expect: CODE line:col` comments (or `# expect: CODE` for whole-file problems); the
 * loader must produce exactly those codes at exactly those places, whatever the wording.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/spec/load.js';

const ROOT = path.resolve(new URL('../..', import.meta.url).pathname);
const FIXTURES = 'test/fixtures/specs';

function entries(kind: 'valid' | 'invalid'): string[] {
  return readdirSync(path.join(ROOT, FIXTURES, kind))
    .filter((n) => n !== 'policies')
    .sort()
    .map((n) => `${FIXTURES}/${kind}/${n}`);
}

function yamlFilesOf(entry: string): string[] {
  const abs = path.join(ROOT, entry);
  if (!statSync(abs).isDirectory()) return [entry];
  return readdirSync(abs)
    .filter((n) => /\.ya?ml$/.test(n))
    .map((n) => `${entry}/${n}`);
}

/** `file CODE line:col` for every `# expect:` line in the entry's files. */
function expectations(entry: string): string[] {
  const out: string[] = [];
  for (const file of yamlFilesOf(entry)) {
    // latin1: binary fixtures still have readable ASCII expectation lines.
    const text = readFileSync(path.join(ROOT, file), 'latin1');
    for (const m of text.matchAll(/^# expect: ([A-Z_]+)(?: (\d+):(\d+))?\s*$/gm)) {
      out.push(m[2] ? `${file} ${m[1]} ${m[2]}:${m[3]}` : `${file} ${m[1]}`);
    }
  }
  return out.sort();
}

describe('invalid fixtures', () => {
  const all = entries('invalid');

  it('has a broad corpus', () => {
    expect(all.length).toBeGreaterThanOrEqual(30);
  });

  it.each(all)('%s', async (entry) => {
    const expected = expectations(entry);
    expect(expected.length, 'fixture declares no expectations').toBeGreaterThan(0);
    const result = await loadSpec([entry], { cwd: ROOT });
    expect(result.ok).toBe(false);
    const diags = result.ok ? result.warnings : result.diagnostics;
    const actual = diags.map((d) => (d.line === undefined ? `${d.file} ${d.code}` : `${d.file} ${d.code} ${d.line}:${d.col}`)).sort();
    expect(actual).toEqual(expected);
  });
});

describe('valid fixtures', () => {
  it.each(entries('valid'))('%s', async (entry) => {
    const result = await loadSpec([entry], { cwd: ROOT });
    expect(result.ok ? [] : result.diagnostics).toEqual([]);
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('the example registry is valid', async () => {
    const result = await loadSpec(['examples'], { cwd: ROOT });
    expect(result.ok ? [] : result.diagnostics).toEqual([]);
    if (!result.ok) return;
    const approvals = new Set(result.state.groups.flatMap((g) => g.versions.map((v) => v.approval)));
    expect([...approvals].sort()).toEqual(['Approved', 'PendingManualApproval', 'Rejected']);
    expect(result.state.groups).toHaveLength(3);
    expect(result.state.endpoints).toHaveLength(1);
  });
});

describe('every diagnostic code the spec stage emits is covered by a fixture or a load test', () => {
  it('covers the codes', () => {
    const covered = new Set(
      entries('invalid')
        .flatMap(expectations)
        .map((e) => e.split(' ')[1]),
    );
    // Whole-file problems that a fixture file cannot declare about itself are tested in load.test.ts.
    for (const c of ['FILE_NOT_FOUND', 'FILE_UNREADABLE', 'FILE_TOO_LARGE', 'NO_SPEC_FILES', 'YAML_WARNING']) covered.add(c);
    const source = readFileSync(path.join(ROOT, 'src/spec/diagnostic.ts'), 'utf8');
    const declared = [...source.matchAll(/\| '([A-Z_]+)'/g)].map((m) => m[1]);
    expect(declared.filter((c) => !covered.has(c!))).toEqual([]);
  });
});
