import { sql } from 'drizzle-orm';
import { check, integer, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Installation-wide security settings an admin edits in the console (设置 › 安全): one row, read on
 * use by every process, so a change holds everywhere without a restart.
 */
export const securitySettings = pgTable(
  'security_settings',
  {
    id: smallint('id').primaryKey().default(1),
    /** Outbound allowlist added to OPENCSM_OUTBOUND_ALLOW: IP addresses, CIDR ranges, host names. */
    outboundAllow: text('outbound_allow').array().notNull().default(sql`'{}'::text[]`),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [check('security_settings_single_row', sql`${t.id} = 1`)],
);
