/**
 * What the semantic rules read, taken from every parsed file whether or not it passed the
 * schema, so `reg validate` reports a duplicate id in the same run as a typo next to it.
 * Tolerant: a value is kept only when it is usable (the right type, not rejected by the
 * schema); anything else is left out, and the `...Complete` flags say where that leaves the
 * picture open, so no rule reports a consequence of a mistake the schema already reported.
 * Pure.
 */
import { pointer, type SchemaFaults } from './faults.js';
import { fieldLocations } from './locations.js';
import type { ParsedFile } from './parsed-file.js';
import type { DocPath } from './positions.js';
import { APPROVAL_STATUSES, type ApprovalStatus, type Located } from './types.js';

/** A parsed file with what the schema found wrong in it. */
export interface CheckedFile {
  readonly parsed: ParsedFile;
  readonly faults: SchemaFaults;
}

/**
 * The keys of a tags or customer-metadata mapping. Every key takes a slot, so `all` counts
 * toward the limits; only `sound` keys (which the schema accepts) are checked by name, as a
 * key the schema rejects has its diagnostic already.
 */
export interface KeySet {
  readonly all: readonly string[];
  readonly sound: readonly string[];
}

export interface RuleVersion extends Located {
  /** Undefined when missing, not a string or rejected: such a version takes no part in duplicate checks or lookups. */
  readonly id?: string;
  /** Declared or defaulted; undefined when it cannot be known (rejected, or possibly behind a misspelt key). */
  readonly approval?: ApprovalStatus;
  readonly customerMetadata?: KeySet;
}

export interface RuleGroup extends Located {
  readonly name?: string;
  readonly tags?: KeySet;
  /** The versions that are mappings; each may still lack an id or approval. */
  readonly versions: readonly RuleVersion[];
  /** False when a version could not be read at all, so the group may declare more than `versions` shows. */
  readonly versionsComplete: boolean;
}

export interface RuleEndpoint extends Located {
  readonly name?: string;
  readonly tags?: KeySet;
  readonly model: { readonly group?: string; readonly version?: string };
  /** A key the format does not have, which may be a misspelt capacity key. */
  readonly hasUnknownKey: boolean;
  readonly serverless?: { readonly maxConcurrency?: number; readonly provisionedConcurrency?: number };
  readonly deployment?: { readonly strategy?: string };
}

export interface RuleState {
  readonly groups: readonly RuleGroup[];
  readonly endpoints: readonly RuleEndpoint[];
  /**
   * False when some group's name cannot be read, so "no file declares it" cannot be claimed.
   * A name the schema rejects does not open the set: references follow the same name rule,
   * so no accepted reference can mean it.
   */
  readonly groupNamesComplete: boolean;
}

type Raw = Record<string, unknown>;

function isMapping(v: unknown): v is Raw {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Reads values at paths of one file, refusing what the schema rejected. */
class Reader {
  constructor(
    readonly pf: ParsedFile,
    private readonly faults: SchemaFaults,
  ) {}

  sound(path: DocPath): boolean {
    return !this.faults.values.has(pointer(path));
  }

  text(v: unknown, path: DocPath): string | undefined {
    return typeof v === 'string' && this.sound(path) ? v : undefined;
  }

  number(v: unknown, path: DocPath): number | undefined {
    return typeof v === 'number' && this.sound(path) ? v : undefined;
  }

  keys(v: unknown, path: DocPath): KeySet | undefined {
    if (!isMapping(v)) return undefined;
    const all = Object.keys(v);
    return { all, sound: all.filter((k) => !this.faults.keys.has(pointer([...path, k]))) };
  }

  /** Whether the mapping at `path` holds a key the format does not have. */
  hasUnknownKey(path: DocPath): boolean {
    return this.faults.unknownKeys.has(pointer(path));
  }

  /** Whether `key` is surely absent from the mapping at `path`: a misspelt key could be standing in for it. */
  surelyAbsent(m: Raw, key: string, path: DocPath): boolean {
    return !(key in m) && !this.hasUnknownKey(path);
  }

  /** A list at `key`, [] when surely absent, undefined when unreadable. */
  list(m: Raw, key: string, path: DocPath): readonly unknown[] | undefined {
    const v = m[key];
    if (Array.isArray(v)) return v;
    return this.surelyAbsent(m, key, path) ? [] : undefined;
  }
}

/** An empty list item (`-` and nothing) declares nothing; any other non-mapping may hide a declaration. */
const hidesSomething = (item: unknown): boolean => item !== null && !isMapping(item);

function version(r: Reader, v: Raw, path: DocPath): RuleVersion {
  const declared = r.text(v['approval'], [...path, 'approval']);
  const approval = APPROVAL_STATUSES.find((s) => s === declared) ?? (r.surelyAbsent(v, 'approval', path) ? 'PendingManualApproval' : undefined);
  return {
    id: r.text(v['id'], [...path, 'id']),
    approval,
    customerMetadata: r.keys(v['customerMetadata'], [...path, 'customerMetadata']),
    ...fieldLocations(r.pf, path),
  };
}

function group(r: Reader, g: Raw, path: DocPath): RuleGroup {
  const items = r.list(g, 'versions', path);
  const versions: RuleVersion[] = [];
  (items ?? []).forEach((v, i) => {
    if (isMapping(v)) versions.push(version(r, v, [...path, 'versions', i]));
  });
  return {
    name: r.text(g['name'], [...path, 'name']),
    tags: r.keys(g['tags'], [...path, 'tags']),
    versions,
    versionsComplete: items !== undefined && !items.some(hidesSomething),
    ...fieldLocations(r.pf, path),
  };
}

function endpoint(r: Reader, e: Raw, path: DocPath): RuleEndpoint {
  const model = e['model'];
  const s = e['serverless'];
  const d = e['deployment'];
  const at = (...rest: string[]): DocPath => [...path, ...rest];
  return {
    name: r.text(e['name'], at('name')),
    tags: r.keys(e['tags'], at('tags')),
    model: isMapping(model) ? { group: r.text(model['group'], at('model', 'group')), version: r.text(model['version'], at('model', 'version')) } : {},
    hasUnknownKey: r.hasUnknownKey(path),
    ...(isMapping(s) ? { serverless: { maxConcurrency: r.number(s['maxConcurrency'], at('serverless', 'maxConcurrency')), provisionedConcurrency: r.number(s['provisionedConcurrency'], at('serverless', 'provisionedConcurrency')) } } : {}),
    ...(isMapping(d) ? { deployment: { strategy: r.text(d['strategy'], at('deployment', 'strategy')) } } : {}),
    ...fieldLocations(r.pf, path),
  };
}

/** The rules' view of all files, in file order. Schema-valid files yield every item with every field. */
export function lenientState(files: readonly CheckedFile[]): RuleState {
  const groups: RuleGroup[] = [];
  const endpoints: RuleEndpoint[] = [];
  let groupNamesComplete = true;
  for (const { parsed, faults } of files) {
    const r = new Reader(parsed, faults);
    const rawGroups = r.list(parsed.value, 'groups', []);
    if (rawGroups === undefined || rawGroups.some(hidesSomething)) groupNamesComplete = false;
    (rawGroups ?? []).forEach((g, i) => {
      if (!isMapping(g)) return;
      // Only a missing or non-string name hides which group this is; see groupNamesComplete.
      if (typeof g['name'] !== 'string') groupNamesComplete = false;
      groups.push(group(r, g, ['groups', i]));
    });
    const rawEndpoints = parsed.value['endpoints'];
    (Array.isArray(rawEndpoints) ? rawEndpoints : []).forEach((e, i) => {
      if (isMapping(e)) endpoints.push(endpoint(r, e, ['endpoints', i]));
    });
  }
  return { groups, endpoints, groupNamesComplete };
}
