import { changeOperators } from './operators.js';
import type { CheckedCondition, ConditionIssue } from './types.js';

/**
 * Why a condition cannot become SQL (views, time rules, reports, previews), one issue per leaf:
 * a change needs the values before it, which a row does not keep; business hours need the
 * calendar's holidays and 调休 working days, which live in the SLA module's code, not in a SQL
 * expression; a field without a SQL source lives only in memory. Pure, so the console's condition
 * builder can warn before saving; sql-compile.ts refuses with the same issues.
 */
export function nonCompilableIssues(condition: CheckedCondition): ConditionIssue[] {
  switch (condition.kind) {
    case 'all':
    case 'any':
      return condition.items.flatMap(nonCompilableIssues);
    case 'not':
      return nonCompilableIssues(condition.item);
    case 'leaf':
      if (changeOperators.includes(condition.op) || condition.op === 'within_business_hours') {
        return [{ path: `${condition.path}.op`, code: 'condition.not_compilable', params: { op: condition.op } }];
      }
      if (!condition.field.sql) return [{ path: `${condition.path}.field`, code: 'condition.field_not_queryable', params: { field: condition.field.key } }];
      return [];
  }
}
