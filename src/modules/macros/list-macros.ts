import { and, asc, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import { invalidField, NotFound } from '../../app/errors.js';
import type { Db } from '../../db/database.js';
import type { Actor } from '../auth/index.js';
import { usableBy, visibleTo, type MacroRow } from './macro-access.js';
import { macros } from './schema.js';

/**
 * `usable` (the composer's picker): active macros the caller may use. `personal`: the caller's
 * own, inactive included. `shared`: shared macros — all of them for a manager, else those
 * reaching the caller's teams.
 */
export type MacroListScope = 'usable' | 'personal' | 'shared';
export type MacroQuery = { scope: MacroListScope; q?: string; cursor?: string; limit: number };

/**
 * The composer's search and the settings lists: by name, shortcut and body (a substring, so
 * Chinese matches without word breaks; ASCII letters fold case), most used first, then oldest
 * first; pages by a keyset cursor over (usage count, id).
 */
export async function listMacros(db: Db, actor: Actor, query: MacroQuery): Promise<{ items: MacroRow[]; nextCursor: string | null }> {
  const where: SQL[] = [scopeCondition(actor, query.scope)];
  const q = query.q?.trim();
  if (q) {
    const needle = foldAscii(q);
    const folded = (column: SQL) => sql`translate(${column}, ${upper}, ${lower})`;
    where.push(sql`(strpos(${folded(sql`${macros.name}`)}, ${needle}) > 0 or strpos(${folded(sql`coalesce(${macros.shortcut}, '')`)}, ${needle}) > 0 or strpos(${folded(sql`${macros.body}`)}, ${needle}) > 0)`);
  }
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    where.push(or(lt(macros.usageCount, after.usage), and(eq(macros.usageCount, after.usage), sql`${macros.id} > ${after.id}`))!);
  }
  const rows = await db.select().from(macros).where(and(...where)).orderBy(desc(macros.usageCount), asc(macros.id)).limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
}

/** ASCII letters only, the same in JavaScript and on every server locale (as the condition language folds). */
const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const lower = upper.toLowerCase();
const foldAscii = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

function scopeCondition(actor: Actor, scope: MacroListScope): SQL {
  if (scope === 'personal') return and(eq(macros.scope, 'personal'), eq(macros.ownerId, actor.id))!;
  if (scope === 'shared') return and(eq(macros.scope, 'shared'), visibleTo(actor))!;
  return and(usableBy(actor), eq(macros.active, true))!;
}

const encodeCursor = (row: MacroRow) => Buffer.from(JSON.stringify([row.usageCount, row.id])).toString('base64url');

function decodeCursor(cursor: string): { usage: number; id: string } {
  try {
    const [usage, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    if (Number.isInteger(usage) && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)) return { usage: usage as number, id };
  } catch {
    // falls through to the 400
  }
  throw invalidField('cursor', 'macro.cursor_invalid');
}

/** A macro the caller may see (use, or administer when it is shared and they manage macros); else 404. */
export async function getVisibleMacro(db: Db, actor: Actor, id: string): Promise<MacroRow> {
  const [row] = await db.select().from(macros).where(and(eq(macros.id, id), visibleTo(actor)));
  if (!row) throw new NotFound('macro.not_found');
  return row;
}

/** A macro the caller may use on a ticket (usable and active); else 404. */
export async function getUsableMacro(db: Db, actor: Actor, id: string): Promise<MacroRow> {
  const [row] = await db.select().from(macros).where(and(eq(macros.id, id), usableBy(actor), eq(macros.active, true)));
  if (!row) throw new NotFound('macro.not_found');
  return row;
}
