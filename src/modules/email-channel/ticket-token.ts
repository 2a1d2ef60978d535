import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How a reply finds its ticket without References: the ticket number in the subject
 * (`[#20261123-0007]`), and a reply address we signed (`support+20261123-0007.k4x9…@acme.cn`).
 * The subject token is readable and therefore forgeable; the signed address is not: its HMAC
 * (keyed by the installation's secret) proves we issued it for exactly that ticket.
 */
const subjectToken = /\[#\s*(\d{8}-\d{4,})\s*\]/;

export function subjectWithToken(subject: string, ticketNumber: string): string {
  const clean = subject.replace(/\[#\s*\d{8}-\d{4,}\s*\]\s*/g, '').trim();
  return `[#${ticketNumber}] ${clean}`.trim();
}

export function ticketNumberInSubject(subject: string): string | null {
  return subjectToken.exec(subject)?.[1] ?? null;
}

/** Strip reply/forward prefixes (Re:, 回复：, 答复:, Fw:, 转发:) and our token, for comparing subjects. */
export function baseSubject(subject: string): string {
  let s = subject.replace(subjectToken, ' ');
  for (;;) {
    const next = s.replace(/^\s*(re|fw|fwd|aw|sv|回复|回覆|答复|转发|轉寄|转寄)\s*(\[\d+\])?\s*[:：]\s*/i, '');
    if (next === s) break;
    s = next;
  }
  return s.replace(/\s+/g, ' ').trim();
}

const signatureLength = 12;

function signature(key: Buffer, ticketNumber: string): string {
  return createHmac('sha256', key).update(`reply-address:${ticketNumber}`).digest('base64url').replace(/[-_]/g, '').slice(0, signatureLength).toLowerCase();
}

/** The tag after `+` in a signed reply address. */
export function signedReplyTag(key: Buffer, ticketNumber: string): string {
  return `${ticketNumber}.${signature(key, ticketNumber)}`;
}

export function signedReplyAddress(key: Buffer, mailboxAddress: string, ticketNumber: string): string {
  const at = mailboxAddress.lastIndexOf('@');
  return `${mailboxAddress.slice(0, at)}+${signedReplyTag(key, ticketNumber)}${mailboxAddress.slice(at)}`;
}

/** `local+tag@domain` → `{ base: local@domain, tag }`; null without a tag. */
export function splitPlusAddress(address: string): { base: string; tag: string } | null {
  const match = /^([^+@]+)\+([^@]+)@(.+)$/.exec(address.trim().toLowerCase());
  return match ? { base: `${match[1]}@${match[3]}`, tag: match[2]! } : null;
}

/** The ticket number a tag was signed for, or null when the tag is malformed or forged. */
export function verifyReplyTag(key: Buffer, tag: string): string | null {
  const match = /^(\d{8}-\d{4,})\.([a-z0-9]+)$/i.exec(tag);
  if (!match) return null;
  const expected = Buffer.from(signature(key, match[1]!));
  const given = Buffer.from(match[2]!.toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given) ? match[1]! : null;
}
