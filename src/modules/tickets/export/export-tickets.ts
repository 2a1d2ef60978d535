import type { TicketChannel } from '../../../app/channel-registry.js';
import { invalidField } from '../../../app/errors.js';
import type { Locale } from '../../../app/i18n/catalogue.js';
import type { Db } from '../../../db/database.js';
import { getTeamNames, getUserNames, type Actor } from '../../auth/index.js';
import { getContactsByIds } from '../../customers/index.js';
import { listCategories } from '../categories.js';
import { listTickets, type TicketFilter } from '../list-tickets.js';
import { listPriorities } from '../priorities.js';
import { builtinExportColumns, defaultExportColumnKeys, type ExportColumn, type ExportLookups } from './columns.js';
import type { SpreadsheetWriter } from './spreadsheet-writers.js';

/** Tickets read per query while exporting: large enough to amortise the name lookups, small enough to stream. */
const pageSize = 500;

export type ExportRequest = {
  filter: Omit<TicketFilter, 'cursor' | 'limit'>;
  columns?: readonly string[];
  locale: Locale;
  /** The most rows one export writes; the console says so before it starts. */
  maxRows: number;
  /** The installed channels (context.channels.ticketChannels()), which name the channel column. */
  channels: readonly TicketChannel[];
};

/** The columns asked for, in the order asked; an unknown key is a 400 naming it. */
export function resolveColumns(keys: readonly string[] | undefined, custom: readonly ExportColumn[] = []): ExportColumn[] {
  const byKey = new Map([...builtinExportColumns, ...custom].map((c) => [c.key, c]));
  return (keys?.length ? keys : defaultExportColumnKeys).map((key) => {
    const column = byKey.get(key);
    if (!column) throw invalidField('columns', 'ticket.export.unknown_column', { column: key });
    return column;
  });
}

/**
 * Writes the tickets a list shows (same visibility, view, filters, search and sort as
 * GET /tickets) to `writer`, a header row first, page by page with one lookup of names per page.
 * Resolves to the number of tickets written and whether more matched than `maxRows`; the caller
 * ends the file (after recording the export, so a finished download means an audited one).
 */
export async function exportTickets(db: Db, actor: Actor, request: ExportRequest, columns: readonly ExportColumn[], writer: SpreadsheetWriter): Promise<{ rows: number; truncated: boolean }> {
  const { locale } = request;
  await writer.row(columns.map((c) => c.header(locale)));
  const [categories, priorities] = await Promise.all([listCategories(db, { includeInactive: true }), listPriorities(db)]);
  const fixed = { categories: new Map(categories.map((c) => [c.id, c])), priorities: new Map(priorities.map((p) => [p.key, p])), channels: new Map(request.channels.map((c) => [c.key, c.labels])) };
  let rows = 0;
  let cursor: string | undefined;
  do {
    const page = await listTickets(db, actor, { ...request.filter, limit: Math.min(pageSize, request.maxRows - rows), ...(cursor && { cursor }) });
    const lookups = await lookupsFor(db, page.items, fixed);
    for (const ticket of page.items) await writer.row(columns.map((c) => c.value(ticket, lookups, locale)));
    rows += page.items.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows < request.maxRows);
  return { rows, truncated: Boolean(cursor) };
}

async function lookupsFor(db: Db, tickets: Awaited<ReturnType<typeof listTickets>>['items'], fixed: Pick<ExportLookups, 'categories' | 'priorities' | 'channels'>): Promise<ExportLookups> {
  const ids = (pick: (t: (typeof tickets)[number]) => string | null) => [...new Set(tickets.map(pick).filter((id): id is string => Boolean(id)))];
  const [users, teams, contacts] = await Promise.all([getUserNames(db, ids((t) => t.assigneeId)), getTeamNames(db, ids((t) => t.teamId)), getContactsByIds(db, ids((t) => t.requesterId))]);
  return { ...fixed, users, teams, requesters: contacts };
}
