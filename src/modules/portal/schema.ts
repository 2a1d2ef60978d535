import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * One-time login codes, stored hashed (sha256 of row id + code), sent by email or by SMS: each row
 * has exactly one of `email` and `phone` (E.164). A row is written for every request, known
 * address or not, so the answers (and attempt counting) never tell whether an address belongs to
 * a customer; only rows with a contact ever had their code sent.
 */
export const portalLoginCodes = pgTable(
  'portal_login_codes',
  {
    id: uuid('id').primaryKey(),
    email: text('email'),
    phone: text('phone'),
    contactId: uuid('contact_id'),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('portal_login_codes_email_idx').on(t.email, t.createdAt.desc()),
    index('portal_login_codes_phone_idx').on(t.phone, t.createdAt.desc()).where(sql`${t.phone} is not null`),
    index('portal_login_codes_expires_idx').on(t.expiresAt),
    check('portal_login_codes_one_address', sql`(${t.email} is null) <> (${t.phone} is null)`),
  ],
);

/** Customer sessions, separate from agents' (a customer is a contact, not a user). */
export const portalSessions = pgTable(
  'portal_sessions',
  {
    id: uuid('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    contactId: uuid('contact_id').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('portal_sessions_contact_idx').on(t.contactId), index('portal_sessions_expires_idx').on(t.expiresAt)],
);

/** Contacts given more than their own tickets in the portal: `org_admin` sees the organisation's. */
export const portalAccess = pgTable('portal_access', {
  contactId: uuid('contact_id').primaryKey(),
  role: text('role').$type<'org_admin'>().notNull(),
  grantedBy: uuid('granted_by'),
  grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Fixed-window request counters (per IP, per email, per identity), shared by every process. */
export const portalRateLimits = pgTable(
  'portal_rate_limits',
  {
    bucket: text('bucket').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    hits: integer('hits').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.windowStart] }), index('portal_rate_limits_window_idx').on(t.windowStart)],
);

/**
 * Bytes of anonymous uploads (the web form) per UTC day, per client IP (`ip:…`) and for the whole
 * installation (`site`), shared by every process; see upload-budget.ts.
 */
export const portalUploadBudgets = pgTable(
  'portal_upload_budgets',
  {
    bucket: text('bucket').notNull(),
    day: timestamp('day', { withTimezone: true }).notNull(),
    bytes: bigint('bytes', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.day] }), index('portal_upload_budgets_day_idx').on(t.day)],
);
