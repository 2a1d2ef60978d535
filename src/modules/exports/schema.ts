import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export type DataExportState = 'queued' | 'running' | 'ready' | 'failed' | 'expired';

/** 设置 › 数据导出: one full export an admin asked for, its progress and its .zip until it expires. */
export const dataExports = pgTable(
  'data_exports',
  {
    id: uuid('id').primaryKey(), // UUIDv7: the list's order
    state: text('state').$type<DataExportState>().notNull().default('queued'),
    requestedBy: uuid('requested_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** When the file is removed (ready exports only). */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    /** Progress: the entity being written, how many are done of how many, rows so far. */
    entity: text('entity'),
    entitiesDone: integer('entities_done').notNull().default(0),
    entities: integer('entities').notNull().default(0),
    rows: bigint('rows', { mode: 'number' }).notNull().default(0),
    /** Rows per entity once ready (the manifest's list). */
    counts: jsonb('counts').$type<Array<{ entity: string; rows: number }>>(),
    fileName: text('file_name'),
    bytes: bigint('bytes', { mode: 'number' }),
    error: text('error'),
  },
  (t) => [index('data_exports_expiry_idx').on(t.expiresAt).where(sql`${t.state} = 'ready'`)],
);
