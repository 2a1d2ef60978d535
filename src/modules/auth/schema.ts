import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { RoleName } from './permissions.js';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    email: text('email').notNull(), // stored lower-cased
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').$type<RoleName>().notNull(),
    locale: text('locale').notNull().default('zh-CN'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email)],
);

export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('teams_name_key').on(sql`lower(${t.name})`)],
);

export const teamMembers = pgTable(
  'team_members',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    isLead: boolean('is_lead').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('team_members_user_idx').on(t.userId)],
);

/** Browser sessions. The cookie holds a random secret; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('sessions_token_hash_key').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

/** Personal API tokens, shown once at creation; only the SHA-256 of the secret is stored. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** First characters of the token, so a user can tell tokens apart in the list. */
    prefix: text('prefix').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_tokens_token_hash_key').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)],
);

/**
 * Failed-login counters, one row per account (the lower-cased email tried, whether or not a user
 * has it, so unknown emails are limited alike) and one per client IP. Every process of a
 * deployment counts in these rows: an attempt locks its rows (`for update`) for a short
 * transaction, so concurrent attempts from several processes are counted one after another.
 * The lock is derived: `failures >= lock threshold` and the last failure within the lock time.
 */
export const loginThrottles = pgTable(
  'login_throttles',
  {
    id: uuid('id').primaryKey(),
    /** `account:<email>` or `ip:<address>`. */
    key: text('key').notNull(),
    kind: text('kind').$type<'account' | 'ip'>().notNull(),
    subject: text('subject').notNull(),
    failures: integer('failures').notNull().default(0),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }),
    /** When a lock last started. Kept by an unlock and by the lock running out, cleared by a successful login: "locked since the last sign-in". */
    lastLockedAt: timestamp('last_locked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('login_throttles_key_key').on(t.key), index('login_throttles_last_failure_idx').on(t.lastFailureAt)],
);

/** Every sign-in attempt to the console, for admins (who tried which email, when, from where, and what happened). */
export const signInAudit = pgTable(
  'sign_in_audit',
  {
    id: uuid('id').primaryKey(),
    /** The user whose email was tried; null when no user has it. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    userAgent: text('user_agent').notNull().default(''),
    outcome: text('outcome').$type<'success' | 'failure' | 'refused'>().notNull(),
    /** Why: wrong_password, unknown_email, inactive_user (failure); account_locked, ip_locked, account_delay, ip_delay (refused); new_ip_after_lock (success). */
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('sign_in_audit_created_idx').on(t.createdAt),
    index('sign_in_audit_user_idx').on(t.userId, t.createdAt),
    // "Has this user signed in from this IP before?" on every successful login.
    index('sign_in_audit_user_success_ip_idx').on(t.userId, t.ip).where(sql`${t.outcome} = 'success'`),
  ],
);
