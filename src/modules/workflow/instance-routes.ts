import { and, asc, eq, gt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { actorOf } from '../../app/http/request-context.js';
import { filterVisibleTicketIds, findTicketBriefs } from '../tickets/index.js';
import { processRunSchema } from './process-run-schemas.js';
import { processRunView } from './process-run-view.js';
import { processTokens } from './schema.js';
import { takeTransition, transitionDepsOf } from './take-transition.js';

const tags = ['workflow'];

/** A ticket's run of its process: the transitions endpoint, the instance, and "待我处理的环节". */
export function registerInstanceRoutes(app: AppServer, context: AppContext): void {
  const { database } = context;
  const deps = transitionDepsOf(context);

  app.post('/api/v1/tickets/:id/transitions', {
    config: { permission: 'tickets.change_status' },
    schema: {
      tags, summary: '流转 Take a process transition',
      description: 'Writes `values` (custom fields by key) through the ticket service, checks who may take the transition, its condition and required fields on the values after the write, moves the ticket\'s stages and records `workflow.transition_taken` (cause `process:<id>`) — all or nothing. `expectedRevision` is the instance\'s `revision` the client saw: 409 `workflow.instance.revision_mismatch` when another transition came first. A return needs `reason`. A transition with an approval asks for it instead of moving (`approvalRequestId`; 409 `workflow.approval.pending` while one is pending).',
      params: z.object({ id: z.string().min(1).max(64) }),
      body: z.strictObject({ transition: z.string().min(1).max(64), values: z.record(z.string(), z.unknown()).optional(), expectedRevision: z.number().int().min(1), reason: z.string().max(2000).optional() }),
      response: { 200: z.object({ revision: z.number().int(), stages: z.array(z.string()), completed: z.boolean(), approvalRequestId: z.string().optional().describe('The transition needs an approval: it waits for this request (审批中) and the stages did not move.') }) },
    },
  }, async (request) => takeTransition(database, deps, actorOf(request), request.params.id, request.body));

  app.get('/api/v1/tickets/:id/process', {
    config: { permission: 'tickets.read' },
    schema: {
      tags, summary: '工单的流程 The ticket\'s process run',
      description: 'The version it runs on, its revision (send it back as `expectedRevision`), the stages its tokens wait at — each with its form, who works on it, its SLA due time and the transitions out of it as the caller sees them (`available`, and `reasons` in the reader\'s language when not) — the stages already left, and the version\'s map. 404 `workflow.instance.not_found` when the ticket runs no process.',
      params: z.object({ id: z.string().min(1).max(64) }),
      response: { 200: processRunSchema },
    },
  }, async (request) => processRunView(database, deps, actorOf(request), request.params.id, request.locale));

  app.get('/api/v1/process-stages', {
    config: { permission: 'tickets.read' },
    schema: {
      tags, summary: '待我处理的环节 Stages waiting for me, or at one stage',
      description: '`mine=1`: stages whose worker is me, one of my teams or my role, oldest first. `processId` + `stage`: the tickets waiting at that stage (the stage filter). Only tickets the caller may see. Keyset pages: pass `cursor` = `nextCursor`.',
      querystring: z.object({ mine: z.enum(['1', 'true']).optional(), processId: z.uuid().optional(), stage: z.string().max(64).optional(), limit: z.coerce.number().int().min(1).max(100).default(50), cursor: z.string().max(100).optional() }),
      response: { 200: z.object({ items: z.array(z.object({ ticketId: z.string(), ticketNumber: z.string(), ticketSubject: z.string(), processId: z.string(), stage: z.string(), enteredAt: z.date() })), nextCursor: z.string().nullable() }) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    const { mine, processId, stage, limit, cursor } = request.query;
    const whose = mine ? or(eq(processTokens.assigneeUserId, actor.id), actor.teamIds.length ? sql`${processTokens.assigneeTeamId} in (${sql.join(actor.teamIds.map((id) => sql`${id}::uuid`), sql`, `)})` : undefined, eq(processTokens.assigneeRole, actor.role)) : undefined;
    const where = and(whose, processId ? eq(processTokens.processId, processId) : undefined, stage ? eq(processTokens.stage, stage) : undefined, cursorAfter(cursor));
    const rows = await database.db.select({ id: processTokens.id, ticketId: processTokens.ticketId, processId: processTokens.processId, stage: processTokens.stage, enteredAt: processTokens.enteredAt }).from(processTokens).where(where).orderBy(asc(processTokens.enteredAt), asc(processTokens.id)).limit(limit + 1);
    const page = rows.slice(0, limit);
    const visible = await filterVisibleTicketIds(database.db, actor, [...new Set(page.map((r) => r.ticketId))]);
    const briefs = await findTicketBriefs(database.db, [...visible]);
    const last = page.at(-1);
    return { items: page.flatMap(({ id: _id, ...item }) => { const brief = briefs.get(item.ticketId); return brief ? [{ ...item, ticketNumber: brief.number, ticketSubject: brief.subject }] : []; }), nextCursor: rows.length > limit && last ? `${last.enteredAt.toISOString()}_${last.id}` : null };
  });
}

/** Keyset after `<enteredAt ISO>_<token id>`. */
function cursorAfter(cursor: string | undefined) {
  if (!cursor) return undefined;
  const [at, id] = cursor.split('_');
  const when = new Date(at ?? '');
  if (!id || Number.isNaN(when.getTime())) return undefined;
  return or(gt(processTokens.enteredAt, when), and(eq(processTokens.enteredAt, when), gt(processTokens.id, id)));
}
