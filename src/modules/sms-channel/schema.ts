import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Every SMS this installation sent or was asked to send, one row each, which is what the send
 * limits count (code-send-policy.ts): a sign-in code request is a row even when the number is
 * unknown and nothing is sent (`withheld`), so the limits answer alike for known and unknown
 * numbers, and a send counts even if the vendor then fails. `params` are kept only for messages
 * that never left the server (`sandbox`, `dev`): the console shows them so a trainer can read a
 * code; a real code is not kept here (the portal stores its hash). Rows older than a week are
 * swept as new ones are written.
 */
export const smsMessages = pgTable(
  'sms_messages',
  {
    id: uuid('id').primaryKey(),
    /** code (portal sign-in) | notification (a ticket's new reply) */
    purpose: text('purpose').$type<'code' | 'notification'>().notNull(),
    phoneE164: text('phone_e164').notNull(),
    /** The client that asked for a code (per-IP limit); null for notifications. */
    clientIp: text('client_ip'),
    accountId: uuid('account_id'),
    /** The reply a notification announces: one notification per reply, whatever the retries. */
    ticketMessageId: uuid('ticket_message_id'),
    templateId: text('template_id'),
    params: jsonb('params').$type<Record<string, string>>(),
    /** withheld | queued | sandbox | dev | sent | failed */
    status: text('status').$type<SmsMessageStatus>().notNull(),
    vendorMessageId: text('vendor_message_id'),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('sms_messages_phone_idx').on(t.phoneE164, t.createdAt),
    index('sms_messages_ip_idx').on(t.clientIp, t.createdAt).where(sql`${t.clientIp} is not null`),
    index('sms_messages_created_idx').on(t.createdAt),
    uniqueIndex('sms_messages_ticket_message_key').on(t.ticketMessageId).where(sql`${t.ticketMessageId} is not null`),
  ],
);

export type SmsMessageStatus = 'withheld' | 'queued' | 'sandbox' | 'dev' | 'sent' | 'failed';
