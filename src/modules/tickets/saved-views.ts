import { and, asc, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Conflict, invalidField, NotFound } from '../../app/errors.js';
import type { Database, Db, Tx } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { ticketViewCreated, ticketViewDeleted, ticketViewUpdated } from './events.js';
import type { Actor } from '../auth/index.js';
import { ticketSavedViews, type SavedViewFilters } from './schema.js';
import type { TicketSort } from './ticket-sort.js';

/** An agent's own saved ticket view. Only its owner sees, uses, changes or deletes it. */
export type SavedView = { id: string; name: string; filters: SavedViewFilters; sort: TicketSort; columns: string[]; position: number; createdAt: Date; updatedAt: Date };
export type SavedViewInput = { name: string; filters: SavedViewFilters; sort?: TicketSort; columns?: string[] };
export type SavedViewChanges = Partial<SavedViewInput> & { position?: number };

export const maxSavedViewsPerUser = 50;

const columns = {
  id: ticketSavedViews.id,
  name: ticketSavedViews.name,
  filters: ticketSavedViews.filters,
  sort: sql<TicketSort>`${ticketSavedViews.sort}`,
  columns: ticketSavedViews.columns,
  position: ticketSavedViews.position,
  createdAt: ticketSavedViews.createdAt,
  updatedAt: ticketSavedViews.updatedAt,
};

export async function listSavedViews(db: Db, actor: Actor): Promise<SavedView[]> {
  return db.select(columns).from(ticketSavedViews).where(eq(ticketSavedViews.ownerId, actor.id)).orderBy(asc(ticketSavedViews.position), asc(ticketSavedViews.createdAt), asc(ticketSavedViews.id));
}

/** The caller's saved view, or null: someone else's view is treated as missing. */
export async function findOwnSavedView(db: Db, actor: Actor, id: string): Promise<SavedView | null> {
  const [row] = await db.select(columns).from(ticketSavedViews).where(and(eq(ticketSavedViews.id, id), eq(ticketSavedViews.ownerId, actor.id)));
  return row ?? null;
}

export async function getOwnSavedView(db: Db, actor: Actor, id: string): Promise<SavedView> {
  const view = await findOwnSavedView(db, actor, id);
  if (!view) throw new NotFound('ticket_view.not_found');
  return view;
}

export async function createSavedView(database: Database, actor: Actor, input: SavedViewInput): Promise<SavedView> {
  const sort = input.sort ?? (input.filters.q?.trim() ? 'relevance' : '-updatedAt');
  assertSortFits(sort, input.filters);
  return database.transaction(async (tx) => {
    await lockOwnViews(tx, actor);
    const [stats] = await tx
      .select({ count: sql<number>`count(*)::int`, nextPosition: sql<number>`coalesce(max(${ticketSavedViews.position}) + 1, 0)::int` })
      .from(ticketSavedViews)
      .where(eq(ticketSavedViews.ownerId, actor.id));
    if (stats!.count >= maxSavedViewsPerUser) throw new Conflict('ticket_view.limit_reached', { max: maxSavedViewsPerUser });
    await assertNameFree(tx, actor, input.name);
    const now = new Date();
    const id = uuidv7();
    await tx.insert(ticketSavedViews).values({ id, ownerId: actor.id, name: input.name, filters: input.filters, sort, columns: input.columns ?? [], position: stats!.nextPosition, createdAt: now, updatedAt: now });
    await recordEvent(tx, ticketViewCreated, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { name: input.name, filters: input.filters, sort, ...(input.columns && { columns: input.columns }) } });
    return (await findOwnSavedView(tx, actor, id))!;
  });
}

export async function updateSavedView(database: Database, actor: Actor, id: string, changes: SavedViewChanges): Promise<SavedView> {
  return database.transaction(async (tx) => {
    await lockOwnViews(tx, actor);
    const before = await getOwnSavedView(tx, actor, id);
    const fields = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as SavedViewChanges;
    if (Object.keys(fields).length === 0) return before;
    assertSortFits(fields.sort ?? before.sort, fields.filters ?? before.filters);
    if (fields.name !== undefined && fields.name.toLowerCase() !== before.name.toLowerCase()) await assertNameFree(tx, actor, fields.name);
    await tx.update(ticketSavedViews).set({ ...fields, updatedAt: new Date() }).where(eq(ticketSavedViews.id, id));
    await recordEvent(tx, ticketViewUpdated, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { changes: fields } });
    return (await findOwnSavedView(tx, actor, id))!;
  });
}

export async function deleteSavedView(database: Database, actor: Actor, id: string): Promise<void> {
  await database.transaction(async (tx) => {
    const deleted = await tx.delete(ticketSavedViews).where(and(eq(ticketSavedViews.id, id), eq(ticketSavedViews.ownerId, actor.id))).returning({ id: ticketSavedViews.id });
    if (deleted.length === 0) throw new NotFound('ticket_view.not_found');
    await recordEvent(tx, ticketViewDeleted, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: {} });
  });
}

/** Relevance order needs a search; without `q` it would be a 400 on every use of the view. */
function assertSortFits(sort: TicketSort, filters: SavedViewFilters): void {
  if (sort === 'relevance' && !filters.q?.trim()) throw invalidField('sort', 'ticket.relevance_needs_query');
}

async function assertNameFree(tx: Tx, actor: Actor, name: string): Promise<void> {
  const [clash] = await tx
    .select({ id: ticketSavedViews.id })
    .from(ticketSavedViews)
    .where(and(eq(ticketSavedViews.ownerId, actor.id), sql`lower(${ticketSavedViews.name}) = lower(${name})`))
    .limit(1);
  if (clash) throw new Conflict('ticket_view.name_taken', {}, [{ path: 'name', code: 'ticket_view.name_taken' }]);
}

/** One writer per owner at a time, so two tabs saving at once cannot pass the limit or the name check. */
async function lockOwnViews(tx: Tx, actor: Actor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`ticket_saved_views:${actor.id}`}, 0))`);
}
