import { byStatusAndMonth, tableExporter, type DataExporters } from '../../app/data-exporters.js';
import { surveys } from './schema.js';

/** Surveys (CSAT and NPS) with their answers: score, comment, reason, when answered. */
export function registerSurveyExports(exporters: DataExporters): void {
  exporters.register(tableExporter('surveys', surveys, { keys: [surveys.id], summarise: byStatusAndMonth }));
}
