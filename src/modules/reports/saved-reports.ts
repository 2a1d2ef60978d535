import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Forbidden, NotFound } from '../../app/errors.js';
import type { Database, Db } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { can, getUserNames, roleNames, type Actor, type RoleName } from '../auth/index.js';
import { savedReportChanged } from './events.js';
import { reportDefinitionSchema, type ReportDefinition } from './report-definition.js';
import { reportSchedules, savedReports } from './schema.js';

export type SavedReportInput = { name: string; definition: ReportDefinition; sharedRoles: RoleName[]; pinned: boolean };
export type ScheduleView = { frequency: 'daily' | 'weekly' | 'monthly'; at: string; weekday: number | null; monthDay: number | null; recipientUserIds: string[]; recipientEmails: string[]; dueAt: string; lastSentAt: string | null };
export type SavedReportView = SavedReportInput & {
  id: string; owner: { id: string; name: string }; version: number; createdAt: string; updatedAt: string;
  schedule: ScheduleView | null;
  /** What the caller may do with it (the console hides what it may not). */
  abilities: { edit: boolean };
};
type Row = typeof savedReports.$inferSelect;

/**
 * Who sees a saved report: its owner, admins (reports.read_all) and every role it is shared
 * with. Seeing a report shows its numbers in the viewer's own scope (run-report.ts), never the
 * owner's. Who changes it: the owner and admins.
 */
export function visibleTo(actor: Actor): SQL {
  if (can(actor, 'reports.read_all')) return sql`true`;
  return or(eq(savedReports.ownerId, actor.id), sql`${actor.role} = any(${savedReports.sharedRoles})`)!;
}
export const mayEdit = (actor: Actor, ownerId: string) => ownerId === actor.id || can(actor, 'reports.read_all');

/** A page of the reports the actor may see, newest first (keyset on the UUIDv7 id: `after` is the last id of the previous page). */
export async function listSavedReports(db: Db, actor: Actor, q: { pinned?: boolean | undefined; limit: number; after?: string | undefined }): Promise<{ items: SavedReportView[]; next: string | null }> {
  const where: SQL[] = [visibleTo(actor)];
  if (q.pinned !== undefined) where.push(eq(savedReports.pinned, q.pinned));
  if (q.after) where.push(lt(savedReports.id, q.after));
  const rows = await db.select().from(savedReports).where(and(...where)).orderBy(desc(savedReports.id)).limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const items = await present(db, actor, page);
  const last = page.at(-1);
  return { items, next: rows.length > q.limit && last ? last.id : null };
}

export async function getSavedReport(db: Db, actor: Actor, id: string): Promise<SavedReportView> {
  const [row] = await db.select().from(savedReports).where(and(eq(savedReports.id, id), visibleTo(actor)));
  if (!row) throw new NotFound('report.saved_not_found');
  return (await present(db, actor, [row]))[0]!;
}

export async function createSavedReport(database: Database, actor: Actor, input: SavedReportInput, now: Date): Promise<SavedReportView> {
  const id = uuidv7();
  await database.transaction(async (tx) => {
    await tx.insert(savedReports).values({ id, name: input.name, ownerId: actor.id, definition: input.definition, sharedRoles: input.sharedRoles, pinned: input.pinned, createdAt: now, updatedAt: now });
    await recordEvent(tx, savedReportChanged, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { change: 'created', name: input.name, fields: Object.keys(input) } });
  });
  return getSavedReport(database.db, actor, id);
}

/** Changes what is given; the owner or an admin only. `version`: the version read (412 on a stale one). */
export async function updateSavedReport(database: Database, actor: Actor, id: string, patch: Partial<SavedReportInput>, now: Date): Promise<SavedReportView> {
  await database.transaction(async (tx) => {
    const row = await editable(tx, actor, id);
    const fields = Object.entries(patch).filter(([, v]) => v !== undefined).map(([k]) => k);
    await tx.update(savedReports).set({ ...patch, version: row.version + 1, updatedAt: now }).where(eq(savedReports.id, id));
    await recordEvent(tx, savedReportChanged, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { change: 'updated', name: patch.name ?? row.name, fields } });
  });
  return getSavedReport(database.db, actor, id);
}

export async function deleteSavedReport(database: Database, actor: Actor, id: string): Promise<void> {
  await database.transaction(async (tx) => {
    const row = await editable(tx, actor, id);
    await tx.delete(savedReports).where(eq(savedReports.id, id));
    await recordEvent(tx, savedReportChanged, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { change: 'deleted', name: row.name, fields: [] } });
  });
}

/** The row, locked, when the actor may change it: 404 when they may not even see it, 403 when they only see it. */
export async function editable(db: Db, actor: Actor, id: string): Promise<Row> {
  const [row] = await db.select().from(savedReports).where(and(eq(savedReports.id, id), visibleTo(actor))).for('update');
  if (!row) throw new NotFound('report.saved_not_found');
  if (!mayEdit(actor, row.ownerId)) throw new Forbidden('report.saved_not_yours');
  return row;
}

async function present(db: Db, actor: Actor, rows: Row[]): Promise<SavedReportView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [names, schedules] = await Promise.all([
    getUserNames(db, rows.map((r) => r.ownerId)),
    db.select().from(reportSchedules).where(sql`${reportSchedules.reportId} in (${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)})`),
  ]);
  const byReport = new Map(schedules.map((s) => [s.reportId, s]));
  return rows.map((r) => {
    const s = byReport.get(r.id);
    return {
      id: r.id, name: r.name, definition: reportDefinitionSchema.parse(r.definition), sharedRoles: r.sharedRoles.filter((role): role is RoleName => (roleNames as readonly string[]).includes(role)), pinned: r.pinned,
      owner: { id: r.ownerId, name: names.get(r.ownerId) ?? '' }, version: r.version, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
      schedule: s ? { frequency: s.frequency, at: s.at, weekday: s.weekday, monthDay: s.monthDay, recipientUserIds: s.recipientUserIds, recipientEmails: s.recipientEmails, dueAt: s.dueAt.toISOString(), lastSentAt: s.lastSentAt?.toISOString() ?? null } : null,
      abilities: { edit: mayEdit(actor, r.ownerId) },
    };
  });
}
