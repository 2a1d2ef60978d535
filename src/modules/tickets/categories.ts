import { asc, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Conflict, Invalid, NotFound } from '../../app/errors.js';
import { queryRows, type Database, type Db, type Tx } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { categoryCreated, categoryDeactivated, categoryDeleted, categoryUpdated } from './events.js';
import { teamExists, type Actor } from '../auth/index.js';
import { ticketCategories, tickets } from './schema.js';

export type CategoryRow = typeof ticketCategories.$inferSelect;
export type CategoryInput = { nameZh: string; nameEn?: string; parentId?: string | null; position?: number; active?: boolean; defaultTeamId?: string | null };

/** The category tree as a flat list ordered for display (parents before children). */
export async function listCategories(db: Db, options: { includeInactive?: boolean } = {}): Promise<CategoryRow[]> {
  const rows = await db.select().from(ticketCategories).orderBy(asc(ticketCategories.position), asc(ticketCategories.nameZh));
  return options.includeInactive ? rows : rows.filter((r) => r.active);
}

export async function createCategory(database: Database, actor: Actor, input: CategoryInput): Promise<CategoryRow> {
  return database.transaction(async (tx) => {
    await lockTree(tx);
    if (input.parentId) await requireCategory(tx, input.parentId, 'parentId');
    if (input.defaultTeamId) await requireTeam(tx, input.defaultTeamId);
    const [row] = await tx
      .insert(ticketCategories)
      .values({ id: uuidv7(), nameZh: input.nameZh, nameEn: input.nameEn ?? '', parentId: input.parentId ?? null, position: input.position ?? 0, active: input.active ?? true, defaultTeamId: input.defaultTeamId ?? null })
      .returning();
    await recordEvent(tx, categoryCreated, { aggregateId: row!.id, cause: 'agent', actorId: actor.id, payload: { ...input } });
    return row!;
  });
}

export async function updateCategory(database: Database, actor: Actor, id: string, changes: Partial<CategoryInput>): Promise<CategoryRow> {
  return database.transaction(async (tx) => {
    await lockTree(tx);
    const current = await requireCategory(tx, id);
    if (Object.keys(changes).length === 0) return current;
    if (changes.defaultTeamId) await requireTeam(tx, changes.defaultTeamId);
    if (changes.parentId) {
      await requireCategory(tx, changes.parentId, 'parentId');
      if (await isSelfOrDescendant(tx, id, changes.parentId)) throw new Conflict('validation.failed', {}, [{ path: 'parentId', code: 'category.cycle' }]);
    }
    const [row] = await tx.update(ticketCategories).set(changes).where(eq(ticketCategories.id, id)).returning();
    await recordEvent(tx, categoryUpdated, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { changes } });
    return row!;
  });
}

/** Delete a leaf category no ticket uses; otherwise deactivate it instead (tickets keep their history). */
export async function deleteCategory(database: Database, actor: Actor, id: string): Promise<{ deleted: boolean }> {
  return database.transaction(async (tx) => {
    await lockTree(tx);
    await requireCategory(tx, id);
    const [child] = await tx.select({ id: ticketCategories.id }).from(ticketCategories).where(eq(ticketCategories.parentId, id)).limit(1);
    if (child) throw new Conflict('category.has_children');
    const [used] = await tx.select({ id: tickets.id }).from(tickets).where(eq(tickets.categoryId, id)).limit(1);
    if (used) await tx.update(ticketCategories).set({ active: false }).where(eq(ticketCategories.id, id));
    else await tx.delete(ticketCategories).where(eq(ticketCategories.id, id));
    await recordEvent(tx, used ? categoryDeactivated : categoryDeleted, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: {} });
    return { deleted: !used };
  });
}

/**
 * Writes to the tree take turns (reads do not wait): each checks the tree (no cycle, parent still
 * there, no children) and then changes it, and two writers overlapping could each pass their check
 * and together build a cycle or orphan a child. Category edits are rare, so one lock is cheap.
 */
async function lockTree(tx: Tx): Promise<void> {
  await tx.execute(sql`lock table ticket_categories in share row exclusive mode`);
}

async function requireCategory(tx: Tx, id: string, path?: string): Promise<CategoryRow> {
  const [row] = await tx.select().from(ticketCategories).where(eq(ticketCategories.id, id));
  if (row) return row;
  if (path) throw new Invalid('validation.failed', {}, [{ path, code: 'category.not_found' }]);
  throw new NotFound('category.not_found');
}

async function requireTeam(tx: Tx, id: string): Promise<void> {
  if (!(await teamExists(tx, id))) throw new Invalid('validation.failed', {}, [{ path: 'defaultTeamId', code: 'team.not_found' }]);
}

/**
 * The team a new ticket of `categoryId` goes to when none is given: the category's own default,
 * else the nearest ancestor's (a "打印机 › 卡纸" ticket goes where "打印机" tickets go).
 */
export async function defaultTeamOfCategory(tx: Tx, categoryId: string): Promise<string | null> {
  const rows = await queryRows<{ team_id: string }>(tx, sql`
    with recursive chain(id, parent_id, default_team_id, depth) as (
      select id, parent_id, default_team_id, 0 from ticket_categories where id = ${categoryId}::uuid
      union all select c.id, c.parent_id, c.default_team_id, chain.depth + 1 from ticket_categories c join chain on c.id = chain.parent_id where chain.depth < 20)
    select default_team_id as team_id from chain where default_team_id is not null order by depth limit 1`);
  return rows[0]?.team_id ?? null;
}

async function isSelfOrDescendant(tx: Tx, ancestorId: string, candidateId: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(tx, sql`
    with recursive subtree(id) as (
      select ${ancestorId}::uuid
      union select c.id from ticket_categories c join subtree s on c.parent_id = s.id)
    select id from subtree where id = ${candidateId}::uuid`);
  return rows.length > 0;
}
