import { Invalid } from '../../app/errors.js';
import type { FieldTypes } from '../../app/field-types.js';
import type { Database, Db } from '../../db/database.js';
import type { FormAudience } from '../../forms/definition.js';
import { checkSubmission } from '../../forms/check-submission.js';
import type { FieldValue } from '../../forms/field-values.js';
import { currentTicketForm, type TicketTypeRef, type WhichForm } from '../forms/index.js';
import { builtinTicketDescriptors } from './builtin-fields.js';
import type { TicketRow } from './ticket-view.js';

/**
 * The one check of a ticket's custom field values, on every write path (API create and update,
 * bulk, phone intake, portal and web form, channels): the form of the ticket's type — or, without
 * a type, the bare registry — judged by the form engine (checkSubmission), so the API cannot skip
 * a field a rule requires. Refusals are a 400 whose errors name `fields.<key>`.
 */
export type JudgedFields = { type: TicketTypeRef | null; values: Record<string, FieldValue>; changed: string[] };

/** Built-in values the form's rules may test, keyed as the registry names them. */
export function builtinValuesOf(row: Partial<Pick<TicketRow, 'subject' | 'description' | 'status' | 'priority' | 'categoryId' | 'teamId' | 'assigneeId' | 'requesterId' | 'tags' | 'channel'>>): Record<string, unknown> {
  return {
    subject: row.subject,
    description: row.description,
    status: row.status,
    priority: row.priority,
    category: row.categoryId ?? null,
    team: row.teamId ?? null,
    assignee: row.assigneeId ?? null,
    requester: row.requesterId ?? null,
    tags: row.tags ?? [],
    channel: row.channel,
  };
}

export async function judgeTicketFields(
  database: Database,
  db: Db,
  which: WhichForm,
  submission: { input: Readonly<Record<string, unknown>>; previous?: Readonly<Record<string, unknown>>; audience: FormAudience; builtinValues: Record<string, unknown> },
  options: { timeZone: string; now: Date; fieldTypes: FieldTypes },
): Promise<JudgedFields> {
  const form = await currentTicketForm(database, db, which, { timeZone: options.timeZone, builtins: builtinTicketDescriptors(), fieldTypes: options.fieldTypes });
  if (form.type && !form.type.active && which !== null && 'typeKey' in which) throw new Invalid('validation.failed', {}, [{ path: 'type', code: 'forms.type.inactive', params: { key: form.type.key } }]);
  const result = checkSubmission(form.prepared, {
    input: submission.input,
    ...(submission.previous && { previous: submission.previous }),
    audience: submission.audience,
    builtinValues: submission.builtinValues,
    // The prepared form holds its value context (option trees, the app's field types).
    now: options.now,
  });
  if (!result.ok) throw new Invalid('validation.failed', {}, result.issues);
  return { type: form.type, values: result.values, changed: result.changed };
}
