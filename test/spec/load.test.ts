/** File-level behaviour of loadSpec: paths, directories, sizes, encodings; and that it never throws. */
import { chmodSync, mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/spec/load.js';

const MINIMAL = 'apiVersion: reg/v1\ngroups:\n  - name: GROUP\n    versions:\n      - id: "1"\n        image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/m:1\n';

function workspace(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'reg-spec-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

function codes(result: Awaited<ReturnType<typeof loadSpec>>): string[] {
  return (result.ok ? result.warnings : result.diagnostics).map((d) => `${d.file} ${d.code}`);
}

describe('paths', () => {
  it('reports a missing file by the path as given', async () => {
    const cwd = workspace({});
    expect(codes(await loadSpec(['nope.yaml'], { cwd }))).toEqual(['nope.yaml FILE_NOT_FOUND']);
  });

  it('reports a directory without YAML files', async () => {
    const cwd = workspace({ 'specs/README.md': '# nothing here', 'specs/.hidden/x.yaml': MINIMAL, 'specs/node_modules/y.yaml': MINIMAL });
    expect(codes(await loadSpec(['specs'], { cwd }))).toEqual(['specs NO_SPEC_FILES']);
  });

  it('reports an empty path list', async () => {
    expect(codes(await loadSpec([], { cwd: workspace({}) }))).toEqual(['. NO_SPEC_FILES']);
  });

  it('expands directories recursively, sorted, skipping dot-dirs and node_modules, each file once', async () => {
    const cwd = workspace({
      'reg/b.yml': MINIMAL.replace('GROUP', 'b'),
      'reg/a.yaml': MINIMAL.replace('GROUP', 'a'),
      'reg/teams/c.yaml': MINIMAL.replace('GROUP', 'c'),
      'reg/notes.txt': 'not yaml',
      'reg/.git/d.yaml': 'garbage: [',
      'reg/node_modules/e.yaml': 'garbage: [',
    });
    const result = await loadSpec(['reg', 'reg/a.yaml'], { cwd });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.state.files).toEqual(['reg/a.yaml', 'reg/b.yml', 'reg/teams/c.yaml']);
    expect(result.state.groups.map((g) => g.name)).toEqual(['a', 'b', 'c']);
    expect([...result.sources.keys()]).toEqual(['reg/a.yaml', 'reg/b.yml', 'reg/teams/c.yaml']);
  });

  it('keeps absolute paths absolute, and names files relative to cwd otherwise', async () => {
    const cwd = workspace({ 'x.yaml': 'groups: []\n' });
    const abs = path.join(cwd, 'x.yaml');
    expect(codes(await loadSpec([abs], { cwd: '/' }))).toEqual([`${abs} SCHEMA_REQUIRED`]);
    expect(codes(await loadSpec(['./x.yaml'], { cwd }))).toEqual(['x.yaml SCHEMA_REQUIRED']);
  });

  it('reads an explicitly named file whatever its extension', async () => {
    const cwd = workspace({ 'registry.spec': MINIMAL.replace('GROUP', 'g') });
    expect((await loadSpec(['registry.spec'], { cwd })).ok).toBe(true);
  });
});

describe('file contents', () => {
  it('refuses a file over the size cap without reading it', async () => {
    const cwd = workspace({ 'big.yaml': '' });
    truncateSync(path.join(cwd, 'big.yaml'), 10 * 1024 * 1024);
    expect(codes(await loadSpec(['big.yaml'], { cwd }))).toEqual(['big.yaml FILE_TOO_LARGE']);
  });

  it('refuses something that is not a regular file', async () => {
    expect(codes(await loadSpec(['/dev/null'], { cwd: '/' }))).toEqual(['/dev/null FILE_UNREADABLE']);
  });

  it.skipIf(process.getuid?.() === 0)('reports a file it may not read', async () => {
    const cwd = workspace({ 'secret.yaml': MINIMAL });
    chmodSync(path.join(cwd, 'secret.yaml'), 0o000);
    expect(codes(await loadSpec(['secret.yaml'], { cwd }))).toEqual(['secret.yaml FILE_UNREADABLE']);
  });

  it('treats an empty or whitespace-only file as empty', async () => {
    const cwd = workspace({ 'a.yaml': '', 'b.yaml': '  \n\n' });
    expect(codes(await loadSpec(['a.yaml', 'b.yaml'], { cwd }))).toEqual(['a.yaml EMPTY_FILE', 'b.yaml EMPTY_FILE']);
  });

  it('accepts a UTF-8 byte-order mark', async () => {
    const cwd = workspace({ 'bom.yaml': `\ufeff${MINIMAL.replace('GROUP', 'g')}` });
    expect((await loadSpec(['bom.yaml'], { cwd })).ok).toBe(true);
  });

  it('reports YAML warnings without failing', async () => {
    const cwd = workspace({ 'w.yaml': `${MINIMAL.replace('GROUP', 'g')}        description: !custom tagged\n` });
    const result = await loadSpec(['w.yaml'], { cwd });
    expect(result.ok).toBe(true);
    expect(codes(result)).toEqual(['w.yaml YAML_WARNING']);
  });

  it('reports every broken file at once, and still checks the good ones', async () => {
    const cwd = workspace({
      'specs/a.yaml': 'apiVersion: reg/v1\ngroups: [\n',
      'specs/b.yaml': MINIMAL.replace('GROUP', 'Bad_Name'),
      'specs/c.yaml': `${MINIMAL.replace('GROUP', 'c')}endpoints:\n  - name: e\n    model: { group: c, version: "1" }\n    role: arn:aws:iam::123456789012:role/R\n    instanceType: ml.m5.large\n`,
    });
    expect(codes(await loadSpec(['specs'], { cwd }))).toEqual(['specs/a.yaml YAML_SYNTAX', 'specs/b.yaml SCHEMA_PATTERN', 'specs/c.yaml VERSION_NOT_APPROVED']);
  });
});

describe('never throws on bad input', () => {
  it('arbitrary text', async () => {
    const cwd = workspace({});
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (text) => {
        writeFileSync(path.join(cwd, 'f.yaml'), text);
        const r = await loadSpec(['f.yaml'], { cwd });
        return r.ok || r.diagnostics.length > 0;
      }),
      { numRuns: 150 },
    );
  });

  it('arbitrary bytes', async () => {
    const cwd = workspace({});
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) => {
        writeFileSync(path.join(cwd, 'f.yaml'), bytes);
        const r = await loadSpec(['f.yaml'], { cwd });
        return r.ok || r.diagnostics.length > 0;
      }),
      { numRuns: 100 },
    );
  });

  it('arbitrary YAML data shaped roughly like a spec', async () => {
    const cwd = workspace({});
    const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.dictionary(fc.string(), fc.string()));
    const version = fc.record({ id: value, image: value, approval: value, metrics: fc.anything(), customerMetadata: value }, { requiredKeys: [] });
    const group = fc.record({ name: value, tags: value, policy: value, versions: fc.array(version, { maxLength: 3 }) }, { requiredKeys: [] });
    const endpoint = fc.record({ name: value, model: fc.record({ group: value, version: value }), role: value, instanceType: value, serverless: fc.anything() }, { requiredKeys: [] });
    const spec = fc.record({ apiVersion: fc.constantFrom('reg/v1', 'reg/v2', 1), groups: fc.array(group, { maxLength: 3 }), endpoints: fc.array(endpoint, { maxLength: 2 }) }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(spec, async (s) => {
        writeFileSync(path.join(cwd, 'f.yaml'), stringify(s));
        const r = await loadSpec(['f.yaml'], { cwd });
        const diags = r.ok ? r.warnings : r.diagnostics;
        // Every positioned diagnostic points inside the file.
        const lines = stringify(s).split('\n').length;
        return diags.every((d) => d.line === undefined || (d.line >= 1 && d.line <= lines && (d.col ?? 1) >= 1));
      }),
      { numRuns: 200 },
    );
  });
});
