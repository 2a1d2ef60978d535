import type { Locale } from '../../app/i18n/catalogue.js';
import type { Db } from '../../db/database.js';
import type { ValueDisplays } from '../../forms/value-labels.js';
import { getTeamNames, getUserNames, type Actor } from '../auth/index.js';
import { getContactsByIds } from '../customers/index.js';
import { listCategories } from './categories.js';
import { builtinExportColumns, type Cell, type ExportLookups } from './export/columns.js';
import { customExportColumns } from './export/custom-columns.js';
import { localTime } from './export/spreadsheet-writers.js';
import { listPriorities } from './priorities.js';
import type { TicketRow } from './ticket-view.js';

export type TicketVariableOptions = {
  /** The reader's language: labels of status, priority, category and options. */
  locale: Locale;
  /** The installation's time zone (dates of custom fields). */
  timeZone: string;
  /** OPENCSM_PUBLIC_URL: `ticket.link` is the customer's portal page of the ticket; empty without it. */
  publicUrl?: string;
  /** The app's field types (a registered type's value shown through its row). */
  fieldTypes: ValueDisplays;
  /** `agent.name`: the agent the text speaks for; default the reader. */
  agentName?: string;
};

/** Which column of a ticket (as the export writes it, in the reader's words) gives which variable. */
const columnOfVariable: Record<string, string> = {
  'ticket.number': 'number',
  'ticket.subject': 'subject',
  'ticket.status': 'status',
  'ticket.priority': 'priority',
  'ticket.category': 'category',
  'ticket.team': 'team',
  'ticket.assignee': 'assignee',
  'requester.name': 'requester',
  'requester.email': 'requesterEmail',
  'requester.phone': 'requesterPhone',
};

/**
 * The values of the text-template variables (src/text-templates, docs/automation.md) of one
 * ticket for one reader: labels in the reader's language, custom fields as their display labels
 * (option labels, region names) and only those the reader's role may read — a field it may not
 * read has no value and renders empty. The caller has checked that the reader sees the ticket.
 * Reuses the export's columns, so a template shows a ticket as the export writes it.
 */
export async function ticketTemplateValues(db: Db, reader: Actor, ticket: TicketRow, options: TicketVariableOptions): Promise<Map<string, string>> {
  const [categories, priorities, users, teams, contacts, custom] = await Promise.all([
    ticket.categoryId ? listCategories(db, { includeInactive: true }) : [],
    listPriorities(db),
    getUserNames(db, ticket.assigneeId ? [ticket.assigneeId] : []),
    getTeamNames(db, ticket.teamId ? [ticket.teamId] : []),
    getContactsByIds(db, ticket.requesterId ? [ticket.requesterId] : []),
    Object.keys(ticket.fields).length ? customExportColumns(db, reader, options.fieldTypes) : [],
  ]);
  const lookups: ExportLookups = {
    users,
    teams,
    categories: new Map(categories.map((c) => [c.id, c])),
    priorities: new Map(priorities.map((p) => [p.key, p])),
    requesters: contacts,
    channels: new Map(),
  };
  const text = (cell: Cell): string => (cell === null ? '' : cell instanceof Date ? localTime(cell, options.timeZone) : String(cell));
  const values = new Map<string, string>();
  const columns = new Map(builtinExportColumns.map((c) => [c.key, c]));
  for (const [variable, key] of Object.entries(columnOfVariable)) values.set(variable, text(columns.get(key)!.value(ticket, lookups, options.locale)));
  const requester = ticket.requesterId ? contacts.get(ticket.requesterId) : undefined;
  values.set('organisation.name', requester?.organization?.name ?? '');
  values.set('ticket.link', options.publicUrl ? `${options.publicUrl.replace(/\/+$/, '')}/portal/tickets/${ticket.id}` : '');
  values.set('agent.name', options.agentName ?? reader.name);
  for (const column of custom) values.set(column.key, text(column.value(ticket, lookups, options.locale)));
  return values;
}
