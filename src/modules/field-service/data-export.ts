import { byStatusAndMonth, tableExporter, type DataExporters, type ExportFile, type ExportRow } from '../../app/data-exporters.js';
import { serviceTypes, serviceTypeVersions, workOrderAttachments, workOrders, workOrderSteps } from './schema.js';

/** Service types and their form versions, work orders, their steps (the lifecycle) and photos/signatures. */
export function registerFieldServiceExports(exporters: DataExporters, fileOf: (row: ExportRow) => ExportFile | undefined): void {
  exporters.register(tableExporter('service_types', serviceTypes, { keys: [serviceTypes.id] }));
  exporters.register(tableExporter('service_type_versions', serviceTypeVersions, { keys: [serviceTypeVersions.typeId, serviceTypeVersions.version] }));
  exporters.register(tableExporter('work_orders', workOrders, { keys: [workOrders.id], summarise: byStatusAndMonth }));
  exporters.register(tableExporter('work_order_steps', workOrderSteps, { keys: [workOrderSteps.id], omit: ['requestHash'] }));
  exporters.register(tableExporter('work_order_attachments', workOrderAttachments, { keys: [workOrderAttachments.id], file: fileOf }));
}
