import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { desc, eq, lt } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { NotFound } from '../../app/errors.js';
import { actorOf } from '../../app/http/request-context.js';
import { recordEvent } from '../../jobs/events.js';
import { dataExportDownloaded } from './events.js';
import { exportFolder, requestExport } from './run-export.js';
import { dataExports } from './schema.js';

const tags = ['exports'];
const permission = 'exports.manage' as const;
const idParams = z.object({ id: z.uuid() });

const exportSchema = z.object({
  id: z.string(),
  state: z.enum(['queued', 'running', 'ready', 'failed', 'expired']),
  requestedBy: z.string(),
  createdAt: z.date(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
  expiresAt: z.date().nullable().describe('When the file is removed'),
  entity: z.string().nullable().describe('The entity being written (running)'),
  entitiesDone: z.number().int(),
  entities: z.number().int(),
  rows: z.number().int(),
  counts: z.array(z.object({ entity: z.string(), rows: z.number().int() })).nullable(),
  fileName: z.string().nullable(),
  bytes: z.number().int().nullable(),
  error: z.string().nullable(),
});

/**
 * 设置 › 数据导出: start a full export (one at a time), follow its progress, download the .zip
 * while it is kept. Admins (`exports.manage`); asking and downloading are events (the audit trail).
 */
export function registerExportRoutes(app: AppServer, context: AppContext): void {
  const { database } = context;
  const load = async (id: string) => {
    const [row] = await database.db.select().from(dataExports).where(eq(dataExports.id, id));
    if (!row) throw new NotFound('exports.not_found');
    return row;
  };

  app.get('/api/v1/exports', {
    config: { permission },
    schema: { tags, summary: '数据导出列表 List full exports', description: 'Newest first; `nextCursor` (null on the last page) goes back as `cursor`.', querystring: z.object({ cursor: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(100).default(20) }), response: { 200: z.object({ items: z.array(exportSchema), nextCursor: z.string().nullable() }) } },
  }, async (request) => {
    const { cursor, limit } = request.query;
    // Ids are UUIDv7: ordered by creation time.
    const rows = await database.db.select().from(dataExports).where(cursor ? lt(dataExports.id, cursor) : undefined).orderBy(desc(dataExports.id)).limit(limit + 1);
    return { items: rows.slice(0, limit), nextCursor: rows.length > limit ? (rows[limit - 1]?.id ?? null) : null };
  });

  app.post('/api/v1/exports', {
    config: { permission },
    schema: { tags, summary: '开始全量数据导出 Start a full export', description: 'Everything users can see, as JSON lines per entity, attachment files, manifest.json and summary.xlsx in one .zip (docs/migration.md). 409 `exports.already_running` while one is queued or running.', response: { 202: exportSchema } },
  }, async (request, reply) => reply.code(202).send(await requestExport(database, actorOf(request))));

  app.get('/api/v1/exports/:id', {
    config: { permission },
    schema: { tags, summary: '数据导出进度 One export and its progress', params: idParams, response: { 200: exportSchema } },
  }, async (request) => load(request.params.id));

  app.get('/api/v1/exports/:id/download', {
    config: { permission },
    schema: { tags, summary: '下载导出文件 Download the export (.zip)', description: '404 `exports.not_ready` until it is ready and after it expired.', params: idParams },
  }, async (request, reply) => {
    const row = await load(request.params.id);
    if (row.state !== 'ready' || !row.fileName) throw new NotFound('exports.not_ready');
    const actor = actorOf(request);
    await database.transaction((tx) => recordEvent(tx, dataExportDownloaded, { aggregateId: row.id, cause: 'agent', actorId: actor.id, payload: {} }));
    return reply
      .header('content-type', 'application/zip')
      .header('content-length', String(row.bytes ?? 0))
      .header('content-disposition', `attachment; filename="${row.fileName}"`)
      .send(createReadStream(join(exportFolder(context.config.OPENCSM_DATA_DIR, row.id), row.fileName)));
  });
}
