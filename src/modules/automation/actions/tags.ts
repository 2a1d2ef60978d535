import { z } from 'zod';
import { changeTicket } from './action-context.js';
import type { ActionSpec } from './action-spec.js';

const tags = z.array(z.string().trim().min(1).max(50)).min(1).max(20);
const addSchema = z.object({ type: z.literal('add_tags'), tags });
const removeSchema = z.object({ type: z.literal('remove_tags'), tags });

/** 添加标签 (tags are normalised by the tickets service: trimmed, Latin lower-cased). */
export const addTagsAction: ActionSpec<typeof addSchema> = {
  type: 'add_tags',
  schema: addSchema,
  check: () => [],
  run: (action, context) =>
    changeTicket(context, (ticket) => {
      const current = ticket.tags ?? [];
      const added = action.tags.map((tag) => tag.toLowerCase()).filter((tag) => !current.includes(tag));
      return added.length ? { tags: [...current, ...added] } : null;
    }),
};

/** 移除标签. */
export const removeTagsAction: ActionSpec<typeof removeSchema> = {
  type: 'remove_tags',
  schema: removeSchema,
  check: () => [],
  run: (action, context) =>
    changeTicket(context, (ticket) => {
      const current = ticket.tags ?? [];
      const removing = new Set(action.tags.map((tag) => tag.toLowerCase()));
      const kept = current.filter((tag) => !removing.has(tag));
      return kept.length === current.length ? null : { tags: kept };
    }),
};
