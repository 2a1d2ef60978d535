import { createHash } from 'node:crypto';
import type { AddressObject } from 'mailparser';
import { classifyNoise, type NoiseKind } from './classify-noise.js';
import { collapseHtmlQuotes } from './collapse-html-quotes.js';
import { collapseQuotes } from './collapse-quotes.js';
import { sanitiseEmailHtml, textOfHtml } from './sanitise-html.js';

export type EmailAddress = { address: string; name: string };
export type EmailAttachment = { filename: string; contentType: string; content: Buffer; contentId: string | null; inline: boolean };

/** One received email, decoded (charsets, RFC 2047 words), with its HTML made safe. */
export type ParsedEmail = {
  /** Message-ID without angle brackets, or null when the mail has none. */
  messageId: string | null;
  /** Message-ID, else a hash of the bytes: the key that makes redelivery idempotent. */
  externalId: string;
  inReplyTo: string[];
  references: string[];
  from: EmailAddress | null;
  replyTo: EmailAddress[];
  to: EmailAddress[];
  cc: EmailAddress[];
  subject: string;
  /** The new text of the message, quoted history collapsed. */
  text: string;
  /** The quoted history that was cut off, if any. */
  quoted: string | null;
  /** Sanitised HTML of the new part (quoted history cut off), when the mail has an HTML part. */
  html: string | null;
  attachments: EmailAttachment[];
  date: Date | null;
  noise: NoiseKind | null;
  /** For delivery reports: the Message-IDs of ours it quotes and the reason it gives. */
  bounce: { messageIds: string[]; reason: string } | null;
  headers: ReadonlyMap<string, string>;
  /** Every Authentication-Results header, topmost (latest added) first, unfolded. */
  authenticationResults: string[];
};

/** A Message-ID without its angle brackets, as written (we echo it exactly; matching ignores case). */
export function normaliseMessageId(id: string): string {
  return id.trim().replace(/^<|>$/g, '').trim();
}

function messageIdList(value: string | string[] | undefined): string[] {
  const all = (Array.isArray(value) ? value : value ? [value] : []).flatMap((v) => v.match(/<[^<>\s]+>/g) ?? [v]);
  return [...new Set(all.map(normaliseMessageId).filter(Boolean))];
}

function addresses(value: AddressObject | AddressObject[] | undefined): EmailAddress[] {
  const list = (Array.isArray(value) ? value : value ? [value] : []).flatMap((o) => o.value);
  const flat = list.flatMap((a) => (a.group ? a.group : [a]));
  return flat.filter((a) => a.address).map((a) => ({ address: a.address!.trim().toLowerCase(), name: (a.name ?? '').trim() }));
}

function rawHeaders(lines: ReadonlyArray<{ key: string; line: string }>): Map<string, string> {
  const map = new Map<string, string>();
  for (const { key, line } of lines) {
    if (map.has(key)) continue;
    const colon = line.indexOf(':');
    map.set(key, line.slice(colon + 1).replace(/\r?\n[ \t]+/g, ' ').trim());
  }
  return map;
}

/** Our own outgoing Message-IDs have this shape, so a bounce that quotes one is recognisable. */
export const outgoingMessageIdPattern = /ocsm\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[a-z0-9]+@[a-z0-9.-]+/gi;

function bounceDetails(raw: Buffer, text: string): { messageIds: string[]; reason: string } {
  const status = raw.toString('latin1');
  const messageIds = [...new Set((status.match(outgoingMessageIdPattern) ?? []).map(normaliseMessageId))];
  const diagnostic = /Diagnostic-Code:\s*([^\r\n]+(?:\r?\n[ \t]+[^\r\n]+)*)/i.exec(status)?.[1]?.replace(/\s+/g, ' ').trim();
  const code = /^Status:\s*([245]\.\d+\.\d+)/im.exec(status)?.[1];
  const reason = diagnostic ?? (code ? `Status ${code}` : text.split('\n').find((line) => line.trim())?.trim() ?? 'delivery failed');
  return { messageIds, reason: reason.slice(0, 500) };
}

export async function parseEmail(raw: Buffer, envelope: { from?: string | null } = {}): Promise<ParsedEmail> {
  // cid: images become data: URIs inside the HTML (kept by the sanitiser for raster types only).
  // Imported on first use: mailparser is ~0.4 s of CPU to load, paid only by a process that parses mail.
  const { simpleParser } = await import('mailparser');
  const mail = await simpleParser(raw, { keepCidLinks: false });
  const headers = rawHeaders(mail.headerLines);
  const messageId = mail.messageId ? normaliseMessageId(mail.messageId) || null : null;
  const from = addresses(mail.from)[0] ?? null;
  const subject = (mail.subject ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  const rawHtml = typeof mail.html === 'string' && mail.html.trim() ? mail.html : null;
  const fullText = (mail.text?.trim() ? mail.text : rawHtml ? textOfHtml(sanitiseEmailHtml(rawHtml)) : '').replace(/\u00a0/g, ' ');
  // The HTML shown on the ticket is the new part only; the quoted history is in `quoted` (text).
  const html = rawHtml ? sanitiseEmailHtml(collapseHtmlQuotes(rawHtml)) : null;
  const { text, quoted } = collapseQuotes(fullText);
  const noise = classifyNoise({ headers, subject, from: from?.address ?? null, envelopeFrom: envelope.from });
  const reportParts = /^(message\/(delivery-status|rfc822|global-delivery-status)|text\/rfc822-headers)$/i;
  const attachments = mail.attachments
    .filter((a) => !(noise === 'bounce' && reportParts.test(a.contentType)))
    .map((a) => ({
      filename: a.filename?.trim() || (a.contentType.startsWith('image/') ? `image.${a.contentType.split('/')[1]}` : 'attachment'),
      contentType: a.contentType,
      content: a.content,
      contentId: a.contentId ? normaliseMessageId(a.contentId).toLowerCase() : null,
      inline: a.contentDisposition === 'inline' || Boolean(a.related),
    }));
  return {
    messageId,
    externalId: messageId ?? `sha256:${createHash('sha256').update(raw).digest('hex')}`,
    inReplyTo: messageIdList(mail.inReplyTo),
    references: messageIdList(mail.references),
    from,
    replyTo: addresses(mail.replyTo),
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    subject,
    text,
    quoted,
    html,
    attachments,
    date: mail.date ?? null,
    noise,
    bounce: noise === 'bounce' ? bounceDetails(raw, fullText) : null,
    headers,
    authenticationResults: mail.headerLines.filter((h) => h.key === 'authentication-results').map((h) => h.line.slice(h.line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim()),
  };
}
