import type { SQL } from 'drizzle-orm';
import { compileCondition } from '../../conditions/sql-compile.js';
import { fieldLookup, type ConditionIssue, type FieldDescriptor } from '../../conditions/types.js';
import { validateCondition } from '../../conditions/validate.js';
import { Invalid } from '../../app/errors.js';
import type { Db } from '../../db/database.js';
import { flatOptions } from '../../forms/field-kinds.js';
import { listFields } from '../forms/index.js';
import { listCategories } from '../tickets/index.js';

/**
 * What a report's filter may test: the values facts carry as dimensions (team, agent, channel,
 * type, category, priority and the custom select fields, `fields.<key>`), nothing else — a
 * ticket's subject or status is not kept per fact, so it cannot be judged. The tree is checked by
 * the condition language and compiled to SQL over facts `f` (and report_tickets, which has the
 * same columns).
 */
export async function reportFilterFields(db: Db): Promise<FieldDescriptor[]> {
  const [fields, categories] = await Promise.all([listFields(db, 'ticket'), listCategories(db, { includeInactive: true })]);
  return [
    { key: 'team', type: 'team', sql: { column: 'team_id' } },
    { key: 'agent', type: 'user', sql: { column: 'agent_id' } },
    { key: 'channel', type: 'select', sql: { column: 'channel' } },
    { key: 'type', type: 'select', sql: { column: 'type' } },
    // Category ids are uuids: an option list keeps a value that is none from reaching SQL.
    { key: 'category', type: 'select', options: categories.map((c) => ({ value: c.id })), sql: { column: 'category_id' } },
    { key: 'priority', type: 'select', sql: { column: 'priority' } },
    ...fields.filter((f) => f.type === 'select').map((f): FieldDescriptor => ({
      key: `fields.${f.key}`, type: 'select', options: flatOptions(f.options ?? []).map((o) => ({ value: o.value })), sql: { jsonColumn: 'fields', key: f.key },
    })),
  ];
}

/**
 * The filter as SQL on facts `f`, or a 400 naming each problem at its path under `path`
 * (`definition.filter.all.0.field`): a field that is not a dimension says so
 * (`report.builder.filter_not_dimension`), other problems are the condition language's own.
 */
export function compileReportFilter(filter: unknown, fields: readonly FieldDescriptor[], path: string, timeZone: string): SQL {
  const lookup = fieldLookup(fields);
  const notDimensions: ConditionIssue[] = [];
  walkLeaves(filter, path, (leaf, at) => {
    if (typeof leaf.field === 'string' && !lookup(leaf.field)) notDimensions.push({ path: `${at}.field`, code: 'report.builder.filter_not_dimension', params: { field: leaf.field.slice(0, 100) } });
  });
  if (notDimensions.length) throw new Invalid('validation.failed', {}, notDimensions);
  const result = validateCondition(filter, lookup, { path, timeZone });
  if (!result.ok) throw new Invalid('validation.failed', {}, result.issues);
  return compileCondition(result.condition, { table: 'f' });
}

function walkLeaves(node: unknown, path: string, visit: (leaf: { field?: unknown }, path: string) => void): void {
  if (!node || typeof node !== 'object') return;
  const n = node as Record<string, unknown>;
  for (const key of ['all', 'any'] as const) {
    if (Array.isArray(n[key])) { (n[key] as unknown[]).forEach((item, i) => walkLeaves(item, `${path}.${key}.${i}`, visit)); return; }
  }
  if ('not' in n) { walkLeaves(n.not, `${path}.not`, visit); return; }
  visit(n, path);
}
