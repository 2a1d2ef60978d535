import { and, asc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { Conflict, NotFound } from '../../app/errors.js';
import type { Database, Tx } from '../../db/database.js';
import type { EventCause } from '../../jobs/event-definition.js';
import { recordEvent } from '../../jobs/events.js';
import { removeImportedContacts, removeImportedOrganization, restoreImportedContact, restoreImportedOrganization, type ImportUndoRefusal } from '../customers/index.js';
import { attachmentStoreIn, countTicketsOfRequesters, removeImportedTickets, type ImportedTicketRefusal } from '../tickets/index.js';
import type { Actor } from '../auth/index.js';
import { importBatchRolledBack } from './events.js';
import { importBatches, importExternalIds, importRows, type ImportEntity } from './schema.js';

export type RollbackResult = { batchId: string; removed: number; restored: number; refused: Array<{ row: number; entityId: string; reason: ImportUndoRefusal | ImportedTicketRefusal }> };

/**
 * Undo one batch, whatever came after it: what it created is removed and what it changed is put
 * back from the before-images, through the customers module, with the rollback's own cause
 * (`import:<batchId>`). A record changed since (its version is not the one the batch left: a
 * person edited it, or a later batch did), merged away or in use by tickets is left alone and listed.
 */
export async function rollbackBatch(database: Database, actor: Actor, jobId: string, batchId: string, dataDir?: string): Promise<RollbackResult> {
  const { result, orphanedFiles } = await database.transaction(async (tx) => {
    const [batch] = await tx.select().from(importBatches).where(and(eq(importBatches.id, batchId), eq(importBatches.jobId, jobId))).for('update');
    if (!batch) throw new NotFound('imports.batch_not_found');
    if (batch.rolledBackAt) throw new Conflict('imports.batch_rolled_back');
    const { entity } = (await tx.execute<{ entity: ImportEntity }>(sql`select entity from import_jobs where id = ${jobId}`)).rows[0]!;
    const cause: EventCause = `import:${batchId}`;
    if (entity === 'tickets') {
      const undone = await rollbackTicketBatch(tx, cause, batchId);
      await finishRollback(tx, actor, jobId, batchId, undone.result);
      return undone;
    }
    const rows = await tx
      .select()
      .from(importRows)
      .where(and(eq(importRows.batchId, batchId), or(eq(importRows.outcome, 'created'), isNotNull(importRows.before))))
      .orderBy(asc(importRows.rowNumber));
    const result: RollbackResult = { batchId, removed: 0, restored: 0, refused: [] };
    const removedIds: string[] = [];
    // A batch's created contacts go in one pass (thousands of rows a job); the rest row by row.
    const contactRefusals =
      entity === 'contacts'
        ? await removeImportedContacts(tx, cause, rows.filter((r) => r.outcome === 'created').map((r) => ({ id: r.entityId!, expectedVersion: r.afterVersion! })), countTicketsOfRequesters)
        : new Map<string, ImportUndoRefusal>();
    for (const row of rows) {
      const id = row.entityId!;
      let refusal: ImportUndoRefusal | null;
      if (row.outcome === 'created') {
        refusal = entity === 'contacts' ? (contactRefusals.get(id) ?? null) : await removeImportedOrganization(tx, cause, id, row.afterVersion!);
        if (!refusal) removedIds.push(id);
      } else {
        const before = row.before!;
        refusal = entity === 'contacts' ? await restoreImportedContact(tx, cause, id, before, row.afterVersion!) : await restoreImportedOrganization(tx, cause, id, { name: before.name, notes: before.notes, fields: before.fields }, row.afterVersion!);
      }
      if (refusal) result.refused.push({ row: row.rowNumber, entityId: id, reason: refusal });
      else if (row.outcome === 'created') result.removed += 1;
      else result.restored += 1;
    }
    if (removedIds.length) await tx.delete(importExternalIds).where(and(eq(importExternalIds.batchId, batchId), inArray(importExternalIds.entityId, removedIds)));
    await finishRollback(tx, actor, jobId, batchId, result);
    return { result, orphanedFiles: [] };
  });
  // The files of removed attachments no ticket holds any more, once their rows are gone for good.
  if (orphanedFiles.length && dataDir) {
    const store = attachmentStoreIn(dataDir);
    for (const sha256 of orphanedFiles) await store.remove(sha256);
  }
  return result;
}

async function finishRollback(tx: Tx, actor: Actor, jobId: string, batchId: string, result: RollbackResult): Promise<void> {
  await tx.update(importBatches).set({ rolledBackAt: sql`now()`, refused: result.refused }).where(eq(importBatches.id, batchId));
  await recordEvent(tx, importBatchRolledBack, { aggregateId: jobId, cause: 'agent', actorId: actor.id, payload: { batchId, removed: result.removed, restored: result.restored, refused: result.refused.length } });
}

/**
 * A tickets batch: its tickets go with their messages, attachments and timeline (tickets module;
 * one someone worked on since stays, listed), then the requesters its rows created, unless other
 * tickets still name them (listed `in_use`).
 */
async function rollbackTicketBatch(tx: Tx, cause: EventCause, batchId: string): Promise<{ result: RollbackResult; orphanedFiles: string[] }> {
  const rows = await tx.select().from(importRows).where(and(eq(importRows.batchId, batchId), eq(importRows.outcome, 'created'))).orderBy(asc(importRows.rowNumber));
  const tickets = await removeImportedTickets(tx, cause, rows.map((r) => r.entityId!));
  const removed = new Set(tickets.removed);
  const result: RollbackResult = { batchId, removed: removed.size, restored: 0, refused: [] };
  for (const row of rows) if (tickets.refused.has(row.entityId!)) result.refused.push({ row: row.rowNumber, entityId: row.entityId!, reason: 'changed' });
  const made = rows.filter((r) => removed.has(r.entityId!)).flatMap((r) => (r.madeContactIds ?? []).map((id) => ({ id, row: r.rowNumber })));
  const contactRefusals = await removeImportedContacts(tx, cause, made.map((m) => ({ id: m.id, expectedVersion: 1 })), countTicketsOfRequesters);
  for (const m of made) {
    const refusal = contactRefusals.get(m.id);
    if (refusal) result.refused.push({ row: m.row, entityId: m.id, reason: refusal });
  }
  const gone = [...removed, ...made.filter((m) => !contactRefusals.has(m.id)).map((m) => m.id)];
  if (gone.length) await tx.delete(importExternalIds).where(and(eq(importExternalIds.batchId, batchId), inArray(importExternalIds.entityId, gone)));
  return { result, orphanedFiles: tickets.orphanedFiles };
}
