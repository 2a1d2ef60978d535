import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { actorOf } from '../../app/http/request-context.js';
import { translate, type Locale } from '../../app/i18n/catalogue.js';
import { processKeySchema } from '../../workflow-model/definition.js';
import { processIdParams } from './http-schemas.js';
import { migrateInstances, migrationBatchLimit, previewMigration, type StageNames } from './instance-migration.js';
import type { MigrationProblem } from './instance-migration-plan.js';

const tags = ['workflow'];
const nameIn = (label: { 'zh-CN': string; en: string } | undefined, locale: Locale) => (label ? (locale === 'en' && label.en) || label['zh-CN'] : '');
const manage = { permission: 'processes.manage' } as const;

const migrationBody = z.strictObject({
  fromVersion: z.number().int().min(1),
  toVersion: z.number().int().min(1),
  ticketIds: z.array(z.uuid()).min(1).max(migrationBatchLimit).optional().describe(`Only these tickets (at most ${migrationBatchLimit} per migration request), else every running instance of \`fromVersion\`.`),
  stageMap: z.record(processKeySchema, processKeySchema).optional().describe('Old stage id → stage of `toVersion`, for stages the new version no longer has.'),
});
/** A preview reads only: it may name more tickets than one migration request moves. */
const previewBody = migrationBody.extend({ ticketIds: z.array(z.uuid()).min(1).max(200).optional().describe('Only these tickets (else every running instance of `fromVersion`).') });
const label = z.object({ 'zh-CN': z.string(), en: z.string() });
const problem = z.object({ code: z.string(), params: z.record(z.string(), z.string()), message: z.string() });
const previewItem = z.object({
  ticketId: z.string(),
  number: z.string(),
  subject: z.string(),
  revision: z.number().int().describe('Send it back in `expectedRevisions` to migrate only what you saw.'),
  stages: z.array(z.object({ from: z.string(), to: z.string().nullable() })),
  missingFields: z.array(z.object({ key: z.string(), label })),
  problems: z.array(problem),
});
const outcome = z.object({
  ticketId: z.string(),
  outcome: z.enum(['migrated', 'moved', 'refused', 'not_running']),
  revision: z.number().int().optional(),
  stages: z.array(z.object({ from: z.string(), to: z.string() })).optional(),
  problems: z.array(problem).optional(),
});

/** 迁移运行中的工单: preview and migrate running instances to another published version (issue 19 §3). */
export function registerMigrationRoutes(app: AppServer, { database }: AppContext): void {
  /** A problem in the reader's language, its stages by name ("环节 上门检测 …"), their ids kept in `params`. */
  const say = (locale: Locale, names: StageNames) => (p: MigrationProblem) => {
    const named = Object.fromEntries(Object.entries(p.params).map(([key, id]) => [key, nameIn(names.get(id), locale) || id]));
    return { ...p, message: translate(locale, p.code, named) };
  };

  app.post('/api/v1/processes/:id/migrations/preview', {
    config: manage,
    schema: {
      tags, summary: '迁移预览 Preview migrating running tickets',
      description: 'For each ticket running on `fromVersion` (or the chosen `ticketIds`): the stage each of its tokens lands in on `toVersion` (the same stage id, else `stageMap`, else a problem), the new stages\' required fields it lacks, and what stops it from moving. Changes nothing. Keyset pages: `cursor` = `nextCursor`.',
      params: processIdParams,
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), cursor: z.uuid().optional() }),
      body: previewBody,
      response: { 200: z.object({ items: z.array(previewItem), total: z.number().int(), nextCursor: z.string().nullable() }) },
    },
  }, async (request) => {
    const { stageNames, ...page } = await previewMigration(database.db, request.params.id, request.body, request.query);
    return { ...page, items: page.items.map((item) => ({ ...item, problems: item.problems.map(say(request.locale, stageNames)) })) };
  });

  app.post('/api/v1/processes/:id/migrations', {
    config: manage,
    schema: {
      tags, summary: '迁移运行中的工单 Migrate running tickets',
      description: `Moves the chosen tickets (or the first ${migrationBatchLimit} running on \`fromVersion\`) to \`toVersion\`, each in its own transaction, and says per ticket: \`migrated\`, \`moved\` (its process moved on since the preview: \`expectedRevisions\` from the preview, else the revision read when the request began; left alone), \`refused\` (a problem of the preview) or \`not_running\`. Records \`workflow.instance_migrated\` and a timeline entry for each migrated ticket. \`remaining\`: how many still run on \`fromVersion\`; send the request again for the next batch.`,
      params: processIdParams,
      body: migrationBody.extend({ confirm: z.literal(true), expectedRevisions: z.record(z.uuid(), z.number().int().min(1)).optional() }),
      response: { 200: z.object({ outcomes: z.array(outcome), remaining: z.number().int() }) },
    },
  }, async (request) => {
    const { stageNames, ...done } = await migrateInstances(database, actorOf(request), request.params.id, request.body);
    return { ...done, outcomes: done.outcomes.map(({ problems, ...o }) => ({ ...o, ...(problems && { problems: problems.map(say(request.locale, stageNames)) }) })) };
  });
}
