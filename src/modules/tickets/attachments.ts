import type { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Conflict, Invalid, NotFound, PayloadTooLarge } from '../../app/errors.js';
import type { Database, Db } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { ticketAttachmentAdded } from './events.js';
import type { Actor } from '../auth/index.js';
import { cleanAttachmentName } from './attachment-name.js';
import type { AttachmentStore } from './attachment-store.js';
import { getVisibleTicket } from './get-ticket.js';
import { ticketAttachments, ticketEvents, tickets } from './schema.js';
import { visibleTo } from './visibility.js';

export type AttachmentRow = typeof ticketAttachments.$inferSelect;

/** Store an uploaded file and attach it to a ticket; a later message may claim it. */
export async function uploadAttachment(
  database: Database,
  store: AttachmentStore,
  actor: Actor,
  ticketId: string,
  file: { stream: Readable; filename: string; mimetype?: string },
  limitMb: number,
): Promise<AttachmentRow> {
  // Check visibility before reading the body, so strangers cannot fill the disk.
  const ticket = await getVisibleTicket(database.db, actor, ticketId);
  if (ticket.status === 'closed') throw new Conflict('ticket.closed_readonly');
  const stored = await store.save(file.stream, file.mimetype);
  if (stored.truncated) throw new PayloadTooLarge('attachment.too_large', { limitMb });
  if (stored.size === 0) throw new Invalid('validation.failed', {}, [{ path: 'file', code: 'attachment.empty' }]);
  return database.transaction(async (tx) => {
    const now = new Date();
    const [row] = await tx
      .insert(ticketAttachments)
      .values({ id: uuidv7(), ticketId: ticket.id, filename: cleanAttachmentName(file.filename), contentType: stored.contentType, size: stored.size, sha256: stored.sha256, uploadedBy: actor.id, createdAt: now })
      .returning();
    await tx.insert(ticketEvents).values({ id: uuidv7(), ticketId: ticket.id, actorId: actor.id, type: 'attachment_added', newValue: { attachmentId: row!.id, filename: row!.filename, size: row!.size }, createdAt: now });
    await recordEvent(tx, ticketAttachmentAdded, { aggregateId: ticket.id, cause: 'agent', actorId: actor.id, payload: { attachmentId: row!.id } });
    return row!;
  });
}

/** An attachment of a ticket the actor may see (404 otherwise, same as a missing one). */
export async function getVisibleAttachment(db: Db, actor: Actor, attachmentId: string): Promise<AttachmentRow> {
  const [row] = await db
    .select({ attachment: ticketAttachments })
    .from(ticketAttachments)
    .innerJoin(tickets, eq(tickets.id, ticketAttachments.ticketId))
    .where(and(eq(ticketAttachments.id, attachmentId), visibleTo(actor)));
  if (!row) throw new NotFound('attachment.not_found');
  return row.attachment;
}
