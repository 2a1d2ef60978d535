import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Contacts (联系人). The foundation keeps what tickets need: a requester found by email or phone.
 * The customers issue grows this into organisations, identities and the 360° view.
 */
export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull().default(''),
    email: text('email'), // lower-cased
    phone: text('phone'), // digits with optional leading +
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('contacts_email_key').on(t.email).where(sql`${t.email} is not null`),
    uniqueIndex('contacts_phone_key').on(t.phone).where(sql`${t.phone} is not null`),
  ],
);
