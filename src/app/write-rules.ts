import type { AppContext } from './context.js';
import type { FieldTypes } from './field-types.js';
import type { TransitionGuards } from './transition-guards.js';

/**
 * What a write to a ticket brings from its app, because the rules it obeys are extension points
 * other modules fill at boot: the transition guards, asked before a status change, and the field
 * types, which parse custom values. Whoever writes has the app's context (a route, a job handler
 * made at boot) and passes these on; no module keeps them in a global.
 */
export type WriteRules = { guards: TransitionGuards; fieldTypes: FieldTypes };

export function writeRulesOf(context: Pick<AppContext, 'transitionGuards' | 'fieldTypes'>): WriteRules {
  return { guards: context.transitionGuards, fieldTypes: context.fieldTypes };
}
