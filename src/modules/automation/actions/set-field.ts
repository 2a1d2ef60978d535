import { z } from 'zod';
import { ticketStatuses, type TicketChanges } from '../../tickets/index.js';
import { changeTicket } from './action-context.js';
import type { ActionSpec } from './action-spec.js';

/** Built-in fields an action may set besides the ones with their own action (assignee, team, tags, type). */
const builtinSettable = ['status', 'priority', 'category', 'subject'] as const;

const schema = z.object({
  type: z.literal('set_field'),
  /** `status`, `priority`, `category`, `subject`, or a custom field `fields.<key>`. */
  field: z.union([z.enum(builtinSettable), z.templateLiteral(['fields.', z.string().min(1).max(100)])]),
  value: z.union([z.string().max(2000), z.number(), z.boolean(), z.array(z.string().max(200)).max(100), z.null()]),
});

/** The change one set_field makes, in the tickets service's terms. */
function changesOf(action: z.output<typeof schema>): TicketChanges {
  const { field, value } = action;
  if (field.startsWith('fields.')) return { fields: { [field.slice('fields.'.length)]: value } };
  const text = typeof value === 'string' ? value : null;
  if (field === 'category') return { categoryId: text };
  if (field === 'status') return { status: ticketStatuses.find((status) => status === text) };
  if (field === 'priority') return text ? { priority: text } : {};
  return text ? { subject: text } : {};
}

/** 设置字段: set a built-in or custom field (custom values are judged by the ticket's form, like an agent's). */
export const setFieldAction: ActionSpec<typeof schema> = {
  type: 'set_field',
  schema,
  check(action, refs, path) {
    const { field, value } = action;
    if (field === 'status') return ticketStatuses.some((status) => status === value) ? [] : [{ path: `${path}.value`, code: 'automation.action.invalid_status' }];
    if (field === 'priority') return typeof value === 'string' && refs.priorities.has(value) ? [] : [{ path: `${path}.value`, code: 'automation.action.unknown_priority' }];
    if (field === 'category') return value === null || (typeof value === 'string' && refs.categories.has(value)) ? [] : [{ path: `${path}.value`, code: 'automation.action.unknown_category' }];
    if (field === 'subject') return typeof value === 'string' && value.trim() ? [] : [{ path: `${path}.value`, code: 'automation.action.value_required' }];
    return refs.customFields.has(field.slice('fields.'.length)) ? [] : [{ path: `${path}.field`, code: 'automation.action.unknown_field' }];
  },
  run: (action, context) => changeTicket(context, () => changesOf(action)),
};
