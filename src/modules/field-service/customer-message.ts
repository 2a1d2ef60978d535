import { Readable } from 'node:stream';
import { Conflict } from '../../app/errors.js';
import type { ReplyChannels } from '../../app/reply-channels.js';
import { databaseInside, type Database, type Tx } from '../../db/database.js';
import { addMessage, uploadAttachment, type AttachmentStore } from '../tickets/index.js';
import { fieldServiceActor } from './field-service-actor.js';

/**
 * Tells the ticket's requester something as a public reply of the field-service actor, inside `tx`
 * (so the notice row that keys it commits with it: a retried job sends nothing twice). The ticket's
 * channel delivers it like an agent's reply — email, SMS, WeChat … — through the tickets service.
 * A closed ticket takes no reply: null.
 */
export async function replyToRequester(tx: Tx, database: Database, replyChannels: ReplyChannels, ticketId: string, body: string, file?: { store: AttachmentStore; bytes: Buffer; filename: string; contentType: string; limitMb: number }): Promise<{ messageId: string; attachmentId: string | null } | null> {
  const inside = databaseInside(tx, database);
  try {
    const attachment = file ? await uploadAttachment(inside, file.store, fieldServiceActor, ticketId, { stream: streamOf(file.bytes), filename: file.filename, mimetype: file.contentType }, file.limitMb) : null;
    const message = await addMessage(inside, fieldServiceActor, ticketId, { body, attachmentIds: attachment ? [attachment.id] : [] }, replyChannels, { cause: 'system' });
    return { messageId: message.id, attachmentId: attachment?.id ?? null };
  } catch (error) {
    if (error instanceof Conflict && error.code === 'ticket.closed_readonly') return null;
    throw error;
  }
}

/** One chunk (Readable.from(buffer) would iterate it byte by byte). */
function streamOf(bytes: Buffer): Readable {
  return Readable.from([bytes]);
}
