import { and, asc, desc, eq, isNotNull, isNull, lt } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { Invalid, NotFound } from '../../app/errors.js';
import { optionalIfMatchVersion } from '../../app/http/if-match.js';
import { actorOf } from '../../app/http/request-context.js';
import { translate } from '../../app/i18n/catalogue.js';
import { labelIn } from '../../forms/value-labels.js';
import { listFields } from '../forms/index.js';
import { builtInTargets, fieldEntityOf } from './auto-mapping.js';
import { createImportJob, sampleRows } from './create-job.js';
import { dryRunImport } from './dry-run.js';
import { batchSchema, dryRunSchema, entitySchema, importDetailSchema, importJobSchema, rollbackBody, rollbackSchema, settingsBody, templateBody, templateSchema } from './http-schemas.js';
import { importDepsOf } from './import-deps.js';
import { startImport, updateImportSettings } from './job-settings.js';
import { rejectedSheet, runRejections } from './rejected-workbook.js';
import { rollbackBatch, type RollbackResult } from './rollback.js';
import { importBatches, importJobs, importRows } from './schema.js';
import { deleteTemplate, listTemplates, saveTemplate, templateFromJob } from './templates.js';

const tags = ['imports'];
const permission = 'imports.manage' as const;
const idParams = z.object({ id: z.uuid() });
/** Files up to this size are accepted (a million contact rows is ~80 MB of CSV). */
const maxImportBytes = 512 * 1024 * 1024;

/**
 * 设置 › 数据导入: upload → mapping → value maps → dedup rule → dry run → run → rollback; templates.
 * Admins (`imports.manage`); every change is an event with the admin as actor (the audit trail).
 */
export function registerImportRoutes(app: AppServer, context: AppContext): void {
  const { database } = context;
  const deps = importDepsOf(context);
  const loadJob = async (id: string) => {
    const [job] = await database.db.select().from(importJobs).where(eq(importJobs.id, id));
    if (!job) throw new NotFound('imports.not_found');
    return job;
  };

  app.get('/api/v1/imports', {
    config: { permission },
    schema: { tags, summary: '导入任务列表 List imports', description: 'Newest first; `nextCursor` (null on the last page) goes back as `cursor`.', querystring: z.object({ cursor: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(100).default(20) }), response: { 200: z.object({ items: z.array(importJobSchema), nextCursor: z.string().nullable() }) } },
  }, async (request) => {
    const { cursor, limit } = request.query;
    // Ids are UUIDv7: ordered by creation time.
    const rows = await database.db.select().from(importJobs).where(cursor ? lt(importJobs.id, cursor) : undefined).orderBy(desc(importJobs.id)).limit(limit + 1);
    return { items: rows.slice(0, limit), nextCursor: rows.length > limit ? rows[limit - 1]!.id : null };
  });

  app.post('/api/v1/imports', {
    config: { permission },
    schema: {
      tags, summary: '上传文件，创建导入（multipart，字段 file）Upload a file to import (multipart field "file")',
      description: '.xlsx or .csv (UTF-8 with or without BOM, or GBK/GB18030: detected). The header row is found and columns are mapped by name, or by the named template.',
      querystring: z.object({ entity: entitySchema, template: z.string().max(100).optional() }),
      consumes: ['multipart/form-data'],
      response: { 201: importDetailSchema },
    },
  }, async (request, reply) => {
    if (!request.isMultipart()) throw new Invalid('validation.failed', {}, [{ path: 'file', code: 'imports.file_missing' }]);
    const file = await request.file({ limits: { fileSize: maxImportBytes } }).catch((error: unknown) => {
      const status = (error as { statusCode?: number }).statusCode;
      throw status && status >= 400 && status < 500 ? error : new Invalid('request.malformed_multipart');
    });
    if (!file || file.fieldname !== 'file') throw new Invalid('validation.failed', {}, [{ path: 'file', code: 'imports.file_missing' }]);
    const id = await createImportJob(database, deps.dataDir, actorOf(request), { entity: request.query.entity, upload: { stream: file.file, filename: file.filename }, ...(request.query.template && { templateName: request.query.template }) });
    return reply.status(201).send(await detail(id, request.locale));
  });

  const detail = async (id: string, locale: 'zh-CN' | 'en') => {
    const job = await loadJob(id);
    const fields = await listFields(database.db, fieldEntityOf(job.entity));
    const targets = [
      ...builtInTargets(job.entity).map((key) => ({ key, label: translate(locale, job.entity === 'tickets' ? `imports.ticketTarget.${key}` : `imports.target.${key}`) })),
      ...fields.filter((f) => !f.archived).map((f) => ({ key: `fields.${f.key}`, label: labelIn(f.label, locale) })),
    ];
    const batches = await database.db.select().from(importBatches).where(eq(importBatches.jobId, id)).orderBy(asc(importBatches.seq));
    const warned = await database.db
      .select({ row: importRows.rowNumber, warnings: importRows.warnings })
      .from(importRows)
      .where(and(eq(importRows.jobId, id), isNotNull(importRows.warnings)))
      .orderBy(asc(importRows.rowNumber))
      .limit(200);
    const warnings = warned.flatMap((r) => (r.warnings ?? []).map((w) => ({ row: r.row, reason: w.reason, message: translate(locale, w.reason, w.params ?? {}) })));
    return { ...job, samples: await sampleRows(deps.dataDir, job), targets, batches, warnings };
  };

  app.get('/api/v1/imports/:id', {
    config: { permission },
    schema: { tags, summary: '导入详情与进度 An import, its progress and batches', params: idParams, response: { 200: importDetailSchema } },
  }, async (request) => detail(request.params.id, request.locale));

  app.patch('/api/v1/imports/:id', {
    config: { permission },
    schema: { tags, summary: '修改映射、值映射与查重规则 Change mapping, value maps and dedup rule', description: 'Only before the run. `If-Match: "<settingsVersion>"` is optional.', params: idParams, headers: z.object({ 'if-match': z.string().optional() }), body: settingsBody, response: { 200: importDetailSchema } },
  }, async (request) => {
    await updateImportSettings(database, actorOf(request), request.params.id, optionalIfMatchVersion(request.headers['if-match']), request.body);
    return detail(request.params.id, request.locale);
  });

  app.post('/api/v1/imports/:id/dry-run', {
    config: { permission },
    schema: { tags, summary: '试运行 Dry run: what the run would do, nothing written', params: idParams, response: { 200: dryRunSchema } },
  }, async (request) => {
    await loadJob(request.params.id);
    const rejected: Array<z.infer<typeof dryRunSchema>['rejected'][number]> = [];
    const warnings: Array<z.infer<typeof dryRunSchema>['warnings'][number]> = [];
    const report = await dryRunImport(deps, request.params.id, {
      onRejected: (d) => {
        if (rejected.length < 200) rejected.push({ row: d.rowNumber, reason: d.reason!, message: translate(request.locale, d.reason!, d.params ?? {}), cells: d.cells });
      },
      onWarning: (w) => {
        if (warnings.length < 200) warnings.push({ row: w.rowNumber, reason: w.reason, message: translate(request.locale, w.reason, w.params ?? {}) });
      },
    });
    return { ...report, rejected, warnings };
  });

  app.post('/api/v1/imports/:id/run', {
    config: { permission },
    schema: { tags, summary: '开始导入 Run the import (in the background, in batches)', description: 'Progress: GET /api/v1/imports/{id} (`counts`, `totalRows`).', params: idParams, response: { 202: importJobSchema } },
  }, async (request, reply) => reply.status(202).send(await startImport(database, actorOf(request), request.params.id)));

  app.post('/api/v1/imports/:id/rollback', {
    config: { permission },
    schema: { tags, summary: '回滚批次 Roll back a batch, or all', params: idParams, body: rollbackBody, response: { 200: rollbackSchema } },
  }, async (request) => {
    const actor = actorOf(request);
    const ids = request.body.batchId
      ? [request.body.batchId]
      : (await database.db.select({ id: importBatches.id }).from(importBatches).where(and(eq(importBatches.jobId, request.params.id), isNull(importBatches.rolledBackAt))).orderBy(desc(importBatches.seq))).map((b) => b.id);
    const batches: RollbackResult[] = [];
    for (const batchId of ids) batches.push(await rollbackBatch(database, actor, request.params.id, batchId, deps.dataDir));
    return { batches };
  });

  app.get('/api/v1/imports/:id/rejected.xlsx', {
    config: { permission },
    schema: { tags, summary: '下载被拒绝的行 The rejected rows as Excel', description: '`of=run` (default): the run\'s; `of=dry-run`: the dry run\'s, computed again now.', params: idParams, querystring: z.object({ of: z.enum(['run', 'dry-run']).default('run') }) },
  }, async (request, reply) => {
    const job = await loadJob(request.params.id);
    const sheet = await rejectedSheet(request.locale, job.headers);
    const fill = async () => {
      if (request.query.of === 'dry-run') await dryRunImport(deps, job.id, (d) => sheet.add(d));
      else for await (const row of runRejections(database.db, job.id)) await sheet.add(row);
      await sheet.end();
    };
    fill().catch((error: unknown) => sheet.stream.destroy(error as Error));
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="rejected-${job.id}.xlsx"`)
      .send(sheet.stream);
  });

  app.get('/api/v1/import-templates', {
    config: { permission },
    schema: { tags, summary: '导入模板 Import templates', response: { 200: z.object({ items: z.array(templateSchema) }) } },
  }, async () => ({ items: await listTemplates(database.db) }));

  app.post('/api/v1/import-templates', {
    config: { permission },
    schema: { tags, summary: '新建导入模板 Create an import template', body: templateBody, response: { 201: templateSchema } },
  }, async (request, reply) => reply.status(201).send(await saveTemplate(database, actorOf(request), null, request.body)));

  app.put('/api/v1/import-templates/:id', {
    config: { permission },
    schema: { tags, summary: '修改导入模板 Change an import template', params: idParams, body: templateBody, response: { 200: templateSchema } },
  }, async (request) => saveTemplate(database, actorOf(request), request.params.id, request.body));

  app.delete('/api/v1/import-templates/:id', {
    config: { permission },
    schema: { tags, summary: '删除导入模板 Delete an import template', params: idParams },
  }, async (request, reply) => {
    await deleteTemplate(database, actorOf(request), request.params.id);
    return reply.status(204).send();
  });

  app.post('/api/v1/imports/:id/template', {
    config: { permission },
    schema: { tags, summary: '把当前映射保存为模板 Save this import\'s mapping as a template', params: idParams, body: z.strictObject({ name: z.string().trim().min(1).max(100) }), response: { 201: templateSchema } },
  }, async (request, reply) => reply.status(201).send(await templateFromJob(database, actorOf(request), request.params.id, request.body.name)));
}

export { batchSchema };
