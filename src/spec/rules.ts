/**
 * Semantic rules over all files together: what the schema cannot see because it spans items
 * or files, or needs counting. They run over the lenient view, so files that failed the
 * schema are checked too; a value the view left out (malformed, already reported) is simply
 * not checked, and a rule that needs the whole picture stays silent where it is open.
 * Pure; each rule appends diagnostics.
 */
import type { Diagnostic, DiagnosticCode } from './diagnostic.js';
import type { KeySet, RuleEndpoint, RuleGroup, RuleState } from './lenient.js';
import { suggest } from './suggest.js';
import { MAX_CUSTOMER_METADATA, RESERVED_METADATA_COUNT, RESERVED_METADATA_PREFIX, type Located, type SourceLocation } from './types.js';

/** SageMaker's limit on tags per resource (`aws:` tags, which users cannot set, are outside it). */
export const MAX_TAGS = 50;

/** The endpoint model reference meaning "the last declared Approved version of the group". */
export const LATEST_APPROVED = 'latest-approved';

/** How many customer-metadata keys a user may declare: SageMaker's 50 minus what reg keeps. */
export const MAX_USER_METADATA = MAX_CUSTOMER_METADATA - RESERVED_METADATA_COUNT;

const valueLoc = (item: Located, field: string): SourceLocation => item.fieldLocs[field] ?? item.loc;
const keyLoc = (item: Located, field: string): SourceLocation => item.keyLocs?.[field] ?? valueLoc(item, field);

type Emit = (code: DiagnosticCode, at: SourceLocation, message: string, related?: Diagnostic['related']) => void;

function note(at: SourceLocation, message: string): NonNullable<Diagnostic['related']>[number] {
  return { file: at.file, line: at.line, col: at.col, message };
}

/** How a message names an item: by its name, or by where it is when the name is unusable. */
function label(kind: string, name: string | undefined, item: Located): string {
  return name !== undefined ? `${kind} "${name}"` : `the ${kind} at line ${item.loc.line}`;
}

/** Items without a usable key cannot be told apart, so they take no part. */
function duplicates<T extends Located>(items: readonly T[], keyOf: (t: T) => string | undefined, field: string, code: DiagnosticCode, label: (key: string) => string, emit: Emit): void {
  const first = new Map<string, T>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const prior = first.get(key);
    if (prior === undefined) {
      first.set(key, item);
      continue;
    }
    emit(code, valueLoc(item, field), `${label(key)} is declared more than once`, [note(valueLoc(prior, field), `${label(key)} is first declared here`)]);
  }
}

function tagRules(item: Located & { readonly tags?: KeySet }, owner: string, emit: Emit): void {
  if (!item.tags) return;
  for (const k of item.tags.sound) {
    if (k.toLowerCase().startsWith('aws:')) emit('RESERVED_TAG_KEY', keyLoc(item, `tags.${k}`), `tag key "${k}" on ${owner}: keys starting with "aws:" are reserved by AWS`);
  }
  // Every key takes one of AWS's slots, however it is spelt.
  const count = item.tags.all.length;
  if (count > MAX_TAGS) emit('TOO_MANY_TAGS', keyLoc(item, 'tags'), `${owner} has ${count} tags; AWS allows at most ${MAX_TAGS}`);
}

function groupRules(g: RuleGroup, emit: Emit): void {
  const owner = label('group', g.name, g);
  tagRules(g, owner, emit);
  duplicates(g.versions, (v) => v.id, 'id', 'DUPLICATE_VERSION', (id) => `version "${id}" of ${owner}`, emit);
  for (const v of g.versions) {
    if (v.id === LATEST_APPROVED) emit('RESERVED_VERSION_ID', valueLoc(v, 'id'), `"${LATEST_APPROVED}" cannot be a version id: endpoints use it to mean the last Approved version`);
    if (!v.customerMetadata) continue;
    for (const k of v.customerMetadata.sound) {
      if (k.startsWith(RESERVED_METADATA_PREFIX)) {
        emit('RESERVED_METADATA_KEY', keyLoc(v, `customerMetadata.${k}`), `customer metadata key "${k}": keys starting with "${RESERVED_METADATA_PREFIX}" are reserved for reg's own bookkeeping`);
      }
    }
    const count = v.customerMetadata.all.length;
    if (count > MAX_USER_METADATA) {
      emit('TOO_MANY_METADATA', keyLoc(v, 'customerMetadata'), `${label('version', v.id, v)} has ${count} customer metadata keys; at most ${MAX_USER_METADATA} (SageMaker allows ${MAX_CUSTOMER_METADATA}, reg keeps ${RESERVED_METADATA_COUNT})`);
    }
  }
}

function modelRefRules(e: RuleEndpoint, state: RuleState, groups: ReadonlyMap<string, RuleGroup>, emit: Emit): void {
  const ref = e.model;
  if (ref.group === undefined) return;
  const group = groups.get(ref.group);
  if (!group) {
    // A group whose name cannot be read might be this one.
    if (!state.groupNamesComplete) return;
    const guess = suggest(ref.group, [...groups.keys()]);
    emit('UNKNOWN_GROUP', valueLoc(e, 'model.group'), `${label('endpoint', e.name, e)} serves group "${ref.group}", which no spec file declares${guess ? `; did you mean "${guess}"?` : ''}`);
    return;
  }
  if (ref.version === undefined) return;
  const groupNote = note(valueLoc(group, 'name'), `group "${ref.group}" is declared here`);
  if (ref.version === LATEST_APPROVED) {
    // Silent while a version's status is unknown: it may be the Approved one.
    const known = group.versionsComplete && group.versions.every((v) => v.approval !== undefined);
    if (known && !group.versions.some((v) => v.approval === 'Approved')) {
      emit('NO_APPROVED_VERSION', valueLoc(e, 'model.version'), `group "${ref.group}" declares no Approved version, so "${LATEST_APPROVED}" has nothing to serve`, [groupNote]);
    }
    return;
  }
  const version = group.versions.find((v) => v.id === ref.version);
  if (!version) {
    // Silent while a version's id is unknown: it may be this one.
    if (!group.versionsComplete || group.versions.some((v) => v.id === undefined)) return;
    const guess = suggest(ref.version, group.versions.flatMap((v) => (v.id === undefined ? [] : [v.id])));
    emit('UNKNOWN_VERSION', valueLoc(e, 'model.version'), `group "${ref.group}" declares no version "${ref.version}"${guess ? `; did you mean "${guess}"?` : ''}`, [groupNote]);
    return;
  }
  if (version.approval !== undefined && version.approval !== 'Approved') {
    emit('VERSION_NOT_APPROVED', valueLoc(e, 'model.version'), `version "${ref.version}" of group "${ref.group}" is ${version.approval}; SageMaker deploys only Approved versions`, [note(valueLoc(version, version.fieldLocs['approval'] ? 'approval' : 'id'), `its approval status is set here`)]);
  }
}

const STRATEGY_OPTION: Readonly<Record<string, string>> = { canaryPercent: 'canary', linearStepPercent: 'linear', maxBatchPercent: 'rolling' };

function capacityRules(e: RuleEndpoint, emit: Emit): void {
  const declared = (k: string): boolean => e.fieldLocs[k] !== undefined;
  const name = label('endpoint', e.name, e);
  if (declared('serverless') && declared('instanceType')) {
    emit('ENDPOINT_CAPACITY', keyLoc(e, 'serverless'), `${name} sets both instanceType and serverless; choose one`);
  } else if (declared('serverless') && declared('instanceCount')) {
    emit('ENDPOINT_CAPACITY', keyLoc(e, 'instanceCount'), `${name} is serverless; instanceCount applies only with instanceType`);
  } else if (!declared('serverless') && !declared('instanceType') && !e.hasUnknownKey) {
    // With an unknown key (already reported) the capacity may be there, misspelt.
    emit('ENDPOINT_CAPACITY', e.loc, `${name} needs capacity: set instanceType (and instanceCount) or serverless`);
  }
  const s = e.serverless;
  if (s?.provisionedConcurrency !== undefined && s.maxConcurrency !== undefined && s.provisionedConcurrency > s.maxConcurrency) {
    emit('ENDPOINT_CAPACITY', valueLoc(e, 'serverless.provisionedConcurrency'), `provisionedConcurrency (${s.provisionedConcurrency}) cannot exceed maxConcurrency (${s.maxConcurrency})`);
  }
  const strategy = e.deployment?.strategy;
  if (strategy === undefined) return;
  const ownOption = Object.keys(STRATEGY_OPTION).find((o) => STRATEGY_OPTION[o] === strategy);
  // The schema already says the strategy lacks its option; a stray other option next to it
  // is most likely that same mistake (wrong strategy, or the option under the wrong name).
  if (ownOption !== undefined && !declared(`deployment.${ownOption}`)) return;
  for (const [option, optionStrategy] of Object.entries(STRATEGY_OPTION)) {
    if (declared(`deployment.${option}`) && strategy !== optionStrategy) {
      emit('DEPLOYMENT_OPTION', keyLoc(e, `deployment.${option}`), `${option} applies only to strategy ${optionStrategy}, not ${strategy}`);
    }
  }
}

/** Runs every semantic rule; diagnostics come in declaration order. */
export function checkRules(state: RuleState): Diagnostic[] {
  const out: Diagnostic[] = [];
  const emit: Emit = (code, at, message, related) => {
    out.push({ code, message, file: at.file, line: at.line, col: at.col, severity: 'error', ...(related && related.length > 0 ? { related } : {}) });
  };
  duplicates(state.groups, (g) => g.name, 'name', 'DUPLICATE_GROUP', (name) => `group "${name}"`, emit);
  duplicates(state.endpoints, (e) => e.name, 'name', 'DUPLICATE_ENDPOINT', (name) => `endpoint "${name}"`, emit);
  for (const g of state.groups) groupRules(g, emit);
  // With duplicate groups the first declaration wins, matching the DUPLICATE_GROUP note.
  const groups = new Map<string, RuleGroup>();
  for (const g of state.groups) if (g.name !== undefined && !groups.has(g.name)) groups.set(g.name, g);
  for (const e of state.endpoints) {
    tagRules(e, label('endpoint', e.name, e), emit);
    modelRefRules(e, state, groups, emit);
    capacityRules(e, emit);
  }
  return out;
}
