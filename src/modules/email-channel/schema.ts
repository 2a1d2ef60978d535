import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

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
