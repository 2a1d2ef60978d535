import { Readable } from 'node:stream';
import type { AttachmentStore, StoredFile } from './attachment-store.js';
import { cleanAttachmentName } from './attachment-name.js';
import type { ticketAttachments } from './schema.js';

/** A file a requester sent with a past message (a chat's photo), as a channel would have downloaded it. */
export type PastAttachment = { filename: string; contentType: string; content: Buffer };

/**
 * The bytes of every past attachment, saved before the import's transaction like an inbound
 * message's (content-addressed, so a second load writes nothing new). Keyed by the attachment.
 */
export async function savePastAttachments(files: readonly PastAttachment[], store: AttachmentStore | undefined): Promise<Map<PastAttachment, StoredFile>> {
  const saved = new Map<PastAttachment, StoredFile>();
  if (files.length === 0) return saved;
  if (!store) throw new Error('import: attachments need a store (ImportOptions.store)');
  for (const file of files) {
    if (file.content.length === 0) throw new Error(`import: attachment ${file.filename} is empty`);
    const blob = await store.save(Readable.from([file.content]), file.contentType);
    saved.set(file, { sha256: blob.sha256, size: blob.size, contentType: blob.contentType });
  }
  return saved;
}

/** The attachment rows of one past message, as receiveInboundMessage writes them. */
export function pastAttachmentRows(
  files: readonly PastAttachment[] | undefined,
  on: { ticketId: string; messageId: string; at: Date },
  saved: Map<PastAttachment, StoredFile>,
  newId: (at: Date) => string,
): (typeof ticketAttachments.$inferInsert)[] {
  return (files ?? []).map((file) => {
    const blob = saved.get(file)!;
    return { id: newId(on.at), ticketId: on.ticketId, messageId: on.messageId, filename: cleanAttachmentName(file.filename), contentType: blob.contentType, size: blob.size, sha256: blob.sha256, uploadedBy: null, createdAt: on.at };
  });
}
