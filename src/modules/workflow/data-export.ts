import { byStatusAndMonth, tableExporter, type DataExporters } from '../../app/data-exporters.js';
import { approvalRequests, approvalSteps, processes, processInstances, processVersions } from './schema.js';

/** Process definitions and versions, their runs on tickets, approvals and each approver's step. */
export function registerWorkflowExports(exporters: DataExporters): void {
  exporters.register(tableExporter('processes', processes, { keys: [processes.id] }));
  exporters.register(tableExporter('process_versions', processVersions, { keys: [processVersions.processId, processVersions.version] }));
  exporters.register(tableExporter('process_instances', processInstances, { keys: [processInstances.id], summarise: (row) => ({ ...byStatusAndMonth(row), createdAt: row.startedAt }) }));
  exporters.register(tableExporter('approval_requests', approvalRequests, { keys: [approvalRequests.id] }));
  exporters.register(tableExporter('approval_steps', approvalSteps, { keys: [approvalSteps.id] }));
}
