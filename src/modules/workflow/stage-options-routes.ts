import { and, eq, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import type { Db } from '../../db/database.js';
import type { ProcessLabel } from '../../workflow-model/definition.js';
import { processes, processVersions } from './schema.js';

export type StageOption = { id: string; name: ProcessLabel };
export type ProcessStageOptions = { processId: string; name: ProcessLabel; ticketType: string; version: number; stages: StageOption[] };

/** The stages of every published process's current version, in the definition's order (an installation has few processes). */
export async function listStageOptions(db: Db): Promise<ProcessStageOptions[]> {
  const rows = await db
    .select({ processId: processes.id, name: processes.name, ticketType: processes.ticketType, version: processVersions.version, definition: processVersions.definition })
    .from(processes)
    .innerJoin(processVersions, and(eq(processVersions.processId, processes.id), eq(processVersions.version, processes.currentVersion)))
    .where(isNotNull(processes.currentVersion))
    .orderBy(processes.key);
  return rows.map(({ definition, ...row }) => ({ ...row, stages: definition.nodes.flatMap((node) => (node.kind === 'stage' ? [{ id: node.id, name: node.name }] : [])) }));
}

const label = z.object({ 'zh-CN': z.string(), en: z.string() });

/**
 * What an agent needs to name stages (the ticket list's 环节 filter, 待我处理的环节): readable with
 * `tickets.read`, where the definitions themselves need `processes.read`.
 */
export function registerStageOptionRoutes(app: AppServer, { database }: AppContext): void {
  app.get('/api/v1/process-stages/options', {
    config: { permission: 'tickets.read' },
    schema: {
      tags: ['workflow'],
      summary: '可筛选的环节 Stages to filter by',
      description: 'Every published process with the stages of its current version (ids and names in both languages): the values of the ticket list\'s `stage=<processId>:<stageId>`. Empty when no process is published.',
      response: { 200: z.object({ items: z.array(z.object({ processId: z.string(), name: label, ticketType: z.string(), version: z.number().int(), stages: z.array(z.object({ id: z.string(), name: label })) })) }) },
    },
  }, async () => ({ items: await listStageOptions(database.db) }));
}
