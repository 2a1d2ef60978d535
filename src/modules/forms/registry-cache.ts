import { is } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/database.js';
import { formsRevision } from './schema.js';

/**
 * What this process last read of the registry (prepared forms, field facts, type names), per
 * database handle, under the registry revision it was read at.
 *
 * Reading the revision on every ticket write and every ticket view was three of a create's twelve
 * statements with custom fields (BENCHMARKS.md, "Custom fields"). So a process trusts the revision
 * it read for `recheckMs`, then reads it again: a change made through another server process is
 * seen within that time (issue 14 §6 allows 2 s; two-processes.test.ts checks it). A change made
 * through this process is seen at once: its bump (revision.ts) records the revision it wrote, and
 * until a read shows at least that one the cache is not trusted. If that transaction rolled back,
 * the revision never arrives: the wait ends after `recheckMs`.
 *
 * Keyed by the app's `database.db` (a WeakMap), so apps in one process (tests) never share
 * entries; a transaction handle (`tx`) is not a key, so reads inside one always go to the database.
 */
const recheckMs = 1000;
const maxEntries = 200;

type Watch = {
  revision: number;
  readAt: number;
  /** The revision a bump of this process wrote, not yet seen by a read (0: none). */
  awaiting: number;
  awaitingSince: number;
};

const watches = new WeakMap<object, Watch>();

function watchOf(db: Db): Watch {
  let watch = watches.get(db);
  if (!watch) watches.set(db, (watch = { revision: -1, readAt: -Infinity, awaiting: 0, awaitingSince: 0 }));
  return watch;
}

/** Called by the bump, inside the change's transaction (not yet committed). */
export function noteBump(db: Db, revision: number): void {
  const watch = watchOf(db);
  watch.awaiting = Math.max(watch.awaiting, revision);
  watch.awaitingSince = performance.now();
}

function trusted(watch: Watch, now: number): boolean {
  if (now - watch.readAt >= recheckMs) return false;
  return watch.revision >= watch.awaiting || now - watch.awaitingSince >= recheckMs;
}

/**
 * The registry revision as this process may trust it now for the app whose handle is `owner`;
 * read through `reader` (the owner, or a transaction of that app: PGlite has one connection, so a
 * read beside an open transaction would wait for it forever) when it may not.
 */
export async function trustedRevision(owner: Db, reader: Db = owner): Promise<number> {
  const watch = watchOf(owner);
  const now = performance.now();
  if (trusted(watch, now)) return watch.revision;
  const [row] = await reader.select({ revision: formsRevision.revision }).from(formsRevision);
  const revision = row?.revision ?? 0;
  watch.revision = revision;
  watch.readAt = now;
  if (revision >= watch.awaiting) watch.awaiting = 0;
  return revision;
}

/**
 * One kind of cached registry read (prepared forms, field facts …): `get(db, key, load)` answers
 * `load()`'s value under `key`, read again when the registry's revision moved. `db` is the app's
 * handle (`database.db`) or a transaction; a transaction alone names no app, so nothing is cached
 * then — unless the app's handle is given too (`owner`), as the ticket form does.
 */
export class RegistryCache<T> {
  private readonly byHandle = new WeakMap<object, Map<string, { revision: number; value: T }>>();

  async get(db: Db, key: string, load: () => Promise<T>, owner?: Db): Promise<T> {
    const handle = owner ?? db;
    if (is(handle, PgTransaction)) return load();
    const revision = await trustedRevision(handle, db);
    let entries = this.byHandle.get(handle);
    if (!entries) this.byHandle.set(handle, (entries = new Map()));
    const entry = entries.get(key);
    if (entry && entry.revision === revision) return entry.value;
    // Read after the revision: a change committing in between is kept under the older revision and
    // read again once the revision moves, never the other way round.
    const value = await load();
    if (entries.size >= maxEntries) entries.clear();
    entries.set(key, { revision, value });
    return value;
  }
}
