import { tableExporter, type DataExporters } from '../../app/data-exporters.js';
import { macros } from './schema.js';

/** Personal and shared macros. */
export function registerMacroExports(exporters: DataExporters): void {
  exporters.register(tableExporter('macros', macros, { keys: [macros.id] }));
}
