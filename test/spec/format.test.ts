/** Rendering diagnostics as text (with carets), GitHub workflow commands and JSON. */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/spec/diagnostic.js';
import { formatDiagnostics } from '../../src/spec/format.js';

const SOURCE = ['apiVersion: reg/v1', 'groups:', '  - name: iris', '    versions:', '      - id: "1"', '        imge: x', ''].join('\n');
const sources = new Map([
  ['specs/iris.yaml', SOURCE],
  ['specs/tabs.yaml', 'a:\n\tb: 1\n'],
]);

const diags: Diagnostic[] = [
  { code: 'SCHEMA_UNKNOWN_KEY', message: 'unknown key "imge" in version; did you mean "image"?', file: 'specs/iris.yaml', line: 6, col: 9, severity: 'error' },
  {
    code: 'DUPLICATE_GROUP',
    message: 'group "iris" is declared more than once',
    file: 'specs/iris.yaml',
    line: 3,
    col: 11,
    severity: 'error',
    related: [{ file: 'specs/other.yaml', line: 3, col: 11, message: 'group "iris" is first declared here' }],
  },
  { code: 'EMPTY_FILE', message: 'the file is empty', file: 'specs/empty.yaml', severity: 'error' },
  { code: 'YAML_WARNING', message: 'unresolved tag', file: 'specs/tabs.yaml', line: 2, col: 2, severity: 'warning' },
];

describe('text', () => {
  it('prints each problem with its source line, a caret, notes and a summary', () => {
    expect(formatDiagnostics(diags, sources, { format: 'text', color: false })).toMatchInlineSnapshot(`
      "specs/iris.yaml:6:9: SCHEMA_UNKNOWN_KEY unknown key "imge" in version; did you mean "image"?
        6 |         imge: x
          |         ^
      specs/iris.yaml:3:11: DUPLICATE_GROUP group "iris" is declared more than once
        3 |   - name: iris
          |           ^
        note: specs/other.yaml:3:11: group "iris" is first declared here
      specs/empty.yaml: EMPTY_FILE the file is empty
      specs/tabs.yaml:2:2: warning YAML_WARNING unresolved tag
        2 | 	b: 1
          | 	^
      3 errors and 1 warning in 2 files
      "
    `);
  });

  it('colours only when asked', () => {
    expect(formatDiagnostics(diags, sources, { format: 'text', color: false })).not.toContain('\u001b[');
    expect(formatDiagnostics(diags, sources, { format: 'text', color: true })).toContain('\u001b[31mSCHEMA_UNKNOWN_KEY\u001b[39m');
  });

  it('counts warnings separately and prints nothing for no diagnostics', () => {
    expect(formatDiagnostics([diags[3]!], sources, { format: 'text', color: false }).trimEnd().split('\n').at(-1)).toBe('1 warning in 1 file');
    expect(formatDiagnostics([], sources, { format: 'text', color: false })).toBe('');
  });

  it('cuts very long lines to a window around the column', () => {
    const long = `key: ${'x'.repeat(300)}BAD${'y'.repeat(300)}`;
    const out = formatDiagnostics([{ code: 'SCHEMA_PATTERN', message: 'bad', file: 'l.yaml', line: 1, col: 306, severity: 'error' }], new Map([['l.yaml', long]]), { format: 'text', color: false });
    const [, excerpt, caret] = out.split('\n');
    expect(excerpt!.length).toBeLessThan(200);
    expect(excerpt![caret!.indexOf('^')]).toBe('B');
  });
});

describe('github', () => {
  it('emits one workflow command per diagnostic, escaping properties and data', () => {
    const weird: Diagnostic = { code: 'SCHEMA', message: '50% of\nthings', file: 'a,b:c.yaml', line: 1, col: 2, severity: 'error' };
    expect(formatDiagnostics([...diags, weird], sources, { format: 'github', color: true })).toMatchInlineSnapshot(`
      "::error file=specs/iris.yaml,line=6,col=9::SCHEMA_UNKNOWN_KEY unknown key "imge" in version; did you mean "image"?
      ::error file=specs/iris.yaml,line=3,col=11::DUPLICATE_GROUP group "iris" is declared more than once (specs/other.yaml:3:11: group "iris" is first declared here)
      ::error file=specs/empty.yaml::EMPTY_FILE the file is empty
      ::warning file=specs/tabs.yaml,line=2,col=2::YAML_WARNING unresolved tag
      ::error file=a%2Cb%3Ac.yaml,line=1,col=2::SCHEMA 50%25 of%0Athings
      "
    `);
  });
});

describe('json', () => {
  it('wraps diagnostics in a versioned envelope', () => {
    const parsed = JSON.parse(formatDiagnostics(diags, sources, { format: 'json', color: true })) as { formatVersion: number; valid: boolean; diagnostics: Diagnostic[] };
    expect(parsed.formatVersion).toBe(1);
    expect(parsed.valid).toBe(false);
    expect(parsed.diagnostics).toEqual(diags);
    expect(JSON.parse(formatDiagnostics([diags[3]!], sources, { format: 'json', color: false }))).toMatchObject({ valid: true });
  });
});
