/**
 * Schema-valid spec files → the merged DesiredState: defaults filled in, metric shorthands
 * expanded, policy files read and parsed, every item carrying its source location.
 * Pure apart from the injected policy reader.
 */
import path from 'node:path';
import type { Diagnostic } from './diagnostic.js';
import { fieldLocations, locAt } from './locations.js';
import type { ParsedFile } from './parsed-file.js';
import { readPolicyFile, type PolicyReader } from './read-policy.js';
import type {
  ApprovalStatus,
  DeploymentPolicy,
  DesiredEndpoint,
  DesiredGroup,
  DesiredMetrics,
  DesiredState,
  DesiredVersion,
  MetricsSource,
  ServerlessCapacity,
  SourceMetadata,
} from './types.js';

/** SageMaker's limit on a group's ResourcePolicy, in characters of JSON. */
export const MAX_POLICY_CHARS = 20480;

/** The content type an `s3://` metrics shorthand stands for. */
export const DEFAULT_METRICS_CONTENT_TYPE = 'application/json';

// Shapes of schema-valid input (see schemas/registry.schema.json); only what is read here.
type Raw = Record<string, unknown>;
type RawMetric = string | { s3Uri: string; contentType?: string; contentDigest?: string };

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function strMap(v: unknown): Record<string, string> {
  return v && typeof v === 'object' ? { ...(v as Record<string, string>) } : {};
}

function strList(v: unknown): string[] {
  return Array.isArray(v) ? [...(v as string[])] : [];
}

/** Copies only the keys that are present, so absent fields stay absent (not `undefined`). */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function metricSource(v: RawMetric | undefined): MetricsSource | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return { s3Uri: v, contentType: DEFAULT_METRICS_CONTENT_TYPE };
  return defined({ s3Uri: v.s3Uri, contentType: v.contentType ?? DEFAULT_METRICS_CONTENT_TYPE, contentDigest: v.contentDigest });
}

function metricGroup<K extends string>(v: unknown, keys: readonly K[]): Partial<Record<K, MetricsSource>> | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const out: Partial<Record<K, MetricsSource>> = {};
  for (const k of keys) {
    const m = metricSource((v as Record<string, RawMetric | undefined>)[k]);
    if (m) out[k] = m;
  }
  // An empty report group says nothing; leave it out rather than send an empty object.
  return Object.keys(out).length > 0 ? out : undefined;
}

function metrics(v: unknown): DesiredMetrics | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const m = v as Raw;
  const out: DesiredMetrics = defined({
    modelQuality: metricGroup(m['modelQuality'], ['statistics', 'constraints'] as const),
    modelDataQuality: metricGroup(m['modelDataQuality'], ['statistics', 'constraints'] as const),
    bias: metricGroup(m['bias'], ['report', 'preTrainingReport', 'postTrainingReport'] as const),
    explainability: metricGroup(m['explainability'], ['report'] as const),
  });
  return Object.keys(out).length > 0 ? out : undefined;
}

function source(v: unknown): SourceMetadata | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const s = v as Raw;
  const out: SourceMetadata = defined({ commitId: str(s['commitId']), repository: str(s['repository']), generatedBy: str(s['generatedBy']), projectId: str(s['projectId']) });
  return Object.keys(out).length > 0 ? out : undefined;
}

function jsonErrorPosition(message: string, text: string): number | undefined {
  const m = /at position (\d+)/.exec(message);
  if (m) return Number(m[1]);
  return /end of JSON input/i.test(message) ? text.length : undefined;
}

function lineColAt(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: (before[before.length - 1]?.length ?? 0) + 1 };
}

interface PolicyContext {
  readonly pf: ParsedFile;
  readonly base: (string | number)[];
  readonly readPolicy: PolicyReader;
  readonly diagnostics: Diagnostic[];
  readonly sources: Map<string, string>;
}

/** The group's policy as parsed JSON, or undefined after recording why it cannot be used. */
function policy(raw: unknown, ctx: PolicyContext): unknown {
  if (raw === undefined) return undefined;
  const keyLoc = locAt(ctx.pf, [...ctx.base, 'policy'], 'key');
  const at = { file: keyLoc.file, line: keyLoc.line, col: keyLoc.col, instancePath: `/${ctx.base.join('/')}/policy`, severity: 'error' as const };
  let parsed: unknown = raw;
  if (typeof raw === 'string') {
    const abs = path.resolve(path.dirname(ctx.pf.absPath), raw);
    const shown = path.isAbsolute(raw) ? raw : path.posix.normalize(`${path.posix.dirname(ctx.pf.file)}/${raw.split(path.sep).join('/')}`);
    const read = ctx.readPolicy(abs);
    if (read.kind === 'missing') {
      ctx.diagnostics.push({ ...at, code: 'POLICY_NOT_FOUND', message: `policy file ${shown} does not exist (paths are relative to this spec file)` });
      return undefined;
    }
    if (read.kind === 'unreadable') {
      ctx.diagnostics.push({ ...at, code: 'POLICY_NOT_FOUND', message: `cannot read policy file ${shown}: ${read.reason}` });
      return undefined;
    }
    if (read.kind === 'too-large') {
      ctx.diagnostics.push({ ...at, code: 'POLICY_TOO_LARGE', message: `policy file ${shown} is ${read.bytes} bytes; SageMaker accepts at most ${MAX_POLICY_CHARS} characters` });
      return undefined;
    }
    try {
      parsed = JSON.parse(read.text);
    } catch (e) {
      const raw = (e instanceof Error ? e.message : String(e)).replace(/ \(line \d+ column \d+\)$/, '');
      const pos = jsonErrorPosition(raw, read.text);
      const reason = raw.replace(/ in JSON at position \d+$/, '');
      ctx.sources.set(shown, read.text);
      const related = pos === undefined ? [] : [{ file: shown, ...lineColAt(read.text, pos), message: 'the JSON error is here' }];
      ctx.diagnostics.push({ ...at, code: 'POLICY_INVALID_JSON', message: `policy file ${shown} is not valid JSON: ${reason}`, related });
      return undefined;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      ctx.diagnostics.push({ ...at, code: 'POLICY_INVALID_JSON', message: `policy file ${shown} must hold a JSON object (a policy document)` });
      return undefined;
    }
  }
  const size = JSON.stringify(parsed).length;
  if (size > MAX_POLICY_CHARS) {
    ctx.diagnostics.push({ ...at, code: 'POLICY_TOO_LARGE', message: `the policy is ${size} characters as JSON; SageMaker accepts at most ${MAX_POLICY_CHARS}` });
    return undefined;
  }
  return parsed;
}

function version(pf: ParsedFile, base: (string | number)[], v: Raw, group: string): DesiredVersion {
  return defined({
    id: v['id'] as string,
    group,
    description: str(v['description']),
    image: v['image'] as string,
    imageDigest: str(v['imageDigest']),
    modelDataUrl: str(v['modelDataUrl']),
    environment: strMap(v['environment']),
    framework: str(v['framework']),
    frameworkVersion: str(v['frameworkVersion']),
    contentTypes: strList(v['contentTypes']),
    responseTypes: strList(v['responseTypes']),
    realtimeInstanceTypes: strList(v['realtimeInstanceTypes']),
    transformInstanceTypes: strList(v['transformInstanceTypes']),
    metrics: metrics(v['metrics']),
    source: source(v['source']),
    customerMetadata: strMap(v['customerMetadata']),
    approval: (str(v['approval']) ?? 'PendingManualApproval') as ApprovalStatus,
    approvalDescription: str(v['approvalDescription']),
    ...fieldLocations(pf, base),
  });
}

function endpoint(pf: ParsedFile, base: (string | number)[], e: Raw): DesiredEndpoint {
  const model = e['model'] as { group: string; version: string };
  const s = e['serverless'] as Raw | undefined;
  const serverless: ServerlessCapacity | undefined = s
    ? defined({ memorySizeMB: s['memorySizeMB'] as number, maxConcurrency: s['maxConcurrency'] as number, provisionedConcurrency: s['provisionedConcurrency'] as number | undefined })
    : undefined;
  const d = e['deployment'] as Raw | undefined;
  const deployment: DeploymentPolicy | undefined = d
    ? defined({
        strategy: d['strategy'] as DeploymentPolicy['strategy'],
        canaryPercent: d['canaryPercent'] as number | undefined,
        linearStepPercent: d['linearStepPercent'] as number | undefined,
        maxBatchPercent: d['maxBatchPercent'] as number | undefined,
        waitSeconds: d['waitSeconds'] as number | undefined,
        rollbackAlarms: strList(d['rollbackAlarms']),
      })
    : undefined;
  const instanceType = str(e['instanceType']);
  return defined({
    name: e['name'] as string,
    model: { group: model.group, version: model.version },
    role: e['role'] as string,
    instanceType,
    // The count defaults only for instance-backed endpoints; serverless has none.
    instanceCount: (e['instanceCount'] as number | undefined) ?? (instanceType !== undefined ? 1 : undefined),
    serverless,
    deployment,
    tags: strMap(e['tags']),
    ...fieldLocations(pf, base),
  });
}

/** Builds the merged desired state from schema-valid files, in file order. */
export function normalize(
  files: readonly ParsedFile[],
  options: { readPolicy?: PolicyReader; sources?: Map<string, string> } = {},
): { state: DesiredState; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const sources = options.sources ?? new Map<string, string>();
  const readPolicy = options.readPolicy ?? readPolicyFile;
  const groups: DesiredGroup[] = [];
  const endpoints: DesiredEndpoint[] = [];
  for (const pf of files) {
    const rawGroups = (pf.value['groups'] as Raw[] | undefined) ?? [];
    rawGroups.forEach((g, gi) => {
      const base = ['groups', gi];
      const name = g['name'] as string;
      const rawVersions = (g['versions'] as Raw[] | undefined) ?? [];
      groups.push(
        defined({
          name,
          description: str(g['description']),
          tags: strMap(g['tags']),
          policy: policy(g['policy'], { pf, base, readPolicy, diagnostics, sources }),
          versions: rawVersions.map((v, vi) => version(pf, [...base, 'versions', vi], v, name)),
          ...fieldLocations(pf, base),
        }),
      );
    });
    const rawEndpoints = (pf.value['endpoints'] as Raw[] | undefined) ?? [];
    rawEndpoints.forEach((e, ei) => endpoints.push(endpoint(pf, ['endpoints', ei], e)));
  }
  return { state: { groups, endpoints, files: files.map((f) => f.file) }, diagnostics };
}
