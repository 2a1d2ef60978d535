import { z } from 'zod';
import { Invalid, type FieldError } from '../../app/errors.js';
import type { Db } from '../../db/database.js';
import { listFieldFacts } from '../forms/index.js';
import { assertTicketReferences, ticketStatuses, type TicketChanges, type TicketRow } from '../tickets/index.js';
import type { MacroActions } from './schema.js';

const tag = z.string().trim().min(1).max(50);

/** The actions a macro may carry (issue 18 §3): status, priority, team, assignee, tags, custom fields. */
export const macroActionsSchema = z
  .strictObject({
    status: z.enum(ticketStatuses).optional(),
    priority: z.string().min(1).max(50).optional(),
    teamId: z.uuid().nullable().optional(),
    assigneeId: z.uuid().nullable().optional(),
    tagsAdd: z.array(tag).max(20).optional(),
    tagsRemove: z.array(tag).max(20).optional(),
    fields: z.record(z.string().min(1).max(100), z.unknown()).optional(),
  })
  .describe('Ticket changes applied with the macro; each is optional. `fields`: custom values by key (null clears one), judged by the ticket\'s form when applied.');

/**
 * Checks what can be judged without a ticket, naming each bad field under `actions.`: the
 * priority, team and assignee exist (as the ticket write checks them), and every custom field is
 * in the registry and not archived. Values of custom fields depend on the ticket's form: preview
 * and apply judge them (400 at `fields.<key>`).
 */
export async function assertMacroActions(db: Db, actions: MacroActions): Promise<void> {
  const errors: FieldError[] = [];
  try {
    await assertTicketReferences(db, { priority: actions.priority, teamId: actions.teamId, assigneeId: actions.assigneeId });
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    errors.push(...error.errors.map((e) => ({ ...e, path: `actions.${e.path}` })));
  }
  const keys = Object.keys(actions.fields ?? {});
  if (keys.length) {
    const usable = new Set((await listFieldFacts(db, 'ticket')).filter((f) => !f.archived).map((f) => f.key));
    for (const key of keys) if (!usable.has(key)) errors.push({ path: `actions.fields.${key}`, code: 'macro.unknown_field', params: { field: key } });
  }
  if (errors.length) throw new Invalid('validation.failed', {}, errors);
}

/** The macro's actions as a ticket update on `ticket`: tags added and removed from the ticket's own. */
export function ticketChangesOf(actions: MacroActions, ticket: Pick<TicketRow, 'tags'>): TicketChanges {
  const changes: TicketChanges = {};
  if (actions.status !== undefined) changes.status = actions.status;
  if (actions.priority !== undefined) changes.priority = actions.priority;
  if (actions.teamId !== undefined) changes.teamId = actions.teamId;
  if (actions.assigneeId !== undefined) changes.assigneeId = actions.assigneeId;
  if (actions.tagsAdd?.length || actions.tagsRemove?.length) {
    const removed = new Set((actions.tagsRemove ?? []).map((t) => t.toLowerCase()));
    changes.tags = [...ticket.tags, ...(actions.tagsAdd ?? [])].filter((t) => !removed.has(t.toLowerCase()));
  }
  if (actions.fields && Object.keys(actions.fields).length) changes.fields = actions.fields;
  return changes;
}
