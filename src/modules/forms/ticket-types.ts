import { asc, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { NotFound, PreconditionFailed, invalidField } from '../../app/errors.js';
import { isUniqueViolation, type Database, type Db } from '../../db/database.js';
import type { Label } from '../../forms/definition.js';
import { recordEvent } from '../../jobs/events.js';
import type { Actor } from '../auth/index.js';
import { typeChanged, typeCreated } from './events.js';
import { bumpFormsRevision } from './revision.js';
import { ticketTypes } from './schema.js';

type TypeRow = typeof ticketTypes.$inferSelect;

/** A ticket type (工单类型) as the API shows it; its forms are separate, immutable versions. */
export type TicketType = {
  id: string;
  key: string;
  label: Label;
  active: boolean;
  position: number;
  defaultTeamId: string | null;
  defaultPriority: string | null;
  slaPolicyId: string | null;
  /** The published form version new tickets get; null before the first publish. */
  currentVersion: number | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

export const typeFromRow = (row: TypeRow): TicketType => ({ ...row });

export async function listTicketTypes(db: Db): Promise<TicketType[]> {
  return (await db.select().from(ticketTypes).orderBy(asc(ticketTypes.position), asc(ticketTypes.createdAt))).map(typeFromRow);
}

export async function getTicketType(db: Db, key: string): Promise<TicketType> {
  const [row] = await db.select().from(ticketTypes).where(eq(ticketTypes.key, key));
  if (!row) throw new NotFound('forms.type.not_found', { key });
  return typeFromRow(row);
}

export type TypeSettings = {
  label: Label;
  active?: boolean;
  position?: number;
  defaultTeamId?: string | null;
  defaultPriority?: string | null;
  slaPolicyId?: string | null;
};

export async function createTicketType(database: Database, actor: Actor, input: TypeSettings & { key: string }): Promise<TicketType> {
  try {
    return await database.transaction(async (tx) => {
      const [row] = await tx
        .insert(ticketTypes)
        .values({
          id: uuidv7(),
          key: input.key,
          label: { 'zh-CN': input.label['zh-CN'], en: input.label.en ?? '' },
          active: input.active ?? true,
          position: input.position ?? 0,
          defaultTeamId: input.defaultTeamId ?? null,
          defaultPriority: input.defaultPriority ?? null,
          slaPolicyId: input.slaPolicyId ?? null,
        })
        .returning();
      await bumpFormsRevision(database, tx);
      await recordEvent(tx, typeCreated, { aggregateId: row!.id, cause: 'agent', actorId: actor.id, payload: { key: row!.key } });
      return typeFromRow(row!);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'ticket_types_key')) throw invalidField('key', 'forms.type.key_taken', { key: input.key });
    throw error;
  }
}

export async function updateTicketType(database: Database, actor: Actor, key: string, expectedVersion: number, changes: Partial<TypeSettings>): Promise<TicketType> {
  return database.transaction(async (tx) => {
    const [before] = await tx.select().from(ticketTypes).where(eq(ticketTypes.key, key)).for('update');
    if (!before) throw new NotFound('forms.type.not_found', { key });
    if (before.version !== expectedVersion) throw new PreconditionFailed('forms.type.version_mismatch', { current: before.version });
    const next = { ...changes, ...(changes.label && { label: { 'zh-CN': changes.label['zh-CN'], en: changes.label.en ?? '' } }) };
    const changed = (Object.keys(next) as Array<keyof TypeSettings>).filter((name) => next[name] !== undefined && JSON.stringify(next[name]) !== JSON.stringify(before[name]));
    if (changed.length === 0) return typeFromRow(before);
    const [after] = await tx
      .update(ticketTypes)
      .set({ ...Object.fromEntries(changed.map((name) => [name, next[name]])), version: before.version + 1, updatedAt: new Date() })
      .where(eq(ticketTypes.id, before.id))
      .returning();
    await bumpFormsRevision(database, tx);
    await recordEvent(tx, typeChanged, { aggregateId: before.id, cause: 'agent', actorId: actor.id, payload: { key, changes: changed } });
    return typeFromRow(after!);
  });
}
