import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TicketListFilter } from '../../app/ticket-list-filters.js';
import { processKeySchema } from '../../workflow-model/definition.js';
import { processTokens, processVersions } from './schema.js';

const stageRef = z.tuple([z.uuid(), processKeySchema]);

/**
 * The ticket list's `stage=<processId>:<stageId>` (issue 19 §5): tickets with a token waiting at
 * that stage. The stage must be one of the process's published versions (a ticket on an older
 * version may wait at a stage the current one dropped). The condition is a semi-join the planner
 * serves from `process_tokens_stage_idx` (process, stage), whatever order the list walks.
 */
export const stageListFilter: TicketListFilter = {
  description: '`<processId>:<stageId>`: tickets waiting at that stage of a process (any published version).',
  async condition(db, value, { ticketId }) {
    const parsed = stageRef.safeParse(value.split(':'));
    if (!parsed.success) return { ok: false, refusal: { code: 'workflow.stage_filter.invalid' } };
    const [processId, stage] = parsed.data;
    const known = await db
      .select({ one: sql<number>`1` })
      .from(processVersions)
      .where(and(eq(processVersions.processId, processId), sql`${processVersions.definition} -> 'nodes' @> ${JSON.stringify([{ kind: 'stage', id: stage }])}::jsonb`))
      .limit(1);
    if (known.length === 0) return { ok: false, refusal: { code: 'workflow.stage_filter.unknown', params: { stage } } };
    return { ok: true, condition: sql`${ticketId} in (select ${processTokens.ticketId} from ${processTokens} where ${processTokens.processId} = ${processId} and ${processTokens.stage} = ${stage})` };
  },
};
