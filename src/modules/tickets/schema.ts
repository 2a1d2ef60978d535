import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { searchSegmenterVersion } from '../../search/segment.js';
import type { TicketStatus } from './ticket-status.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const ticketPriorities = pgTable('ticket_priorities', {
  key: text('key').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  /** 1 = most urgent. Lists sort by it. */
  rank: integer('rank').notNull(),
  color: text('color').notNull().default('default'),
  isDefault: boolean('is_default').notNull().default(false),
  active: boolean('active').notNull().default(true),
});

export const ticketCategories = pgTable(
  'ticket_categories',
  {
    id: uuid('id').primaryKey(),
    parentId: uuid('parent_id'),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull().default(''),
    position: integer('position').notNull().default(0),
    active: boolean('active').notNull().default(true),
    /** New tickets of this category (or a sub-category without its own) go to this team when none is given. No FK: teams belong to the auth module; `team.deleted` clears it. */
    defaultTeamId: uuid('default_team_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ticket_categories_parent_idx').on(t.parentId)],
);

export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull(),
    subject: text('subject').notNull(),
    description: text('description').notNull(),
    status: text('status').$type<TicketStatus>().notNull().default('new'),
    priority: text('priority').notNull(),
    categoryId: uuid('category_id'),
    channel: text('channel').notNull().default('api'),
    requesterId: uuid('requester_id'),
    teamId: uuid('team_id'),
    assigneeId: uuid('assignee_id'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /**
     * The earliest due time of the ticket's running SLA targets (null: none), kept by the SLA
     * module through `setTicketSlaDueAt` so lists sort and filter by it from an index, as they do
     * by priority or update time (a per-row subquery over the timers took ~0.5 s at 100 k open
     * tickets, BENCHMARKS.md).
     */
    slaDueAt: timestamp('sla_due_at', { withTimezone: true }),
    /** The ticket type (forms module; no FK across modules) and the form version the ticket follows. */
    typeId: uuid('type_id'),
    typeVersion: integer('type_version'),
    /** Custom field values by key, in each type's one stored form (src/forms/field-values.ts). */
    fields: jsonb('fields').$type<Record<string, unknown>>().notNull().default({}),
    /** 原工单号: the number a ticket had in the system it was imported from (null: born here); searchable. */
    externalNumber: text('external_number'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('tickets_number_key').on(t.number),
    // Keyset pagination walks (updated_at desc, id desc) within each filter.
    index('tickets_updated_idx').on(t.updatedAt.desc(), t.id.desc()),
    index('tickets_team_idx').on(t.teamId, t.updatedAt.desc()),
    index('tickets_assignee_idx').on(t.assigneeId, t.updatedAt.desc()),
    index('tickets_status_idx').on(t.status, t.updatedAt.desc()),
    index('tickets_requester_idx').on(t.requesterId),
    index('tickets_tags_idx').using('gin', t.tags),
    // Spelled exactly as ticket-sort.ts sorts (ascending keys are ASC NULLS FIRST there; read
    // backwards for -slaDueAt). Tickets without a running target sort last.
    index('tickets_sla_due_idx').on(sql`coalesce(${t.slaDueAt}, '9999-12-31 00:00:00+00'::timestamptz) asc nulls first`, t.id.asc().nullsFirst()),
  ],
);

/** Per-day counters behind human ticket numbers (20261123-0007). A number is never reused. */
export const ticketNumberCounters = pgTable('ticket_number_counters', {
  day: text('day').primaryKey(), // YYYYMMDD in the configured time zone
  last: integer('last').notNull(),
});

export const ticketMessages = pgTable(
  'ticket_messages',
  {
    id: uuid('id').primaryKey(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    authorUserId: uuid('author_user_id'),
    authorContactId: uuid('author_contact_id'),
    internal: boolean('internal').notNull().default(false),
    body: text('body').notNull(),
    /** Sanitised HTML of a rich message (an email's HTML part); `body` keeps its plain text. */
    bodyHtml: text('body_html'),
    /** The channel it came by (inbound) or goes out on (an agent's reply); `agent` for notes. */
    channel: text('channel').notNull().default('api'),
    /** What the channel knows of it: email headers, a call's direction and duration, … */
    meta: jsonb('meta').$type<Record<string, unknown>>().notNull().default({}),
    /** Replies a channel must deliver: queued → sent | failed. Null: nothing to deliver. */
    deliveryStatus: text('delivery_status').$type<DeliveryStatus>(),
    deliveryError: text('delivery_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ticket_messages_ticket_idx').on(t.ticketId, t.createdAt),
    // "Which channel did the customer last use" reads the newest customer message of a ticket.
    index('ticket_messages_customer_idx').on(t.ticketId, t.createdAt.desc()).where(sql`${t.authorContactId} is not null`),
  ],
);

export type DeliveryStatus = 'queued' | 'sent' | 'failed';

/**
 * Every inbound message a channel handed us, by the channel's own id for it (an email's
 * Message-ID, a CTI call id, a portal submission key): a redelivery finds its row and changes
 * nothing. Written in the same transaction as the ticket or message it produced.
 */
export const ticketInboundReceipts = pgTable(
  'ticket_inbound_receipts',
  {
    channel: text('channel').notNull(),
    externalId: text('external_id').notNull(),
    // No foreign key: the receipt is claimed first in the transaction, before the ticket it names exists.
    ticketId: uuid('ticket_id').notNull(),
    /** Null when the message became the ticket itself (its description). */
    messageId: uuid('message_id'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.externalId] }), index('ticket_inbound_receipts_ticket_idx').on(t.ticketId)],
);

export const ticketAttachments = pgTable(
  'ticket_attachments',
  {
    id: uuid('id').primaryKey(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    messageId: uuid('message_id'),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ticket_attachments_ticket_idx').on(t.ticketId), index('ticket_attachments_message_idx').on(t.messageId)],
);

/** The ticket timeline: every change, who made it, when, and the field's old and new value. */
export const ticketEvents = pgTable(
  'ticket_events',
  {
    id: uuid('id').primaryKey(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id'),
    type: text('type').notNull(), // created | field_changed | message_added | attachment_added
    field: text('field'),
    oldValue: jsonb('old_value'),
    newValue: jsonb('new_value'),
    messageId: uuid('message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ticket_events_ticket_idx').on(t.ticketId, t.createdAt)],
);

/** Search documents, rebuilt by the `tickets.index` job from subject, description and messages. */
export const ticketSearch = pgTable(
  'ticket_search',
  {
    ticketId: uuid('ticket_id')
      .primaryKey()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    document: tsvector('document').notNull(),
    /** The segmenter that wrote the document; older ones are rebuilt in the background (reindex-stale-search.ts). */
    segmenter: integer('segmenter').notNull().default(searchSegmenterVersion),
    indexedAt: timestamp('indexed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ticket_search_document_idx').using('gin', t.document), index('ticket_search_segmenter_idx').on(t.segmenter)],
);

/** Idempotency keys of ticket creation: a retry with the same key returns the first ticket. */
export const ticketIdempotencyKeys = pgTable(
  'ticket_idempotency_keys',
  {
    actorKey: text('actor_key').notNull(), // user id, or a channel's name
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    ticketId: uuid('ticket_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.actorKey, t.key] })],
);

/** The filters a saved view applies: the same shape as the list API's query, stored as JSON. */
export type SavedViewFilters = {
  status?: TicketStatus[];
  priority?: string[];
  teamId?: string;
  assigneeId?: string;
  tag?: string;
  q?: string;
  /** Filterable custom fields by key: each holds one of the values. */
  fields?: Record<string, string[]>;
};

/** Personal ticket views (queues) an agent saved from a filtered list. Built-in views are code. */
export const ticketSavedViews = pgTable(
  'ticket_saved_views',
  {
    id: uuid('id').primaryKey(),
    ownerId: uuid('owner_id').notNull(),
    name: text('name').notNull(),
    filters: jsonb('filters').$type<SavedViewFilters>().notNull().default({}),
    sort: text('sort').notNull().default('-updatedAt'),
    /** List columns the view shows, built-in (`priority`) and custom (`fields.pollution_type`); empty: the console's default. */
    columns: text('columns').array().notNull().default(sql`'{}'::text[]`),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ticket_saved_views_owner_idx').on(t.ownerId, t.position)],
);

/**
 * Who has a ticket open right now, shared by every server process: a browser tab renews its row
 * with a heartbeat; rows past `expires_at` are ignored and swept.
 */
export const ticketViewers = pgTable(
  'ticket_viewers',
  {
    ticketId: uuid('ticket_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** One row per browser tab, so closing one tab does not hide the agent's other one. */
    tabId: text('tab_id').notNull(),
    composing: boolean('composing').notNull().default(false),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.userId, t.tabId] }), index('ticket_viewers_expires_idx').on(t.expiresAt)],
);

/**
 * Sight of a ticket another module gives a user beyond the visibility rules (a field engineer
 * sees the tickets of the work orders dispatched to them). `source` names the grant's owner
 * (`work_order:<id>`), so the module that gave it takes it back without touching others'.
 */
export const ticketSightGrants = pgTable(
  'ticket_sight_grants',
  {
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    source: text('source').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.userId, t.source] }), index('ticket_sight_grants_user_idx').on(t.userId, t.ticketId)],
);
