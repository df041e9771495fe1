/**
 * The in-memory registry. Every record lives in a keyed collection; every write goes through
 * put/remove so persistence sees one change record per write and sorted views can tell when
 * they are stale. Keys are lowercased names because SageMaker lowercases names in ARNs, so two
 * names differing only in case would collide anyway.
 */

/** A key/value tag as SageMaker returns it. */
export interface Tag {
  Key: string;
  Value: string;
}

/** A model package group. */
export interface GroupRec {
  name: string;
  arn: string;
  description?: string;
  createdMs: number;
  /** When Pending turns Completed; status is computed on read from this. */
  readyAtMs: number;
  tags: Tag[];
  policy?: string;
  /** Next version number; never decreases, so deleted numbers are never reused. */
  nextVersion: number;
}

/** A versioned model package: server fields plus every create field the caller sent. */
export interface VersionRec {
  groupKey: string;
  version: number;
  arn: string;
  createdMs: number;
  modifiedMs: number;
  readyAtMs: number;
  /** Create/update members as sent (PascalCase), minus ClientToken, Tags and the group name. */
  fields: Record<string, unknown>;
}

/** A SageMaker Model, endpoint config or endpoint body as created. */
export interface DeployRec {
  name: string;
  arn: string;
  createdMs: number;
  tags: Tag[];
  body: Record<string, unknown>;
}

/** An in-flight endpoint create or update; settled lazily once `untilMs` has passed. */
export interface EndpointTransition {
  kind: 'Creating' | 'Updating';
  configName: string;
  startMs: number;
  untilMs: number;
  outcome: 'ok' | 'fail' | 'rollback';
}

/** An endpoint and its deployment state. */
export interface EndpointRec extends DeployRec {
  modifiedMs: number;
  configName: string;
  status: 'Creating' | 'Updating' | 'InService' | 'Failed';
  failureReason?: string;
  pending?: EndpointTransition;
}

/** Everything the server stores, by collection. */
export interface Collections {
  groups: GroupRec;
  versions: VersionRec;
  tokens: string;
  models: DeployRec;
  endpointConfigs: DeployRec;
  endpoints: EndpointRec;
}

export type CollectionName = keyof Collections;
export const COLLECTIONS: readonly CollectionName[] = ['groups', 'versions', 'tokens', 'models', 'endpointConfigs', 'endpoints'];

/** One write: the new value of a key, or null when it was removed. */
export interface Change {
  c: CollectionName;
  id: string;
  v: unknown;
}

/** The key of a version: `<lowercased group>/<n>`. */
export function versionKey(groupKey: string, version: number): string {
  return `${groupKey}/${version}`;
}

/** The registry's state plus the bookkeeping that keeps reads fast. */
export class Store {
  private readonly maps: { [K in CollectionName]: Map<string, Collections[K]> } = {
    groups: new Map(),
    versions: new Map(),
    tokens: new Map(),
    models: new Map(),
    endpointConfigs: new Map(),
    endpoints: new Map(),
  };
  /**
   * Versions per group, in version-number order (numbers only grow, so insertion order), and
   * the versions revision of the group's last change.
   */
  private readonly byGroup = new Map<string, { max: number; rev: number; versions: Map<number, VersionRec> }>();
  private readonly revisions = new Map<CollectionName, number>();
  /** Called for every write; persistence journals it. */
  onChange: ((change: Change) => void) | undefined;

  get<K extends CollectionName>(c: K, id: string): Collections[K] | undefined {
    return this.maps[c].get(id) as Collections[K] | undefined;
  }

  all<K extends CollectionName>(c: K): IterableIterator<Collections[K]> {
    return this.maps[c].values() as IterableIterator<Collections[K]>;
  }

  entries<K extends CollectionName>(c: K): IterableIterator<[string, Collections[K]]> {
    return this.maps[c].entries() as IterableIterator<[string, Collections[K]]>;
  }

  size(c: CollectionName): number {
    return this.maps[c].size;
  }

  /** Bumped on every write to the collection; sorted views rebuild when it moves. */
  revision(c: CollectionName): number {
    return this.revisions.get(c) ?? 0;
  }

  /**
   * Marks a collection changed without journaling: for lazily computed transitions (an endpoint
   * reaching InService) that are a pure function of stored timestamps and replay the same way.
   */
  touch(c: CollectionName): void {
    const rev = this.revision(c) + 1;
    this.revisions.set(c, rev);
    if (c === 'versions') for (const index of this.byGroup.values()) index.rev = rev;
  }

  /**
   * The versions revision at the last write to one group's versions: it moves when, and only
   * when, that group's versions change, and never repeats, so per-group views can be cached
   * across writes to other groups.
   */
  groupRevision(groupKey: string): number {
    return this.byGroup.get(groupKey)?.rev ?? 0;
  }

  /** The versions of one group, ordered by number. */
  groupVersions(groupKey: string): ReadonlyMap<number, VersionRec> {
    return this.byGroup.get(groupKey)?.versions ?? new Map();
  }

  put<K extends CollectionName>(c: K, id: string, value: Collections[K]): void {
    this.apply(c, id, value);
    this.onChange?.({ c, id, v: value });
  }

  remove(c: CollectionName, id: string): void {
    this.apply(c, id, null);
    this.onChange?.({ c, id, v: null });
  }

  /** Applies a change without reporting it (used when replaying a journal). */
  apply(c: CollectionName, id: string, value: unknown): void {
    const map = this.maps[c] as Map<string, unknown>;
    const rev = this.revision(c) + 1;
    if (c === 'versions') this.indexVersion(id, value as VersionRec | null, rev);
    if (value === null) map.delete(id);
    else map.set(id, value);
    this.revisions.set(c, rev);
  }

  /** Drops everything (POST /_reg/reset); reported as removals so the journal agrees. */
  clear(): void {
    for (const c of COLLECTIONS) for (const id of [...this.maps[c].keys()]) this.remove(c, id);
  }

  private indexVersion(id: string, value: VersionRec | null, rev: number): void {
    const old = this.maps.versions.get(id);
    if (old) {
      const oldIndex = this.byGroup.get(old.groupKey);
      if (oldIndex) oldIndex.rev = rev;
    }
    if (value === null) {
      if (old) this.byGroup.get(old.groupKey)?.versions.delete(old.version);
      return;
    }
    let index = this.byGroup.get(value.groupKey);
    if (!index) {
      index = { max: 0, rev, versions: new Map() };
      this.byGroup.set(value.groupKey, index);
    }
    index.rev = rev;
    const inOrder = value.version > index.max || index.versions.has(value.version);
    index.versions.set(value.version, value);
    index.max = Math.max(index.max, value.version);
    // Only a journal replayed out of order lands here; restore number order for paging.
    if (!inOrder) {
      const sorted = [...index.versions.entries()].sort((a, b) => a[0] - b[0]);
      index.versions = new Map(sorted);
    }
  }
}
