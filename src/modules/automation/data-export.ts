import { tableExporter, type DataExporters } from '../../app/data-exporters.js';
import { automationRules, automationRuleVersions } from './schema.js';

/** Rules (触发器 and 定时规则) and their immutable versions. */
export function registerAutomationExports(exporters: DataExporters): void {
  exporters.register(tableExporter('automation_rules', automationRules, { keys: [automationRules.id] }));
  exporters.register(tableExporter('automation_rule_versions', automationRuleVersions, { keys: [automationRuleVersions.id] }));
}
