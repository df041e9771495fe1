/**
 * Semantic rules over the whole merged desired state: what the schema cannot see because it
 * spans items or files, or needs counting. Pure; each rule appends diagnostics.
 */
import type { Diagnostic, DiagnosticCode } from './diagnostic.js';
import { suggest } from './suggest.js';
import { MAX_CUSTOMER_METADATA, RESERVED_METADATA_COUNT, RESERVED_METADATA_PREFIX, type DesiredEndpoint, type DesiredGroup, type DesiredState, type SourceLocation } from './types.js';

/** SageMaker's limit on tags per resource (`aws:` tags, which users cannot set, are outside it). */
export const MAX_TAGS = 50;

/** The endpoint model reference meaning "the last declared Approved version of the group". */
export const LATEST_APPROVED = 'latest-approved';

/** How many customer-metadata keys a user may declare: SageMaker's 50 minus what reg keeps. */
export const MAX_USER_METADATA = MAX_CUSTOMER_METADATA - RESERVED_METADATA_COUNT;

interface Located {
  readonly loc: SourceLocation;
  readonly fieldLocs: Readonly<Record<string, SourceLocation>>;
  readonly keyLocs?: Readonly<Record<string, SourceLocation>>;
}

const valueLoc = (item: Located, field: string): SourceLocation => item.fieldLocs[field] ?? item.loc;
const keyLoc = (item: Located, field: string): SourceLocation => item.keyLocs?.[field] ?? valueLoc(item, field);

type Emit = (code: DiagnosticCode, at: SourceLocation, message: string, related?: Diagnostic['related']) => void;

function note(at: SourceLocation, message: string): NonNullable<Diagnostic['related']>[number] {
  return { file: at.file, line: at.line, col: at.col, message };
}

function duplicates<T extends Located>(items: readonly T[], keyOf: (t: T) => string, field: string, code: DiagnosticCode, label: (key: string) => string, emit: Emit): void {
  const first = new Map<string, T>();
  for (const item of items) {
    const key = keyOf(item);
    const prior = first.get(key);
    if (prior === undefined) {
      first.set(key, item);
      continue;
    }
    emit(code, valueLoc(item, field), `${label(key)} is declared more than once`, [note(valueLoc(prior, field), `${label(key)} is first declared here`)]);
  }
}

function tagRules(item: Located & { readonly tags: Readonly<Record<string, string>> }, owner: string, emit: Emit): void {
  const keys = Object.keys(item.tags);
  for (const k of keys) {
    if (k.toLowerCase().startsWith('aws:')) emit('RESERVED_TAG_KEY', keyLoc(item, `tags.${k}`), `tag key "${k}" on ${owner}: keys starting with "aws:" are reserved by AWS`);
  }
  if (keys.length > MAX_TAGS) emit('TOO_MANY_TAGS', keyLoc(item, 'tags'), `${owner} has ${keys.length} tags; AWS allows at most ${MAX_TAGS}`);
}

function groupRules(g: DesiredGroup, emit: Emit): void {
  tagRules(g, `group "${g.name}"`, emit);
  duplicates(g.versions, (v) => v.id, 'id', 'DUPLICATE_VERSION', (id) => `version "${id}" of group "${g.name}"`, emit);
  for (const v of g.versions) {
    if (v.id === LATEST_APPROVED) emit('RESERVED_VERSION_ID', valueLoc(v, 'id'), `"${LATEST_APPROVED}" cannot be a version id: endpoints use it to mean the last Approved version`);
    const keys = Object.keys(v.customerMetadata);
    for (const k of keys) {
      if (k.startsWith(RESERVED_METADATA_PREFIX)) {
        emit('RESERVED_METADATA_KEY', keyLoc(v, `customerMetadata.${k}`), `customer metadata key "${k}": keys starting with "${RESERVED_METADATA_PREFIX}" are reserved for reg's own bookkeeping`);
      }
    }
    if (keys.length > MAX_USER_METADATA) {
      emit('TOO_MANY_METADATA', keyLoc(v, 'customerMetadata'), `version "${v.id}" has ${keys.length} customer metadata keys; at most ${MAX_USER_METADATA} (SageMaker allows ${MAX_CUSTOMER_METADATA}, reg keeps ${RESERVED_METADATA_COUNT})`);
    }
  }
}

function modelRefRules(e: DesiredEndpoint, groups: ReadonlyMap<string, DesiredGroup>, emit: Emit): void {
  const group = groups.get(e.model.group);
  if (!group) {
    const guess = suggest(e.model.group, [...groups.keys()]);
    emit('UNKNOWN_GROUP', valueLoc(e, 'model.group'), `endpoint "${e.name}" serves group "${e.model.group}", which no spec file declares${guess ? `; did you mean "${guess}"?` : ''}`);
    return;
  }
  if (e.model.version === LATEST_APPROVED) {
    if (!group.versions.some((v) => v.approval === 'Approved')) {
      emit('NO_APPROVED_VERSION', valueLoc(e, 'model.version'), `group "${group.name}" declares no Approved version, so "${LATEST_APPROVED}" has nothing to serve`, [note(valueLoc(group, 'name'), `group "${group.name}" is declared here`)]);
    }
    return;
  }
  const version = group.versions.find((v) => v.id === e.model.version);
  if (!version) {
    const guess = suggest(e.model.version, group.versions.map((v) => v.id));
    emit('UNKNOWN_VERSION', valueLoc(e, 'model.version'), `group "${group.name}" declares no version "${e.model.version}"${guess ? `; did you mean "${guess}"?` : ''}`, [note(valueLoc(group, 'name'), `group "${group.name}" is declared here`)]);
    return;
  }
  if (version.approval !== 'Approved') {
    emit('VERSION_NOT_APPROVED', valueLoc(e, 'model.version'), `version "${version.id}" of group "${group.name}" is ${version.approval}; SageMaker deploys only Approved versions`, [note(valueLoc(version, version.fieldLocs['approval'] ? 'approval' : 'id'), `its approval status is set here`)]);
  }
}

const STRATEGY_OPTION: Readonly<Record<string, string>> = { canaryPercent: 'canary', linearStepPercent: 'linear', maxBatchPercent: 'rolling' };

function capacityRules(e: DesiredEndpoint, emit: Emit): void {
  const declared = (k: string): boolean => e.fieldLocs[k] !== undefined;
  if (declared('serverless') && declared('instanceType')) {
    emit('ENDPOINT_CAPACITY', keyLoc(e, 'serverless'), `endpoint "${e.name}" sets both instanceType and serverless; choose one`);
  } else if (declared('serverless') && declared('instanceCount')) {
    emit('ENDPOINT_CAPACITY', keyLoc(e, 'instanceCount'), `endpoint "${e.name}" is serverless; instanceCount applies only with instanceType`);
  } else if (!declared('serverless') && !declared('instanceType')) {
    emit('ENDPOINT_CAPACITY', e.loc, `endpoint "${e.name}" needs capacity: set instanceType (and instanceCount) or serverless`);
  }
  const s = e.serverless;
  if (s?.provisionedConcurrency !== undefined && s.provisionedConcurrency > s.maxConcurrency) {
    emit('ENDPOINT_CAPACITY', valueLoc(e, 'serverless.provisionedConcurrency'), `provisionedConcurrency (${s.provisionedConcurrency}) cannot exceed maxConcurrency (${s.maxConcurrency})`);
  }
  const d = e.deployment;
  if (d) {
    for (const [option, strategy] of Object.entries(STRATEGY_OPTION)) {
      if (d[option as keyof typeof d] !== undefined && d.strategy !== strategy) {
        emit('DEPLOYMENT_OPTION', keyLoc(e, `deployment.${option}`), `${option} applies only to strategy ${strategy}, not ${d.strategy}`);
      }
    }
  }
}

/** Runs every semantic rule; diagnostics come in declaration order. */
export function checkRules(state: DesiredState): Diagnostic[] {
  const out: Diagnostic[] = [];
  const emit: Emit = (code, at, message, related) => {
    out.push({ code, message, file: at.file, line: at.line, col: at.col, severity: 'error', ...(related && related.length > 0 ? { related } : {}) });
  };
  duplicates(state.groups, (g) => g.name, 'name', 'DUPLICATE_GROUP', (name) => `group "${name}"`, emit);
  duplicates(state.endpoints, (e) => e.name, 'name', 'DUPLICATE_ENDPOINT', (name) => `endpoint "${name}"`, emit);
  for (const g of state.groups) groupRules(g, emit);
  // With duplicate groups the first declaration wins, matching the DUPLICATE_GROUP note.
  const groups = new Map<string, DesiredGroup>();
  for (const g of state.groups) if (!groups.has(g.name)) groups.set(g.name, g);
  for (const e of state.endpoints) {
    tagRules(e, `endpoint "${e.name}"`, emit);
    modelRefRules(e, groups, emit);
    capacityRules(e, emit);
  }
  return out;
}
