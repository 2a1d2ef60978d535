import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { Forbidden, NotFound } from '../../app/errors.js';
import { ifMatchVersion } from '../../app/http/if-match.js';
import { actorOf } from '../../app/http/request-context.js';
import { readDispatchBoard } from './dispatch-board.js';
import { boardQuery, dispatchBoardSchema, engineerProfileBody, engineerSchema, suggestionsSchema } from './dispatch-http-schemas.js';
import { suggestForActor } from './dispatch-suggestions.js';
import { listDispatchableEngineers, updateEngineerProfile } from './engineer-profiles.js';
import { getVisibleWorkOrder } from './list-work-orders.js';
import { dispatches } from './work-order-visibility.js';

const tags = ['field-service'];

/** 派工台: the board, the suggested engineers of an order, and the engineers' dispatch profiles. Dispatchers and admins only. */
export function registerDispatchRoutes(app: AppServer, context: AppContext): void {
  const { database, config, clock } = context;

  app.get('/api/v1/dispatch/board', {
    config: { permission: 'field_service.dispatch' },
    schema: {
      tags, summary: '派工台 The dispatch board: engineers × days, and the orders waiting for one',
      description: [
        'Engineers of the caller\'s teams (admins: all; `teamId` narrows to one of them, another team is a 403) × `days` local days from `from`, each visit with its conflicts (`overlap`, `outside_shift`, `on_leave`, `travel`) and the straight-line travel from the visit before at `speedKmh`; the load per day against the engineer\'s daily capacity.',
        'Other teams\' visits of the same engineers are shown as busy time only (`visible: false`). `unscheduled` lists 待派工 and refused orders the caller sees by urgency: priority rank, the ticket\'s next SLA due time, the appointment, oldest first; keyset-paged with `after`.',
      ].join('\n\n'),
      querystring: boardQuery,
      response: { 200: dispatchBoardSchema },
    },
  }, async (request) => readDispatchBoard(database.db, actorOf(request), request.query, config.OPENCSM_TIMEZONE));

  app.get('/api/v1/work-orders/:id/suggestions', {
    config: { permission: 'field_service.dispatch' },
    schema: {
      tags, summary: '建议工程师 Ranked engineers for a work order, with the reasons',
      description: 'Judged at the appointment (or now): engineers without a required skill, off shift, on leave or at their daily capacity are left out; `all=1` lists them in `excluded` with the reasons.',
      params: z.object({ id: z.uuid() }),
      querystring: z.strictObject({ all: z.enum(['0', '1']).optional() }),
      response: { 200: suggestionsSchema },
    },
  }, async (request) => {
    const actor = actorOf(request);
    const order = await getVisibleWorkOrder(database.db, actor, request.params.id);
    if (!order) throw new NotFound('work_order.not_found');
    if (!dispatches(actor, order)) throw new Forbidden('work_order.dispatcher_only', { step: 'dispatch' });
    const { ranked, excluded } = await suggestForActor(database.db, actor, order, clock.now(), config.OPENCSM_TIMEZONE);
    return { ranked, excluded: request.query.all === '1' ? excluded : [] };
  });

  app.get('/api/v1/engineers', {
    config: { permission: 'field_service.dispatch' },
    schema: { tags, summary: '工程师 Field engineers one dispatches for, with their dispatch profiles', querystring: z.strictObject({ teamId: z.uuid().optional() }), response: { 200: z.object({ items: z.array(engineerSchema) }) } },
  }, async (request) => ({ items: await listDispatchableEngineers(database.db, actorOf(request), request.query.teamId) }));

  app.put('/api/v1/engineers/:id/profile', {
    config: { permission: 'field_service.dispatch' },
    schema: {
      tags, summary: '修改工程师档案 Edit an engineer\'s skills, service zones, home base and daily capacity (If-Match)',
      description: 'If-Match is the profile\'s `version` (0 before the first edit). `zones` are 省/市/区 codes (a code serves everything under it); `home` is a site (region codes, street, GCJ-02 point).',
      params: z.object({ id: z.uuid() }),
      headers: z.object({ 'if-match': z.string().optional() }),
      body: engineerProfileBody,
      response: { 200: engineerSchema },
    },
  }, async (request) => {
    const version = ifMatchVersion(request.headers['if-match'], 'field_service.profile_if_match_required');
    return updateEngineerProfile(database, actorOf(request), request.params.id, version, request.body, clock.now());
  });
}
