import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { processKeySchema, processLabelSchema, type ProcessDefinition, type ProcessLabel } from '../../workflow-model/definition.js';
import type { Actor } from '../auth/index.js';
import { listTicketTypes } from '../forms/index.js';
import { invalidField } from '../../app/errors.js';
import { processImported } from './events.js';
import { findProcessByKey, getProcessRow, insertProcess, parseDraft } from './processes.js';
import { getProcessVersion } from './publish-process.js';
import { processes } from './schema.js';

/**
 * A process as a JSON file (issue 19 §3: move a process from a test installation to production).
 * It carries the ticket type by key, never ids of this installation's rows; teams and users named
 * in assignee or approver rules must exist there too (publishing there checks what it can).
 */
export const processExportFormat = 'opencsm.process';
export const processExportSchema = z.object({
  format: z.literal(processExportFormat),
  formatVersion: z.literal(1),
  key: processKeySchema,
  name: processLabelSchema,
  ticketType: z.string().min(1).max(63),
  /** The published version it came from, or null for the draft. */
  sourceVersion: z.number().int().nullable(),
  definition: z.unknown(),
});
export type ProcessExport = { format: typeof processExportFormat; formatVersion: 1; key: string; name: ProcessLabel; ticketType: string; sourceVersion: number | null; definition: ProcessDefinition };

/** The draft, or a published version when `version` is given. */
export async function exportProcess(database: Database, id: string, version?: number): Promise<ProcessExport> {
  const row = await getProcessRow(database.db, id);
  const definition = version === undefined ? row.draft : (await getProcessVersion(database.db, id, version)).definition;
  return { format: processExportFormat, formatVersion: 1, key: row.key, name: row.name, ticketType: row.ticketType, sourceVersion: version ?? null, definition };
}

/**
 * Imports a file as a draft: a new process when its key is new here, else the draft of the process
 * with that key is replaced (its published versions stay; publishing makes the import live). The
 * ticket type must exist here and, for a new process, have no process yet.
 */
export async function importProcess(database: Database, actor: Actor, file: z.output<typeof processExportSchema>): Promise<{ id: string; created: boolean }> {
  const draft = parseDraft(file.definition);
  if (!(await listTicketTypes(database.db)).some((type) => type.key === file.ticketType)) throw invalidField('ticketType', 'workflow.process.unknown_type', { type: file.ticketType });
  const existing = await findProcessByKey(database.db, file.key);
  if (!existing) {
    const row = await insertProcess(database, actor, { key: file.key, name: file.name, ticketType: file.ticketType, draft }, async (tx, inserted) => {
      await recordEvent(tx, processImported, { aggregateId: inserted.id, cause: 'agent', actorId: actor.id, payload: { key: inserted.key, ticketType: inserted.ticketType, created: true } });
    });
    return { id: row.id, created: true };
  }
  if (existing.ticketType !== file.ticketType) throw invalidField('ticketType', 'workflow.process.type_differs', { type: existing.ticketType });
  await database.transaction(async (tx) => {
    const locked = await getProcessRow(tx, existing.id, true);
    await tx.update(processes).set({ draft, name: file.name, version: locked.version + 1, updatedAt: new Date() }).where(eq(processes.id, locked.id));
    await recordEvent(tx, processImported, { aggregateId: locked.id, cause: 'agent', actorId: actor.id, payload: { key: locked.key, ticketType: locked.ticketType, created: false } });
  });
  return { id: existing.id, created: false };
}
