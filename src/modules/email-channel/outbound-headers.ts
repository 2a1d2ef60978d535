import { randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';

/**
 * Our Message-IDs: `ocsm.<uuid>.<128 random bits>@<mailbox domain>`: unique, recognisable in
 * bounces, and unguessable: a reply naming one threads without further proof (threading.ts), so
 * only someone who received our mail can produce it.
 */
export function newMessageId(mailboxAddress: string): string {
  const domain = mailboxAddress.split('@')[1] ?? 'opencsm.local';
  return `ocsm.${uuidv7()}.${randomBytes(16).toString('hex')}@${domain}`.toLowerCase();
}

/** At most 20 References (RFC 5322 allows more, some servers choke): the first and the latest 19. */
export function referencesFor(conversation: readonly string[]): string[] {
  const unique = [...new Set(conversation)];
  return unique.length <= 20 ? unique : [unique[0]!, ...unique.slice(-19)];
}

const fileTimeEpochOffsetMs = 11_644_473_600_000;

/**
 * Outlook's Thread-Index: a 22-byte header (the conversation's start as FILETIME, 6 bytes, plus a
 * 16-byte GUID) followed by a 5-byte block per reply, base64. The header is derived from the
 * ticket (its UUIDv7 carries its creation time), so every mail of a ticket groups in Outlook.
 */
export function threadIndex(ticketId: string, replyAt: Date, startedAt: Date): string {
  const start = BigInt(startedAt.getTime() + fileTimeEpochOffsetMs) * 10_000n;
  const header = Buffer.alloc(22);
  header.writeBigUInt64BE(start, 0); // only the first 6 bytes are kept below
  const guid = Buffer.from(ticketId.replace(/-/g, ''), 'hex');
  const headerBytes = Buffer.concat([header.subarray(0, 6), guid]);
  // Child block: the time since the start in units of 2^18 * 100 ns (bit 0 of the first byte = 0), plus 4 random bits.
  const delta = BigInt(Math.max(0, replyAt.getTime() - startedAt.getTime())) * 10_000n;
  const units = (delta >> 18n) & 0x7fffffffn;
  const child = Buffer.alloc(5);
  child.writeUInt32BE(Number(units), 0);
  child[4] = randomBytes(1)[0]! & 0xf0;
  return Buffer.concat([headerBytes, child]).toString('base64');
}

/** The creation time a UUIDv7 carries (its first 48 bits, in ms). */
export function uuidv7Time(id: string): Date {
  return new Date(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16));
}
