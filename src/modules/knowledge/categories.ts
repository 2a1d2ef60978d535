import { asc, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { invalidField, NotFound } from '../../app/errors.js';
import type { Database, Db, Tx } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import type { Actor } from '../auth/index.js';
import { categorySaved } from './events.js';
import { kbCategories } from './schema.js';

export type CategoryInput = { nameZh: string; nameEn?: string; parentId?: string | null; position?: number };

/** Every category (a tree by parentId), in position order: small, shown whole in the help centre and console. */
export async function listCategories(db: Db) {
  return db.select().from(kbCategories).orderBy(asc(kbCategories.position), asc(kbCategories.nameZh));
}

async function assertParent(tx: Tx, id: string | null, parentId: string | null | undefined): Promise<void> {
  if (!parentId) return;
  const all = await tx.select({ id: kbCategories.id, parentId: kbCategories.parentId }).from(kbCategories);
  if (!all.some((c) => c.id === parentId)) throw invalidField('parentId', 'kb_category.parent_unknown');
  // Walk up from the new parent: meeting the category itself would make a cycle.
  for (let at: string | null = parentId, steps = 0; at && steps <= all.length; steps++) {
    if (at === id) throw invalidField('parentId', 'kb_category.cycle');
    at = all.find((c) => c.id === at)?.parentId ?? null;
  }
}

export async function saveCategory(database: Database, actor: Actor, id: string | null, input: CategoryInput) {
  return database.transaction(async (tx) => {
    await assertParent(tx, id, input.parentId);
    if (id) {
      const [row] = await tx
        .update(kbCategories)
        .set({ nameZh: input.nameZh, ...(input.nameEn !== undefined && { nameEn: input.nameEn }), ...(input.parentId !== undefined && { parentId: input.parentId }), ...(input.position !== undefined && { position: input.position }) })
        .where(eq(kbCategories.id, id))
        .returning();
      if (!row) throw new NotFound('kb_category.not_found');
      await recordEvent(tx, categorySaved, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { created: false, parentId: row.parentId } });
      return row;
    }
    const [row] = await tx.insert(kbCategories).values({ id: uuidv7(), nameZh: input.nameZh, nameEn: input.nameEn ?? '', parentId: input.parentId ?? null, position: input.position ?? 0 }).returning();
    await recordEvent(tx, categorySaved, { aggregateId: row!.id, cause: 'agent', actorId: actor.id, payload: { created: true, parentId: row!.parentId } });
    return row!;
  });
}
