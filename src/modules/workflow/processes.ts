import { and, asc, eq, gt } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Invalid, NotFound, PreconditionFailed, invalidField } from '../../app/errors.js';
import { isUniqueViolation, type Database, type Db, type Tx } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { processDefinitionSchema, type ProcessDefinition, type ProcessLabel } from '../../workflow-model/definition.js';
import type { Actor } from '../auth/index.js';
import { listTicketTypes } from '../forms/index.js';
import { processChanged, processCreated } from './events.js';
import { processes } from './schema.js';

type ProcessRow = typeof processes.$inferSelect;

/** A process as the API lists it; the draft and the versions come with the detail. */
export type ProcessSummary = { id: string; key: string; name: ProcessLabel; ticketType: string; currentVersion: number | null; version: number; createdAt: Date; updatedAt: Date };
export const summaryOf = ({ draft: _draft, ...row }: ProcessRow): ProcessSummary => row;

/** Parses a draft's shape (not its structure: a half-drawn process may be saved), each problem at `definition.<path>`. */
export function parseDraft(input: unknown, at = 'definition'): ProcessDefinition {
  const parsed = processDefinitionSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new Invalid(
    'validation.failed',
    {},
    parsed.error.issues.map((issue) => ({ path: [at, ...issue.path].join('.'), code: issue.message.startsWith('workflow.') ? issue.message : 'workflow.invalid_value' })),
  );
}

export async function listProcesses(db: Db, page: { limit: number; after?: string }): Promise<{ items: ProcessSummary[]; nextCursor: string | null }> {
  const rows = await db
    .select()
    .from(processes)
    .where(page.after ? gt(processes.key, page.after) : undefined)
    .orderBy(asc(processes.key))
    .limit(page.limit + 1);
  const items = rows.slice(0, page.limit).map(summaryOf);
  return { items, nextCursor: rows.length > page.limit ? (items.at(-1)?.key ?? null) : null };
}

export async function getProcessRow(db: Db, id: string, lock = false): Promise<ProcessRow> {
  const query = db.select().from(processes).where(eq(processes.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new NotFound('workflow.process.not_found', { id });
  return row;
}

export async function findProcessByKey(db: Db, key: string): Promise<ProcessRow | undefined> {
  const [row] = await db.select().from(processes).where(eq(processes.key, key));
  return row;
}

async function assertTicketType(db: Db, key: string, path: string): Promise<void> {
  if (!(await listTicketTypes(db)).some((type) => type.key === key)) throw invalidField(path, 'workflow.process.unknown_type', { type: key });
}

export type NewProcess = { key: string; name: ProcessLabel; ticketType: string; definition: unknown };

export async function createProcess(database: Database, actor: Actor, input: NewProcess): Promise<ProcessRow> {
  const draft = parseDraft(input.definition);
  await assertTicketType(database.db, input.ticketType, 'ticketType');
  return insertProcess(database, actor, { ...input, draft }, async (tx, row) => {
    await recordEvent(tx, processCreated, { aggregateId: row.id, cause: 'agent', actorId: actor.id, payload: { key: row.key, ticketType: row.ticketType } });
  });
}

/** Inserts a process, turning the unique keys' violations into 400s at the field; `then` records the event in the same transaction. */
export async function insertProcess(database: Database, actor: Actor, input: Omit<NewProcess, 'definition'> & { draft: ProcessDefinition }, then: (tx: Tx, row: ProcessRow) => Promise<void>): Promise<ProcessRow> {
  try {
    return await database.transaction(async (tx) => {
      const [row] = await tx.insert(processes).values({ id: uuidv7(), key: input.key, name: input.name, ticketType: input.ticketType, draft: input.draft }).returning();
      await then(tx, row!);
      return row!;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'processes_key')) throw invalidField('key', 'workflow.process.key_taken', { key: input.key });
    if (isUniqueViolation(error, 'processes_ticket_type')) throw invalidField('ticketType', 'workflow.process.type_taken', { type: input.ticketType });
    throw error;
  }
}

/** Saves the draft and/or the name; `expectedVersion` from If-Match, so two designers cannot overwrite each other. */
export async function updateProcess(database: Database, actor: Actor, id: string, expectedVersion: number, changes: { name?: ProcessLabel; definition?: unknown }): Promise<ProcessRow> {
  const draft = changes.definition === undefined ? undefined : parseDraft(changes.definition);
  return database.transaction(async (tx) => {
    const before = await getProcessRow(tx, id, true);
    if (before.version !== expectedVersion) throw new PreconditionFailed('workflow.process.version_mismatch', { current: before.version });
    const changed = [
      ...(changes.name && JSON.stringify(changes.name) !== JSON.stringify(before.name) ? ['name'] : []),
      ...(draft && JSON.stringify(draft) !== JSON.stringify(before.draft) ? ['definition'] : []),
    ];
    if (!changed.length) return before;
    const [after] = await tx
      .update(processes)
      .set({ ...(changed.includes('name') && { name: changes.name }), ...(changed.includes('definition') && { draft }), version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(processes.id, id), eq(processes.version, before.version)))
      .returning();
    await recordEvent(tx, processChanged, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { key: before.key, ticketType: before.ticketType, changes: changed } });
    return after!;
  });
}
