import { randomInt } from 'node:crypto';
import type { WriteRules } from '../../app/write-rules.js';
import { uuidv7 } from 'uuidv7';
import { invalidField } from '../../app/errors.js';
import type { Database } from '../../db/database.js';
import { normaliseEmail, normalisePhone } from '../customers/index.js';
import { receiveInboundMessage, type AttachmentStore, type InboundAttachment, type InboundMessage } from '../tickets/index.js';
import { enforceRateLimits } from './rate-limit.js';
import { reserveUploadBudget } from './upload-budget.js';

export type WebFormInput = {
  name: string;
  phone?: string;
  email?: string;
  categoryId?: string;
  subject?: string;
  description: string;
  type?: string;
  fields?: Record<string, unknown>;
  /** Honeypot: hidden from people, filled by bots. */
  website?: string;
};

/** Per IP generous enough for an office behind one address; per email/phone tight. */
export const formLimits = { perIpPerHour: 30, perIdentityPerHour: 5 };

/** Daily byte budgets of anonymous uploads (MB, from the configuration). */
export type FormUploadBudgets = { ipDailyMb: number; siteDailyMb: number };

/**
 * A ticket from the public web form. Bots that fill the honeypot are told it worked and nothing is
 * stored. Submissions are limited per IP and per email/phone (counted in the database, so every
 * process shares them), and a retry with the same Idempotency-Key returns the first ticket's number.
 */
export async function submitWebForm(
  database: Database,
  input: WebFormInput,
  options: { ip: string; idempotencyKey?: string; files: InboundAttachment[]; budgets: FormUploadBudgets; timeZone: string; store: AttachmentStore } & WriteRules,
): Promise<{ number: string }> {
  if (input.website) return { number: decoyNumber(options.timeZone) };
  const email = input.email ? normaliseEmail(input.email) : null;
  const phone = input.phone ? normalisePhone(input.phone) : null;
  if (input.email && !email) throw invalidField('email', 'identity.invalid_email');
  if (input.phone && !phone) throw invalidField('phone', 'identity.invalid_phone');
  if (!email && !phone) throw invalidField('phone', 'validation.phone_or_email');

  await enforceRateLimits(database, [
    { bucket: `form:ip:${options.ip}`, limit: formLimits.perIpPerHour, windowSeconds: 3600 },
    { bucket: `form:identity:${email ?? phone}`, limit: formLimits.perIdentityPerHour, windowSeconds: 3600 },
  ]);
  // Files count against today's budgets of this address and of the installation before a byte
  // reaches the store; over either, 429 and nothing is stored. A submission that fails after this,
  // or replays an earlier one (which stores nothing new), gives its bytes back.
  const bytes = options.files.reduce((sum, file) => sum + file.content.length, 0);
  const release = bytes > 0
    ? await reserveUploadBudget(database, [
        { bucket: `ip:${options.ip}`, limitBytes: options.budgets.ipDailyMb * 1024 * 1024, code: 'form.upload_budget_ip' },
        { bucket: 'site', limitBytes: options.budgets.siteDailyMb * 1024 * 1024, code: 'form.upload_budget_site' },
      ], bytes)
    : null;
  const subject = input.subject?.trim() || firstLine(input.description);
  const message: InboundMessage = {
    channel: 'web',
    // Keys are scoped to the submitter, so guessing someone else's key reveals nothing.
    externalId: options.idempotencyKey ? `key:${email ?? phone}:${options.idempotencyKey}` : uuidv7(),
    requester: { name: input.name, ...(email && { email }), ...(phone && { phone }) },
    subject,
    body: input.description,
    meta: { form: 'web' },
    attachments: options.files,
    newTicket: { ...(input.categoryId && { categoryId: input.categoryId }), ...(input.type && { type: input.type }), ...(input.fields && { fields: input.fields }) },
  };
  try {
    const result = await receiveInboundMessage(database, message, { timeZone: options.timeZone, store: options.store, guards: options.guards, fieldTypes: options.fieldTypes });
    if (result.duplicate) await release?.();
    return { number: result.ticketNumber };
  } catch (error) {
    await release?.();
    throw error;
  }
}

function firstLine(text: string): string {
  const line = text.trim().split(/\r?\n/)[0]!.trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

/** Looks like a real number (today's date, a sequence), so a bot learns nothing. */
function decoyNumber(timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date()).replaceAll('-', '');
  return `${day}-${String(randomInt(1, 10_000)).padStart(4, '0')}`;
}
