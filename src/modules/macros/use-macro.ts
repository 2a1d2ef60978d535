import { eq, sql } from 'drizzle-orm';
import type { Locale } from '../../app/i18n/catalogue.js';
import type { WriteRules } from '../../app/write-rules.js';
import type { Database } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { renderTemplate } from '../../text-templates/index.js';
import type { Actor } from '../auth/index.js';
import { getVisibleTicket, previewTicketUpdate, ticketTemplateValues, updateTicket, type TicketChangeEntry, type TicketRow } from '../tickets/index.js';
import { macroApplied } from './events.js';
import { getUsableMacro } from './list-macros.js';
import { ticketChangesOf } from './macro-actions.js';
import { macros } from './schema.js';

/** How a macro meets a ticket: the reader's language, the installation's settings and the app's write rules. */
export type MacroUse = { locale: Locale; timeZone: string; publicUrl?: string; rules: WriteRules };

/** What the agent gets: the text for the composer (rendered for this ticket and reader) and the ticket changes. */
export type MacroOutcome = { macroId: string; body: string; bodyKind: 'reply' | 'note'; changes: TicketChangeEntry[]; ticketVersion: number };

/**
 * The macro's text rendered for the ticket and what its actions would change, judged as the
 * write would judge them (a value the ticket's form refuses is the same 400); nothing written.
 */
export async function previewMacro(database: Database, actor: Actor, ticketId: string, macroId: string, use: MacroUse): Promise<MacroOutcome> {
  const macro = await getUsableMacro(database.db, actor, macroId);
  const ticket = await getVisibleTicket(database.db, actor, ticketId);
  const changes = ticketChangesOf(macro.actions, ticket);
  const judged = Object.keys(changes).length ? await previewTicketUpdate(database, actor, ticket.id, changes, { fieldTypes: use.rules.fieldTypes, timeZone: use.timeZone }) : { changes: [] };
  return { macroId: macro.id, body: await renderedBody(database, actor, ticket, macro.body, use), bodyKind: macro.bodyKind, changes: judged.changes, ticketVersion: ticket.version };
}

/**
 * Applies the actions through `updateTicket` with the agent's cause (one `ticket.updated` for
 * all of them; `expectedVersion` from the composer's If-Match, else the version just read) and
 * counts a use. The text is not sent: it goes back to the composer for the agent to edit and
 * send. The use is counted in its own transaction right after the ticket's: a failure there
 * leaves the change made and the count one short, never the reverse.
 */
export async function applyMacro(database: Database, actor: Actor, ticketId: string, macroId: string, expectedVersion: number | undefined, use: MacroUse): Promise<MacroOutcome> {
  const macro = await getUsableMacro(database.db, actor, macroId);
  const ticket = await getVisibleTicket(database.db, actor, ticketId);
  const changes = ticketChangesOf(macro.actions, ticket);
  let after = ticket;
  if (Object.keys(changes).length) after = await updateTicket(database, actor, ticket.id, expectedVersion ?? ticket.version, changes, { ...use.rules, cause: 'agent', timeZone: use.timeZone });
  const changed = after.version === ticket.version ? [] : changedFields(ticket, after);
  await database.transaction(async (tx) => {
    await tx.update(macros).set({ usageCount: sql`${macros.usageCount} + 1`, lastUsedAt: new Date() }).where(eq(macros.id, macro.id));
    await recordEvent(tx, macroApplied, { aggregateId: macro.id, cause: 'agent', actorId: actor.id, payload: { ticketId: ticket.id, changed: changed.map((c) => c.field) } });
  });
  return { macroId: macro.id, body: await renderedBody(database, actor, after, macro.body, use), bodyKind: macro.bodyKind, changes: changed, ticketVersion: after.version };
}

async function renderedBody(database: Database, actor: Actor, ticket: TicketRow, body: string, use: MacroUse): Promise<string> {
  if (!body.includes('{{')) return body;
  const values = await ticketTemplateValues(database.db, actor, ticket, { locale: use.locale, timeZone: use.timeZone, publicUrl: use.publicUrl, fieldTypes: use.rules.fieldTypes });
  return renderTemplate(body, values, 'text');
}

/** The ticket fields that differ between two versions of the row, as the timeline names them. */
function changedFields(before: TicketRow, after: TicketRow): TicketChangeEntry[] {
  const builtin = (['status', 'priority', 'teamId', 'assigneeId', 'tags'] as const).filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f])).map((f) => ({ field: f as string, from: before[f], to: after[f] }));
  const keys = new Set([...Object.keys(before.fields), ...Object.keys(after.fields)]);
  const custom = [...keys].filter((k) => JSON.stringify(before.fields[k]) !== JSON.stringify(after.fields[k])).map((k) => ({ field: `fields.${k}`, from: before.fields[k] ?? null, to: after.fields[k] ?? null }));
  return [...builtin, ...custom];
}
