import { and, asc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { Conflict, NotFound } from '../../app/errors.js';
import type { Database } from '../../db/database.js';
import type { EventCause } from '../../jobs/event-definition.js';
import { recordEvent } from '../../jobs/events.js';
import { removeImportedContacts, removeImportedOrganization, restoreImportedContact, restoreImportedOrganization, type ImportUndoRefusal } from '../customers/index.js';
import { countTicketsOfRequesters } from '../tickets/index.js';
import type { Actor } from '../auth/index.js';
import { importBatchRolledBack } from './events.js';
import { importBatches, importExternalIds, importRows } from './schema.js';

export type RollbackResult = { batchId: string; removed: number; restored: number; refused: Array<{ row: number; entityId: string; reason: ImportUndoRefusal }> };

/**
 * Undo one batch, whatever came after it: what it created is removed and what it changed is put
 * back from the before-images, through the customers module, with the rollback's own cause
 * (`import:<batchId>`). A record changed since (its version is not the one the batch left: a
 * person edited it, or a later batch did), merged away or in use by tickets is left alone and listed.
 */
export async function rollbackBatch(database: Database, actor: Actor, jobId: string, batchId: string): Promise<RollbackResult> {
  return database.transaction(async (tx) => {
    const [batch] = await tx.select().from(importBatches).where(and(eq(importBatches.id, batchId), eq(importBatches.jobId, jobId))).for('update');
    if (!batch) throw new NotFound('imports.batch_not_found');
    if (batch.rolledBackAt) throw new Conflict('imports.batch_rolled_back');
    const { entity } = (await tx.execute<{ entity: 'contacts' | 'organisations' }>(sql`select entity from import_jobs where id = ${jobId}`)).rows[0]!;
    const cause: EventCause = `import:${batchId}`;
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
    await tx.update(importBatches).set({ rolledBackAt: sql`now()`, refused: result.refused }).where(eq(importBatches.id, batchId));
    await recordEvent(tx, importBatchRolledBack, { aggregateId: jobId, cause: 'agent', actorId: actor.id, payload: { batchId, removed: result.removed, restored: result.restored, refused: result.refused.length } });
    return result;
  });
}
