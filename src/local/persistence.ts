/**
 * Durable state: a JSON snapshot plus an append-only journal beside it (`<file>.journal`).
 *
 * - Every store write becomes one journal line. Writes made while a flush is running are batched
 *   into the next one (group commit): one append + fdatasync per batch, not per call, and never a
 *   full rewrite per call. A response is sent only after its batch is synced, so an acknowledged
 *   write survives a killed process.
 * - The snapshot is replaced atomically (temp file, fsync, rename, fsync of the directory) at
 *   load when a journal was replayed, at stop, and when the journal grows past a threshold.
 *   Replaying a journal over a snapshot that already contains it is harmless: lines hold whole
 *   values, not deltas.
 * - A torn last journal line (the process died mid-append) was never acknowledged and is dropped.
 *   Anything else unreadable is STATE_FILE_CORRUPT, and neither file is touched.
 */
import { mkdir, open, readFile, rename, unlink, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { RegError } from '../errors.js';
import { COLLECTIONS, type Change, type CollectionName, type Store } from './store.js';

const FORMAT = 'reg-local-state';
const COMPACT_AFTER_BYTES = 64 * 1024 * 1024;

interface Snapshot {
  format: typeof FORMAT;
  version: 1;
  collections: Partial<Record<CollectionName, [string, unknown][]>>;
}

function corrupt(file: string, why: string, cause?: unknown): RegError {
  return new RegError('STATE_FILE_CORRUPT', `state file ${file} is corrupt (${why}); it was left untouched: repair it or move it away`, { cause });
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new RegError('FILE_UNREADABLE', `cannot read state file ${file}: ${(e as Error).message}`, { cause: e });
  }
}

/** The store as snapshot JSON. */
export function serialize(store: Store): string {
  const collections: Snapshot['collections'] = {};
  for (const c of COLLECTIONS) collections[c] = [...store.entries(c)];
  return JSON.stringify({ format: FORMAT, version: 1, collections } satisfies Snapshot);
}

/** Writes the snapshot atomically: temp file, fsync, rename over, fsync the directory. */
export async function writeSnapshot(file: string, store: Store): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  const fh = await open(tmp, 'w');
  try {
    await fh.writeFile(serialize(store));
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, file);
  const dir = await open(dirname(file), 'r');
  try {
    await dir.sync();
  } catch {
    // Some filesystems refuse fsync on a directory; the rename is still atomic there.
  } finally {
    await dir.close();
  }
}

function isChange(x: unknown): x is Change {
  const c = x as Change;
  return typeof c === 'object' && c !== null && COLLECTIONS.includes(c.c) && typeof c.id === 'string' && 'v' in c;
}

/** Loads snapshot and journal into an empty store; returns how many journal lines were replayed. */
export async function loadInto(file: string, store: Store): Promise<{ replayed: number; tornTail: boolean }> {
  const text = await readIfExists(file);
  if (text !== undefined && text.trim() !== '') {
    let snap: Snapshot;
    try {
      snap = JSON.parse(text) as Snapshot;
    } catch (e) {
      throw corrupt(file, 'not valid JSON', e);
    }
    if (typeof snap !== 'object' || snap === null || snap.format !== FORMAT || snap.version !== 1 || typeof snap.collections !== 'object')
      throw corrupt(file, `not a ${FORMAT} version 1 file`);
    for (const c of COLLECTIONS) {
      const rows = snap.collections[c] ?? [];
      if (!Array.isArray(rows)) throw corrupt(file, `collection ${c} is not a list`);
      for (const row of rows) {
        if (!Array.isArray(row) || typeof row[0] !== 'string' || row[1] === null || row[1] === undefined) throw corrupt(file, `bad entry in ${c}`);
        store.apply(c, row[0], row[1]);
      }
    }
  }
  const journalFile = `${file}.journal`;
  const journal = await readIfExists(journalFile);
  if (journal === undefined || journal === '') return { replayed: 0, tornTail: false };
  const lines = journal.split('\n');
  const tail = lines.pop() ?? '';
  let replayed = 0;
  for (const [i, line] of lines.entries()) {
    if (line === '') continue;
    let change: unknown;
    try {
      change = JSON.parse(line);
    } catch (e) {
      throw corrupt(journalFile, `line ${i + 1} is not valid JSON`, e);
    }
    if (!isChange(change)) throw corrupt(journalFile, `line ${i + 1} is not a change record`);
    store.apply(change.c, change.id, change.v);
    replayed += 1;
  }
  return { replayed, tornTail: tail !== '' };
}

/** Journals a store's writes and keeps the snapshot current. */
export class Persistence {
  private pending: string[] = [];
  private waiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  private flushing = false;
  private journal: FileHandle | undefined;
  private journalBytes = 0;
  private dirty = false;
  /** Journal appends (one fdatasync each), lines written, snapshots written. */
  readonly counters = { batches: 0, lines: 0, snapshots: 0 };

  private constructor(
    readonly file: string,
    private readonly store: Store,
  ) {}

  /** Loads the file into the store, compacts a replayed journal, and starts journaling. */
  static async open(file: string, store: Store): Promise<Persistence> {
    const loaded = await loadInto(file, store);
    const p = new Persistence(file, store);
    if (loaded.replayed > 0 || loaded.tornTail) await p.compact();
    store.onChange = (change) => p.record(change);
    return p;
  }

  private record(change: Change): void {
    this.pending.push(`${JSON.stringify(change)}\n`);
    this.dirty = true;
  }

  /** Resolves once every write made so far is on disk. */
  durable(): Promise<void> {
    if (this.pending.length === 0 && !this.flushing) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      if (!this.flushing) void this.flushLoop();
    });
  }

  private async flushLoop(): Promise<void> {
    this.flushing = true;
    while (this.pending.length > 0 || this.waiters.length > 0) {
      const batch = this.pending.splice(0);
      const waiters = this.waiters.splice(0);
      try {
        if (batch.length > 0) {
          await this.append(batch.join(''));
          this.counters.batches += 1;
          this.counters.lines += batch.length;
        }
        if (this.journalBytes > COMPACT_AFTER_BYTES) await this.compact();
        for (const w of waiters) w.resolve();
      } catch (e) {
        for (const w of waiters) w.reject(e);
      }
    }
    this.flushing = false;
  }

  private async append(text: string): Promise<void> {
    if (!this.journal) {
      await mkdir(dirname(this.file), { recursive: true });
      this.journal = await open(`${this.file}.journal`, 'a');
    }
    await this.journal.write(text);
    await this.journal.datasync();
    this.journalBytes += Buffer.byteLength(text);
  }

  /** Folds the journal into a fresh snapshot and removes it. */
  private async compact(): Promise<void> {
    await writeSnapshot(this.file, this.store);
    this.counters.snapshots += 1;
    if (this.journal) {
      await this.journal.close();
      this.journal = undefined;
    }
    await unlink(`${this.file}.journal`).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
    this.journalBytes = 0;
    this.dirty = false;
  }

  /** Flushes, writes the final snapshot if anything changed, and stops journaling. */
  async close(): Promise<void> {
    await this.durable();
    this.store.onChange = undefined;
    if (this.dirty || this.journal) await this.compact();
  }
}
