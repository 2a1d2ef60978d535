import type { FastifyReply } from 'fastify';
import type { AttachmentStore } from './attachment-store.js';
import type { AttachmentRow } from './attachments.js';

/**
 * Answer with an attachment's bytes, the same way for agents and customers: always a download
 * (never rendered in our origin), sniffing off, sandboxed if a browser renders it anyway.
 */
export async function sendAttachment(reply: FastifyReply, store: AttachmentStore, attachment: Pick<AttachmentRow, 'sha256' | 'contentType' | 'filename'>): Promise<FastifyReply> {
  const { stream, size } = await store.open(attachment.sha256);
  return reply
    .header('Content-Type', attachment.contentType)
    .header('Content-Length', size)
    .header('Content-Disposition', contentDisposition(attachment.filename))
    .header('X-Content-Type-Options', 'nosniff')
    .header('Content-Security-Policy', "sandbox; default-src 'none'")
    .header('Cache-Control', 'private, max-age=3600')
    .send(stream);
}

/** RFC 6266 / 5987: an ASCII fallback plus the UTF-8 name (Chinese filenames survive). */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  // encodeURIComponent leaves ' ( ) * alone, but they are not attr-chars (RFC 8187 §3.2.1).
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
