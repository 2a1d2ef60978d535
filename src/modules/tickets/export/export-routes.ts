import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import type { AppContext, AppServer } from '../../../app/context.js';
import { translate } from '../../../app/i18n/catalogue.js';
import { actorOf } from '../../../app/http/request-context.js';
import { recordEvent } from '../../../jobs/events.js';
import { ticketsExported } from '../events.js';
import { listTicketsQuery } from '../http-schemas.js';
import { contributedConditions, contributedFilterParams } from '../contributed-filters.js';
import { customExportColumns } from './custom-columns.js';
import { exportTickets, resolveColumns } from './export-tickets.js';
import { csvWriter, localTime, xlsxWriter } from './spreadsheet-writers.js';
import { fieldFiltersFromQuery } from '../../forms/index.js';

const exportQuery = listTicketsQuery.omit({ cursor: true, limit: true }).extend({
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
  /** Comma-separated column keys, in order (default: number, subject, status, priority, category, team, assignee, requester, channel, createdAt, updatedAt). */
  columns: z
    .string()
    .max(2000)
    .transform((text) => text.split(',').map((key) => key.trim()).filter(Boolean))
    .optional(),
});

/**
 * GET /tickets/export: the list a view shows, as Excel or CSV. The file streams as it is read
 * (page by page), so a large export neither waits nor holds everything in memory; the browser's
 * download shows its progress. Each export is recorded (`tickets.exported`) once it ends.
 */
export function registerExportRoutes(app: AppServer, { database, config, channels, fieldTypes, ticketListFilters }: AppContext): void {
  const query = exportQuery.extend(contributedFilterParams(ticketListFilters, new Set(Object.keys(exportQuery.shape))));
  app.get('/api/v1/tickets/export', {
    config: { permission: 'tickets.export' },
    schema: {
      tags: ['tickets'],
      summary: '导出工单 Export tickets (Excel or CSV)',
      description: `The tickets GET /tickets would list for the same \`view\`, filters, \`q\` and \`sort\` (every page, up to OPENCSM_EXPORT_MAX_ROWS), as \`format=xlsx\` (default) or \`csv\` (UTF-8 with a byte order mark, so Excel shows Chinese). \`columns\` picks and orders the columns: built-in ones and custom fields as \`fields.<key>\` (choices by their labels, 省/市/区 by name); \`fields.<key>=a,b\` filters like the list. Times are in the installation's time zone. Cells that a spreadsheet would run as a formula are written with a leading apostrophe. The response header \`X-Export-Max-Rows\` says the limit.`,
      querystring: query,
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const timeZone = config.OPENCSM_TIMEZONE;
    const known = new Set(Object.keys(query.shape));
    const { format, columns: columnKeys, view, status, priority, teamId, assigneeId, requesterId, tag, sla, q, scope, sort } = request.query;
    const fields = fieldFiltersFromQuery(request.query, known);
    const contributed = await contributedConditions(database.db, ticketListFilters, request.query);
    const filter = { view, status, priority, teamId, assigneeId, requesterId, tag, sla, q, scope, sort, ...(Object.keys(fields).length && { fields }) };
    const columns = resolveColumns(columnKeys, await customExportColumns(database.db, actor, fieldTypes));
    const writer = format === 'csv' ? csvWriter(timeZone) : await xlsxWriter(timeZone, translate(request.locale, 'ticket.export.sheet'));
    const stamp = localTime(new Date(), timeZone).replace(/[-: ]/g, '').replace(/^(\d{8})/, '$1-');
    const name = `${translate(request.locale, 'ticket.export.sheet')}-${stamp}.${writer.extension}`;
    void reply
      .header('content-type', writer.contentType)
      .header('content-disposition', `attachment; filename="tickets-${stamp}.${writer.extension}"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .header('cache-control', 'no-store')
      .header('x-export-max-rows', String(config.OPENCSM_EXPORT_MAX_ROWS))
      .send(writer.stream);
    try {
      const result = await exportTickets(database.db, actor, { filter: { ...filter, contributed: contributed.conditions }, locale: request.locale, maxRows: config.OPENCSM_EXPORT_MAX_ROWS, channels: channels.ticketChannels() }, columns, writer);
      await database.transaction((tx) =>
        recordEvent(tx, ticketsExported, { aggregateId: uuidv7(), cause: 'agent', actorId: actor.id, payload: { format, rows: result.rows, truncated: result.truncated, columns: columns.map((c) => c.key), filter: { ...filter, ...contributed.values } } }),
      );
      // Ended only once the export is on the audit record: whoever holds the whole file is recorded.
      await writer.end();
    } catch (error) {
      // The status line is gone: the only honest signal left is a broken download.
      request.log.error({ err: error }, 'ticket export failed');
      writer.stream.destroy(error instanceof Error ? error : new Error(String(error)));
    }
    return reply;
  });
}
