import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

import type { SenderAuth } from './sender-auth-result.js';

export type OutboundSettings = { host: string; port: number; secure: boolean; user: string | null };
export type ImapSettings = { host: string; port: number; secure: boolean; user: string; folder: string; afterFetch: 'seen' | 'move'; moveTo: string | null; pollSeconds: number };

/**
 * Mailboxes an administrator configured: the address customers write to, how we send from it and,
 * optionally, an existing IMAP mailbox we poll. Passwords are stored encrypted (AES-256-GCM,
 * installation key) and never leave the server.
 */
export const emailMailboxes = pgTable(
  'email_mailboxes',
  {
    id: uuid('id').primaryKey(),
    /** Lower case; unique. */
    address: text('address').notNull(),
    name: text('name').notNull(),
    teamId: uuid('team_id'),
    signature: text('signature').notNull().default(''),
    language: text('language').notNull().default('zh-CN'),
    autoAcknowledge: boolean('auto_acknowledge').notNull().default(true),
    active: boolean('active').notNull().default(true),
    outbound: jsonb('outbound').$type<OutboundSettings>(),
    outboundPassword: text('outbound_password'),
    imap: jsonb('imap').$type<ImapSettings>(),
    imapPassword: text('imap_password'),
    /** IMAP resume point: the folder's UIDVALIDITY and the last UID stored. */
    imapUidValidity: bigint('imap_uid_validity', { mode: 'number' }),
    imapLastUid: bigint('imap_last_uid', { mode: 'number' }).notNull().default(0),
    imapLastPolledAt: timestamp('imap_last_polled_at', { withTimezone: true }),
    imapLastError: text('imap_last_error'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('email_mailboxes_address_key').on(t.address)],
);

/**
 * Raw mail as received, stored before we acknowledge it (SMTP 250, IMAP flag): the durable inbox
 * the `email.process` job works from. `source_key` makes an IMAP message land once however often
 * it is fetched.
 */
export const emailInbound = pgTable(
  'email_inbound',
  {
    id: uuid('id').primaryKey(),
    source: text('source').$type<'smtp' | 'imap'>().notNull(),
    sourceKey: text('source_key'),
    envelopeFrom: text('envelope_from'),
    recipients: text('recipients').array().notNull().default(sql`'{}'::text[]`),
    mailboxIds: uuid('mailbox_ids').array().notNull().default(sql`'{}'::uuid[]`),
    raw: bytea('raw').notNull(),
    size: integer('size').notNull(),
    /** SMTP only, recorded at receipt: the client's address, its HELO name (MAIL FROM is envelopeFrom). */
    clientIp: text('client_ip'),
    helo: text('helo'),
    /** Sender authentication, written by the processing job (SPF/DKIM/DMARC/ARC and the verdict). */
    auth: jsonb('auth').$type<SenderAuth>(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    /** ticket | duplicate | auto_reply | bounce | list | rejected */
    outcome: text('outcome'),
    ticketId: uuid('ticket_id'),
    externalId: text('external_id'),
  },
  (t) => [uniqueIndex('email_inbound_source_key').on(t.sourceKey), index('email_inbound_unprocessed_idx').on(t.receivedAt).where(sql`${t.processedAt} is null`)],
);

/**
 * Every Message-ID we know on a ticket, ours (sent) and the customers' (received): threading looks
 * replies up here by In-Reply-To/References, and the participants of a ticket's mail are who may
 * thread by the subject token.
 */
export const emailMessages = pgTable(
  'email_messages',
  {
    messageId: text('message_id').primaryKey(),
    ticketId: uuid('ticket_id').notNull(),
    ticketNumber: text('ticket_number').notNull(),
    ticketMessageId: uuid('ticket_message_id'),
    direction: text('direction').$type<'in' | 'out'>().notNull(),
    mailboxId: uuid('mailbox_id'),
    fromAddress: text('from_address'),
    /** To and Cc addresses (lower case), ours excluded. */
    recipients: text('recipients').array().notNull().default(sql`'{}'::text[]`),
    /**
     * Incoming only: whether the sender counts as a participant of the ticket (false for mail an
     * agent attached from the quarantine: the agent vouched for the mail, not for its sender).
     */
    trustedSender: boolean('trusted_sender').notNull().default(true),
    /** Outgoing only: queued | sent | failed. */
    status: text('status'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('email_messages_ticket_idx').on(t.ticketId, t.createdAt),
    index('email_messages_ticket_message_idx').on(t.ticketMessageId),
    index('email_messages_message_id_lower_idx').on(sql`lower(${t.messageId})`),
    index('email_messages_ticket_number_idx').on(t.ticketNumber),
  ],
);

/**
 * 可疑邮件: mail that points at an existing ticket (subject number, a customer's Message-ID)
 * without evidence an outsider cannot forge. It waits here, raw mail kept in email_inbound, until
 * someone with `email.quarantine` attaches it, makes it a new ticket, or rejects it.
 */
export const emailQuarantine = pgTable(
  'email_quarantine',
  {
    id: uuid('id').primaryKey(),
    inboundId: uuid('inbound_id').notNull(),
    /** The ticket the mail points at. */
    ticketId: uuid('ticket_id').notNull(),
    ticketNumber: text('ticket_number').notNull(),
    /** forged_sender | unknown_participant | failed_authentication | unauthenticated */
    reason: text('reason').$type<QuarantineReason>().notNull(),
    fromAddress: text('from_address'),
    subject: text('subject').notNull().default(''),
    /** pending | attached | new_ticket | rejected */
    state: text('state').$type<QuarantineState>().notNull().default('pending'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The ticket the mail went to (attached or new). */
    resultTicketId: uuid('result_ticket_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('email_quarantine_inbound_key').on(t.inboundId), index('email_quarantine_pending_idx').on(t.createdAt).where(sql`${t.state} = 'pending'`)],
);

export type QuarantineReason = 'forged_sender' | 'unknown_participant' | 'failed_authentication' | 'unauthenticated';
export type QuarantineState = 'pending' | 'attached' | 'new_ticket' | 'rejected';

/**
 * Who besides the requester gets a ticket's email replies. People found in To/Cc of a customer's
 * mail are `proposed` until an agent accepts (or dismisses) them: a stranger copied on a mail never
 * becomes a recipient on their own.
 */
export const emailTicketCcs = pgTable(
  'email_ticket_ccs',
  {
    ticketId: uuid('ticket_id').notNull(),
    address: text('address').notNull(),
    /** proposed | accepted | dismissed */
    state: text('state').$type<'proposed' | 'accepted' | 'dismissed'>().notNull(),
    name: text('name').notNull().default(''),
    decidedBy: uuid('decided_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.address] })],
);
