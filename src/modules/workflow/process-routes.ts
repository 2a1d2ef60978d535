import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { ifMatchVersion, optionalIfMatchVersion } from '../../app/http/if-match.js';
import { actorOf } from '../../app/http/request-context.js';
import { translate } from '../../app/i18n/catalogue.js';
import { listAggregateEvents } from '../../jobs/events.js';
import { exportSchema, historySchema, listQuery, newProcessBody, processChangesBody, processDetailSchema, processIdParams, processSummarySchema, processVersionSchema } from './http-schemas.js';
import { checkProcess } from './process-checks.js';
import { exportProcess, importProcess, processExportSchema } from './process-transfer.js';
import { createProcess, getProcessRow, listProcesses, summaryOf, updateProcess } from './processes.js';
import { getProcessVersion, listProcessVersions, publishProcess } from './publish-process.js';

const tags = ['workflow'];
const read = { permission: 'processes.read' } as const;
const manage = { permission: 'processes.manage' } as const;

/** 设置 › 流程: definitions, drafts, publishing, versions, export/import, history (issue 19 §1, §3). */
export function registerProcessRoutes(app: AppServer, { database, readModels, fieldTypes }: AppContext): void {
  const deps = { readModels, fieldTypes };

  /** The draft with what stops it from being published, in the reader's language, and its versions. */
  async function detail(id: string, locale: Parameters<typeof translate>[0]) {
    const row = await getProcessRow(database.db, id);
    const checked = await checkProcess(database.db, deps, row.draft);
    const issues = checked.ok ? [] : checked.issues.map((issue) => ({ ...issue, message: translate(locale, issue.code, issue.params) }));
    return { ...summaryOf(row), definition: row.draft, issues, versions: await listProcessVersions(database.db, id) };
  }

  app.get('/api/v1/processes', {
    config: read,
    schema: { tags, summary: '流程列表 List processes', querystring: listQuery, response: { 200: z.object({ items: z.array(processSummarySchema), nextCursor: z.string().nullable() }) } },
  }, async (request) => listProcesses(database.db, { limit: request.query.limit, ...(request.query.cursor && { after: request.query.cursor }) }));

  app.post('/api/v1/processes', {
    config: manage,
    schema: { tags, summary: '新建流程 Create a process', description: 'A process of a ticket type (one per type), with its first draft. The draft may be incomplete; publishing checks it.', body: newProcessBody, response: { 201: processDetailSchema } },
  }, async (request, reply) => {
    const row = await createProcess(database, actorOf(request), request.body);
    return reply.status(201).header('ETag', `"${row.version}"`).send(await detail(row.id, request.locale));
  });

  app.get('/api/v1/processes/:id', {
    config: read,
    schema: { tags, summary: '流程详情 Get a process', params: processIdParams, response: { 200: processDetailSchema } },
  }, async (request, reply) => {
    const body = await detail(request.params.id, request.locale);
    return reply.header('ETag', `"${body.version}"`).send(body);
  });

  app.put('/api/v1/processes/:id', {
    config: manage,
    schema: {
      tags, summary: '保存流程草稿 Save the draft',
      description: 'Requires `If-Match: "<version>"` (428 without, 412 when someone saved meanwhile). Running tickets are not affected until a version is published.',
      params: processIdParams, headers: z.object({ 'if-match': z.string().optional() }), body: processChangesBody, response: { 200: processDetailSchema },
    },
  }, async (request, reply) => {
    const expected = ifMatchVersion(request.headers['if-match'], 'workflow.process.if_match_required', 'workflow.process.if_match_invalid');
    const row = await updateProcess(database, actorOf(request), request.params.id, expected, request.body);
    return reply.header('ETag', `"${row.version}"`).send(await detail(row.id, request.locale));
  });

  app.post('/api/v1/processes/:id/publish', {
    config: manage,
    schema: {
      tags, summary: '发布流程 Publish the draft',
      description: 'Validates the draft (unreachable stages, dead ends, gateways without a default, conditions naming missing fields, joins without a split …); any problem answers 422 `workflow.publish_invalid` with every problem at `definition.<path>`. Otherwise a new immutable version: new tickets of the type start on it, running ones keep theirs. `If-Match` optional.',
      params: processIdParams, headers: z.object({ 'if-match': z.string().optional() }), response: { 201: processVersionSchema },
    },
  }, async (request, reply) => {
    const expected = optionalIfMatchVersion(request.headers['if-match'], 'workflow.process.if_match_invalid');
    return reply.status(201).send(await publishProcess(database, deps, actorOf(request), request.params.id, expected));
  });

  app.get('/api/v1/processes/:id/versions/:version', {
    config: read,
    schema: { tags, summary: '流程版本 Get a published version', params: processIdParams.extend({ version: z.coerce.number().int().min(1).max(1_000_000) }), response: { 200: processVersionSchema } },
  }, async (request) => getProcessVersion(database.db, request.params.id, request.params.version));

  app.get('/api/v1/processes/:id/export', {
    config: read,
    schema: { tags, summary: '导出流程 Export as JSON', description: 'The draft, or `?version=` a published version, as a file `POST /api/v1/processes/import` takes (another installation).', params: processIdParams, querystring: z.object({ version: z.coerce.number().int().min(1).max(1_000_000).optional() }), response: { 200: exportSchema } },
  }, async (request, reply) => {
    const file = await exportProcess(database, request.params.id, request.query.version);
    return reply.header('Content-Disposition', `attachment; filename="process-${file.key}.json"`).send(file);
  });

  app.post('/api/v1/processes/import', {
    config: manage,
    schema: {
      tags, summary: '导入流程 Import a process',
      description: 'A file from export. A new key creates a process (201); a known key replaces that process\'s draft (200) — publish to make it live. The ticket type must exist here.',
      body: processExportSchema, response: { 200: processDetailSchema, 201: processDetailSchema },
    },
  }, async (request, reply) => {
    const { id, created } = await importProcess(database, actorOf(request), request.body);
    return reply.status(created ? 201 : 200).send(await detail(id, request.locale));
  });

  app.get('/api/v1/processes/:id/history', {
    config: read,
    schema: { tags, summary: '流程变更记录 Audit trail', description: 'Who created, saved, published or imported the process, newest first (at most 200).', params: processIdParams, response: { 200: historySchema } },
  }, async (request) => {
    await getProcessRow(database.db, request.params.id);
    const events = await listAggregateEvents(database.db, 'process', [request.params.id]);
    return { items: events.map(({ id, type, actorId, payload, createdAt }) => ({ id, type, actorId, payload, createdAt })) };
  });
}
