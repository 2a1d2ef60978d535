import type { z } from 'zod';
import type { FieldError } from '../../../app/errors.js';
import type { ActionContext } from './action-context.js';

/** What an action's references are checked against when a rule is saved (each read once per save). */
export type ActionReferences = {
  users: ReadonlySet<string>;
  teams: ReadonlySet<string>;
  priorities: ReadonlySet<string>;
  categories: ReadonlySet<string>;
  typeKeys: ReadonlySet<string>;
  customFields: ReadonlySet<string>;
  /** Webhook endpoints named by the rule that exist and are enabled. */
  webhooks: ReadonlySet<string>;
  /** SLA policies named by the rule that exist (lower-cased ids). */
  slaPolicies: ReadonlySet<string>;
};

/**
 * One action type of the registry: its JSON shape (zod, `type` its literal), the references it names
 * (checked on save, problems at `actions.<i>.<field>`), and what it does when its rule fires, through
 * the owning module's public service. A new action (notify, webhook, reply from a template) is one
 * more file like this and one line in actions/index.ts.
 */
export type ActionSpec<S extends z.ZodObject<{ type: z.ZodLiteral<string> }>> = {
  type: z.output<S>['type'];
  schema: S;
  check(action: z.output<S>, refs: ActionReferences, path: string): FieldError[];
  /** Does it; answers what it changed (logged with the firing). Throws when it cannot. */
  run(action: z.output<S>, context: ActionContext): Promise<Record<string, unknown>>;
};
