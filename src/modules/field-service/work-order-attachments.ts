import type { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Forbidden, Invalid, NotFound, PayloadTooLarge } from '../../app/errors.js';
import { isUniqueViolation, type Database, type Db } from '../../db/database.js';
import type { Actor } from '../auth/index.js';
import type { AttachmentStore } from '../tickets/index.js';
import { getVisibleWorkOrder } from './list-work-orders.js';
import { workOrderAttachments } from './schema.js';
import { dispatches } from './work-order-visibility.js';

export type WorkOrderAttachmentRow = typeof workOrderAttachments.$inferSelect;

/**
 * Stores a photo or the customer's signature for an order, in the installation's content-addressed
 * store (the tickets' AttachmentStore). `clientId` is the app's id for the file: the same upload
 * again (a replayed outbox) answers the first row and stores nothing.
 */
export async function uploadWorkOrderAttachment(
  database: Database,
  store: AttachmentStore,
  actor: Actor,
  workOrderId: string,
  upload: { clientId: string; kind: 'photo' | 'signature'; file: { stream: Readable; filename: string; mimetype?: string } },
  limitMb: number,
): Promise<{ row: WorkOrderAttachmentRow; duplicate: boolean }> {
  const order = await getVisibleWorkOrder(database.db, actor, workOrderId);
  if (!order) throw new NotFound('work_order.not_found');
  if (order.engineerId !== actor.id && !dispatches(actor, order)) throw new Forbidden('work_order.engineer_only', { step: 'upload' });
  const existing = await findByClientId(database.db, order.id, upload.clientId);
  if (existing) {
    upload.file.stream.resume(); // read and drop the body: nothing is stored twice
    return { row: existing, duplicate: true };
  }
  const stored = await store.save(upload.file.stream, upload.file.mimetype);
  if (stored.truncated) throw new PayloadTooLarge('attachment.too_large', { limitMb });
  if (stored.size === 0) throw new Invalid('validation.failed', {}, [{ path: 'file', code: 'attachment.empty' }]);
  if (!/^image\//.test(stored.contentType)) throw new Invalid('validation.failed', {}, [{ path: 'file', code: 'work_order.attachment_not_image' }]);
  try {
    const [row] = await database.db.insert(workOrderAttachments).values({
      id: uuidv7(), workOrderId: order.id, clientId: upload.clientId, kind: upload.kind, filename: upload.file.filename.slice(0, 200) || `${upload.kind}.jpg`,
      contentType: stored.contentType, size: stored.size, sha256: stored.sha256, uploadedBy: actor.id,
    }).returning();
    return { row: row!, duplicate: false };
  } catch (error) {
    // Two retries of one upload at once: the store kept one copy of the bytes (by hash), the row is the first's.
    if (isUniqueViolation(error, 'work_order_attachments_client')) return { row: (await findByClientId(database.db, order.id, upload.clientId))!, duplicate: true };
    throw error;
  }
}

async function findByClientId(db: Db, workOrderId: string, clientId: string): Promise<WorkOrderAttachmentRow | undefined> {
  const [row] = await db.select().from(workOrderAttachments).where(and(eq(workOrderAttachments.workOrderId, workOrderId), eq(workOrderAttachments.clientId, clientId)));
  return row;
}

/** An attachment of an order the actor may see (404 otherwise, as a missing one). */
export async function getWorkOrderAttachment(db: Db, actor: Actor, attachmentId: string): Promise<WorkOrderAttachmentRow> {
  const [row] = await db.select().from(workOrderAttachments).where(eq(workOrderAttachments.id, attachmentId));
  if (!row || !(await getVisibleWorkOrder(db, actor, row.workOrderId))) throw new NotFound('attachment.not_found');
  return row;
}
