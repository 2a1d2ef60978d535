import { and, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Forbidden, Invalid, NotFound, PreconditionFailed, type FieldError } from '../../app/errors.js';
import type { Database, Db } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { validateTemplate } from '../../text-templates/index.js';
import { can, teamExists, type Actor } from '../auth/index.js';
import { listFieldFacts } from '../forms/index.js';
import { macroCreated, macroDeleted, macroUpdated } from './events.js';
import { assertMacroActions } from './macro-actions.js';
import { mayChange, visibleTo, type MacroRow } from './macro-access.js';
import { macros, type MacroActions } from './schema.js';

export type MacroInput = {
  scope: 'personal' | 'shared';
  name: string;
  shortcut?: string | null;
  body?: string;
  bodyKind?: 'reply' | 'note';
  actions?: MacroActions;
  /** Shared macros only: the teams it reaches (empty: every agent). */
  teamIds?: string[];
  active?: boolean;
};
export type MacroChanges = Partial<Omit<MacroInput, 'scope'>>;

export async function createMacro(database: Database, actor: Actor, input: MacroInput): Promise<MacroRow> {
  if (input.scope === 'shared' && !can(actor, 'macros.manage')) throw new Forbidden('macro.manage_required');
  if (input.scope === 'personal' && input.teamIds?.length) throw new Invalid('validation.failed', {}, [{ path: 'teamIds', code: 'macro.teams_only_shared' }]);
  await assertMacroContent(database.db, { body: input.body ?? '', actions: input.actions ?? {}, teamIds: input.teamIds ?? [] });
  return database.transaction(async (tx) => {
    const now = new Date();
    const [row] = await tx
      .insert(macros)
      .values({
        id: uuidv7(),
        scope: input.scope,
        ownerId: input.scope === 'personal' ? actor.id : null,
        teamIds: input.teamIds ?? [],
        name: input.name,
        shortcut: input.shortcut ?? null,
        body: input.body ?? '',
        bodyKind: input.bodyKind ?? 'reply',
        actions: input.actions ?? {},
        active: input.active ?? true,
        createdBy: actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordEvent(tx, macroCreated, { aggregateId: row!.id, cause: 'agent', actorId: actor.id, payload: { scope: row!.scope, name: row!.name } });
    return row!;
  });
}

/** Fields sent replace the stored ones (`actions` whole). `expectedVersion` from If-Match: a stale one answers 412. */
export async function updateMacro(database: Database, actor: Actor, id: string, expectedVersion: number, changes: MacroChanges): Promise<MacroRow> {
  const current = await changeableMacro(database.db, actor, id);
  if (current.scope === 'personal' && changes.teamIds?.length) throw new Invalid('validation.failed', {}, [{ path: 'teamIds', code: 'macro.teams_only_shared' }]);
  await assertMacroContent(database.db, { body: changes.body, actions: changes.actions, teamIds: changes.teamIds ?? [] });
  const fields = Object.keys(changes).filter((key) => changes[key as keyof MacroChanges] !== undefined);
  return database.transaction(async (tx) => {
    const [row] = await tx
      .update(macros)
      .set({ ...changes, updatedAt: new Date(), version: sql`${macros.version} + 1` })
      .where(and(eq(macros.id, current.id), eq(macros.version, expectedVersion)))
      .returning();
    if (!row) throw new PreconditionFailed('macro.version_mismatch', { current: current.version });
    await recordEvent(tx, macroUpdated, { aggregateId: row.id, cause: 'agent', actorId: actor.id, payload: { scope: row.scope, name: row.name, fields } });
    return row;
  });
}

export async function deleteMacro(database: Database, actor: Actor, id: string, expectedVersion: number | undefined): Promise<void> {
  const current = await changeableMacro(database.db, actor, id);
  await database.transaction(async (tx) => {
    const version = expectedVersion === undefined ? sql`true` : eq(macros.version, expectedVersion);
    const [gone] = await tx.delete(macros).where(and(eq(macros.id, current.id), version)).returning({ id: macros.id });
    if (!gone) throw new PreconditionFailed('macro.version_mismatch', { current: current.version });
    await recordEvent(tx, macroDeleted, { aggregateId: current.id, cause: 'agent', actorId: actor.id, payload: { scope: current.scope, name: current.name } });
  });
}

/** Someone else's personal macro is missing (404); a shared one the caller may use but not manage is 403. */
async function changeableMacro(db: Db, actor: Actor, id: string): Promise<MacroRow> {
  const [row] = await db.select().from(macros).where(and(eq(macros.id, id), visibleTo(actor)));
  if (!row) throw new NotFound('macro.not_found');
  if (!mayChange(actor, row)) throw new Forbidden('macro.manage_required');
  return row;
}

/**
 * The body's variables (the catalogue and the registry's ticket fields, with line and column),
 * the actions' references and fields, and the teams: every problem in one 400.
 */
async function assertMacroContent(db: Db, content: { body?: string; actions?: MacroActions; teamIds: readonly string[] }): Promise<void> {
  const errors: FieldError[] = [];
  if (content.body) {
    const fields = new Set((await listFieldFacts(db, 'ticket')).filter((f) => !f.archived).map((f) => f.key));
    for (const problem of validateTemplate(content.body, (key) => fields.has(key))) {
      errors.push({ path: 'body', code: problem.code, params: { ...problem.params, offset: problem.offset } });
    }
  }
  if (content.actions) {
    try {
      await assertMacroActions(db, content.actions);
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      errors.push(...error.errors);
    }
  }
  for (const [index, teamId] of content.teamIds.entries()) if (!(await teamExists(db, teamId))) errors.push({ path: `teamIds.${index}`, code: 'team.not_found' });
  if (errors.length) throw new Invalid('validation.failed', {}, errors);
}
