import { z } from 'zod';
import { changeTicket } from './action-context.js';
import type { ActionSpec } from './action-spec.js';

const schema = z.object({ type: z.literal('change_type'), typeKey: z.string().min(1).max(100).nullable() });

/** 更改工单类型: every custom value is kept; the new type's form judges them (tickets service). */
export const changeTypeAction: ActionSpec<typeof schema> = {
  type: 'change_type',
  schema,
  check: (action, refs, path) => (action.typeKey === null || refs.typeKeys.has(action.typeKey) ? [] : [{ path: `${path}.typeKey`, code: 'automation.action.unknown_type' }]),
  run: (action, context) => changeTicket(context, () => ({ type: action.typeKey })),
};
