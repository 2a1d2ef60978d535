import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { ifMatchVersion, optionalIfMatchVersion } from '../../app/http/if-match.js';
import { actorOf } from '../../app/http/request-context.js';
import { writeRulesOf } from '../../app/write-rules.js';
import { labelIn } from '../../forms/value-labels.js';
import { customFieldPrefix, templateVariables } from '../../text-templates/index.js';
import { listFields } from '../forms/index.js';
import { createMacroBody, macroListQuery, macroOutcomeSchema, macroSchema, presentMacro, updateMacroBody, variableListSchema } from './http-schemas.js';
import { getVisibleMacro, listMacros } from './list-macros.js';
import type { MacroRow } from './macro-access.js';
import { createMacro, deleteMacro, updateMacro } from './save-macro.js';
import { applyMacro, previewMacro, type MacroUse } from './use-macro.js';

const tags = ['macros'];
const idParams = z.object({ id: z.uuid() });
const useParams = z.object({ id: z.string().min(1).max(64).describe('Ticket id or number'), macroId: z.uuid() });
const ifMatchHeaders = z.object({ 'if-match': z.string().optional() });
const etag = (row: MacroRow) => `"${row.version}"`;

/**
 * 宏 / 快捷回复. Everyone who replies keeps personal macros and uses shared ones; `macros.manage`
 * (supervisors, admins) manages the shared ones. Applying a macro changes the ticket through the
 * tickets module and hands the text back to the composer; nothing is sent.
 */
export function registerMacroRoutes(app: AppServer, context: AppContext): void {
  const { database, config } = context;
  const use = (locale: MacroUse['locale']): MacroUse => ({ locale, timeZone: config.OPENCSM_TIMEZONE, publicUrl: config.OPENCSM_PUBLIC_URL, rules: writeRulesOf(context) });

  app.get('/api/v1/macros', {
    config: { permission: 'tickets.reply' },
    schema: { tags, summary: '宏列表与搜索 List and search macros', description: 'Most used first. `nextCursor` (null on the last page) goes back as `cursor`.', querystring: macroListQuery, response: { 200: z.object({ items: z.array(macroSchema), nextCursor: z.string().nullable() }) } },
  }, async (request) => {
    const actor = actorOf(request);
    const page = await listMacros(database.db, actor, request.query);
    return { items: page.items.map((row) => presentMacro(actor, row)), nextCursor: page.nextCursor };
  });

  app.get('/api/v1/macros/variables', {
    config: { permission: 'tickets.reply' },
    schema: { tags, summary: '宏可用的变量 Variables a macro text may use', description: 'The catalogue (docs/automation.md) and `fields.<key>` for each custom ticket field the caller may read, labelled in the caller\'s language.', response: { 200: variableListSchema } },
  }, async (request) => {
    const actor = actorOf(request);
    const fields = (await listFields(database.db, 'ticket')).filter((f) => !f.archived && (f.readRoles.length === 0 || f.readRoles.includes(actor.role)));
    return {
      items: [
        ...templateVariables.map((v) => ({ key: v.key, label: v.label[request.locale] })),
        ...fields.map((f) => ({ key: `${customFieldPrefix}${f.key}`, label: labelIn(f.label, request.locale) })),
      ],
    };
  });

  app.get('/api/v1/macros/:id', {
    config: { permission: 'tickets.reply' },
    schema: { tags, summary: '宏详情 A macro', description: 'The `ETag` header carries the version for `If-Match`.', params: idParams, response: { 200: macroSchema } },
  }, async (request, reply) => {
    const row = await getVisibleMacro(database.db, actorOf(request), request.params.id);
    return reply.header('ETag', etag(row)).send(presentMacro(actorOf(request), row));
  });

  app.post('/api/v1/macros', {
    config: { permission: 'tickets.reply' },
    schema: { tags, summary: '创建宏 Create a macro', description: 'Unknown variables in `body` answer 400 at `body` with the line and column; actions naming a missing priority, team, assignee or field answer 400 at `actions.<field>`.', body: createMacroBody, response: { 201: macroSchema } },
  }, async (request, reply) => {
    const row = await createMacro(database, actorOf(request), request.body);
    return reply.status(201).header('ETag', etag(row)).send(presentMacro(actorOf(request), row));
  });

  app.patch('/api/v1/macros/:id', {
    config: { permission: 'tickets.reply' },
    schema: { tags, summary: '修改宏 Update a macro', description: 'Requires `If-Match: "<version>"` (428 without it; 412 when stale). Fields sent replace the stored ones (`actions` whole).', params: idParams, headers: ifMatchHeaders, body: updateMacroBody, response: { 200: macroSchema } },
  }, async (request, reply) => {
    const expected = ifMatchVersion(request.headers['if-match'], 'macro.if_match_required', 'macro.if_match_invalid');
    const row = await updateMacro(database, actorOf(request), request.params.id, expected, request.body);
    return reply.header('ETag', etag(row)).send(presentMacro(actorOf(request), row));
  });

  app.delete('/api/v1/macros/:id', {
    config: { permission: 'tickets.reply' },
    schema: { tags, summary: '删除宏 Delete a macro', description: 'An optional `If-Match` guards against deleting a macro someone just changed.', params: idParams, headers: ifMatchHeaders, response: { 204: z.null() } },
  }, async (request, reply) => {
    await deleteMacro(database, actorOf(request), request.params.id, optionalIfMatchVersion(request.headers['if-match'], 'macro.if_match_invalid'));
    return reply.status(204).send(null);
  });

  app.post('/api/v1/tickets/:id/macros/:macroId/preview', {
    config: { permission: 'tickets.reply' },
    schema: { tags, summary: '预览宏 Preview a macro on a ticket', description: 'The text rendered for this ticket (variables the caller may not read render empty) and the changes its actions would make, judged as applying would judge them. Nothing is written.', params: useParams, response: { 200: macroOutcomeSchema } },
  }, async (request) => previewMacro(database, actorOf(request), request.params.id, request.params.macroId, use(request.locale)));

  app.post('/api/v1/tickets/:id/macros/:macroId/apply', {
    config: { permission: 'tickets.reply' },
    schema: {
      tags, summary: '应用宏 Apply a macro to a ticket',
      description: 'Applies the actions as one ticket update by the caller (one `ticket.updated`) and counts a use. The text is returned for the composer; it is not sent. An optional `If-Match: "<ticket version>"` refuses (412) a ticket changed since the preview.',
      params: useParams, headers: ifMatchHeaders, response: { 200: macroOutcomeSchema },
    },
  }, async (request) => {
    const expected = optionalIfMatchVersion(request.headers['if-match'], 'ticket.if_match_invalid');
    return applyMacro(database, actorOf(request), request.params.id, request.params.macroId, expected, use(request.locale));
  });
}
