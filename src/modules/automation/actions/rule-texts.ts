import type { FieldError } from '../../../app/errors.js';
import { renderTemplate, validateTemplate } from '../../../text-templates/index.js';
import { contactLocale } from '../../customers/index.js';
import { getVisibleTicket, ticketTemplateValues } from '../../tickets/index.js';
import type { ActionContext } from './action-context.js';
import type { ActionReferences } from './action-spec.js';

/** A text's template problems (unknown variables, unclosed braces) at `path`, with line and column. */
export function templateProblems(text: string, refs: ActionReferences, path: string): FieldError[] {
  return validateTemplate(text, (key) => refs.customFields.has(key)).map((problem) => ({
    path,
    code: problem.code,
    params: { ...problem.params, line: problem.line, column: problem.column, offset: problem.offset },
  }));
}

export type TextLocale = 'zh-CN' | 'en';

/**
 * Renders a rule's text for the ticket, in one language, as an **agent** would read it: a custom
 * field whose read roles exclude agents renders empty, so a rule (which acts as an admin) never
 * puts a restricted value in a text a customer or an agent receives. `{{agent.name}}` is the
 * ticket's assignee (there is no person behind a rule), empty when unassigned.
 */
export async function renderRuleText(context: ActionContext, text: string, locale: TextLocale): Promise<string> {
  if (!text.includes('{{')) return text;
  const ticket = await getVisibleTicket(context.database.db, context.actor, context.ticketId);
  const reader = { ...context.actor, role: 'agent' as const };
  const values = await ticketTemplateValues(context.database.db, reader, ticket, { locale, timeZone: context.timeZone, ...(context.publicUrl && { publicUrl: context.publicUrl }), fieldTypes: context.rules.fieldTypes });
  values.set('agent.name', values.get('ticket.assignee') ?? '');
  return renderTemplate(text, values, 'text');
}

/** The language a ticket's requester reads a rule's reply in: their contact's (`locale` attribute), else Chinese. */
export async function requesterLocale(context: ActionContext, requesterId: string | null): Promise<TextLocale> {
  return (requesterId ? await contactLocale(context.database.db, requesterId) : null) ?? 'zh-CN';
}
