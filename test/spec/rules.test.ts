/** The semantic rules over the lenient view: schema-invalid files are checked, minus what the schema rejected. */
import { describe, expect, it } from 'vitest';
import { lenientState, type CheckedFile } from '../../src/spec/lenient.js';
import { parseYaml } from '../../src/spec/parse-yaml.js';
import { checkRules } from '../../src/spec/rules.js';
import { validateSchema } from '../../src/spec/validate.js';

const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/m:1';
const ROLE = 'arn:aws:iam::123456789012:role/R';

function checked(file: string, text: string): CheckedFile {
  const parsed = parseYaml(text, file, `/specs/${file}`);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
  const { faults } = validateSchema(parsed.parsed);
  if (!faults) throw new Error('unsupported apiVersion');
  return { parsed: parsed.parsed, faults };
}

function schemaCodes(file: string, text: string): string[] {
  const parsed = parseYaml(text, file, `/specs/${file}`);
  return parsed.ok ? validateSchema(parsed.parsed).diagnostics.map((d) => d.code) : [];
}

const at = (d: { code: string; line?: number; col?: number }): string => `${d.code} ${d.line}:${d.col}`;

describe('rules over schema-invalid files', () => {
  it('ignore malformed items entirely', () => {
    const groups = `apiVersion: reg/v1
groups:
  - description: no name
    versions:
      - { id: 1, image: "${IMAGE}" }
      - { id: 1, image: "${IMAGE}" }
      - { image: "${IMAGE}", customerMetadata: ["reg:id"] }
      - { id: v1, image: "${IMAGE}", customerMetadata: { "reg:id#": x } }
  - name: Bad_Name
    tags: { "aws:cost#center": x }
  - name: Bad_Name
  - name: beer
    versions:
      - { id: v1, image: "${IMAGE}", approval: approved }
      - { id: v2, image: "${IMAGE}", aproval: Approved }
`;
    const endpoints = `apiVersion: reg/v1
endpoints:
  - { name: a, model: { group: nameless, version: v1 }, role: "${ROLE}", instanceTyp: ml.m5.large }
  - { name: b, model: { group: beer, version: latest-approved }, role: "${ROLE}", instanceType: ml.m5.large }
  - { name: c, model: { group: beer, version: v1 }, role: "${ROLE}", instanceType: ml.m5.large, deployment: { strategy: canry, canaryPercent: 10 } }
  - { name: d, model: { group: beer, version: v2 }, role: "${ROLE}", serverless: { memorySizeMB: 2048, maxConcurrency: 5, provisionedConcurrency: 300 } }
  - { name: 7, model: { group: beer, version: v2 }, role: "${ROLE}", instanceType: ml.m5.large, deployment: { strategy: linear, canaryPercent: 10 } }
  - { name: 7, model: 3, role: "${ROLE}", instanceType: ml.m5.large }
`;
    // The schema has something to say about every item above...
    expect(schemaCodes('g.yaml', groups).length).toBeGreaterThanOrEqual(8);
    expect(schemaCodes('e.yaml', endpoints).length).toBeGreaterThanOrEqual(6);
    // ...and the rules nothing more.
    expect(checkRules(lenientState([checked('g.yaml', groups), checked('e.yaml', endpoints)]))).toEqual([]);
  });

  it('still check the usable items next to malformed ones', () => {
    const text = `apiVersion: reg/v1
groups:
  - name: iris
    versions:
      - { id: a, image: "${IMAGE}", imagee: x }
      - { id: a, image: "has a space", customerMetadata: { "reg:id": q } }
      - { id: 5, image: "${IMAGE}" }
endpoints:
  - { name: e, model: { group: irsi, version: a }, role: nope, instanceType: ml.m5.large }
`;
    expect(schemaCodes('s.yaml', text).sort()).toEqual(['SCHEMA_LENGTH', 'SCHEMA_PATTERN', 'SCHEMA_PATTERN', 'SCHEMA_TYPE', 'SCHEMA_UNKNOWN_KEY']);
    expect(checkRules(lenientState([checked('s.yaml', text)])).map(at)).toEqual(['DUPLICATE_VERSION 6:15', 'RESERVED_METADATA_KEY 6:60', 'UNKNOWN_GROUP 9:32']);
  });

  it('stay silent about a reference when an unreadable declaration may be what it means', () => {
    const text = `apiVersion: reg/v1
groups:
  - name: iris
    versions:
      - { id: a, image: "${IMAGE}", approval: Approved }
      - { idd: b, image: "${IMAGE}" }
endpoints:
  - { name: e, model: { group: iris, version: b }, role: "${ROLE}", instanceType: ml.m5.large }
`;
    expect(checkRules(lenientState([checked('s.yaml', text)]))).toEqual([]);
  });
});
