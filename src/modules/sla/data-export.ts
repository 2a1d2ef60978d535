import { tableExporter, type DataExporters } from '../../app/data-exporters.js';
import { slaCalendars, slaPolicies } from './schema.js';

/** Business calendars (hours, holidays, 调休) and SLA policies. */
export function registerSlaExports(exporters: DataExporters): void {
  exporters.register(tableExporter('sla_calendars', slaCalendars, { keys: [slaCalendars.id] }));
  exporters.register(tableExporter('sla_policies', slaPolicies, { keys: [slaPolicies.id] }));
}
