import type { TicketSnapshot } from '../tickets/index.js';

/** A ticket's values under the keys the condition language uses (built-in keys, `fields.<key>`), for conditions, required fields and user-field rules. */
export function ticketValuesOf(ticket: TicketSnapshot): Record<string, unknown> {
  const values: Record<string, unknown> = {
    status: ticket.status,
    priority: ticket.priority,
    channel: ticket.channel,
    team: ticket.teamId,
    assignee: ticket.assigneeId,
    requester: ticket.requesterId,
    category: ticket.categoryPath[0] ?? null,
    tags: ticket.tags ?? [],
  };
  for (const [key, value] of Object.entries(ticket.fields ?? {})) values[`fields.${key}`] = value;
  return values;
}

export const isEmptyValue = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
