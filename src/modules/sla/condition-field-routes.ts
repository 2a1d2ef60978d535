import { z } from 'zod';
import { operatorsFor } from '../../conditions/operators.js';
import type { AppContext, AppServer } from '../../app/context.js';
import type { Db } from '../../db/database.js';
import type { FieldOption, Label } from '../../forms/definition.js';
import { conditionTypeOf, type ConditionTypes } from '../../forms/field-kinds.js';
import { builtInOptionTrees, listFields, listTicketTypes } from '../forms/index.js';
import { builtinConditionFields, customConditionKey } from './condition-fields.js';
import { conditionOps } from './policy-model.js';

const label = z.object({ 'zh-CN': z.string(), en: z.string() });
const conditionFieldSchema = z
  .object({
    key: z.string().describe('What a condition names in `field`: a built-in field, `fields.<key>` for a custom one, or a customer fact.'),
    label,
    source: z.enum(['ticket', 'custom', 'customer']),
    type: z.string().describe('Its condition-language type (select, multiselect, number, boolean …; docs/conditions.md).'),
    operators: z.array(z.enum(conditionOps)),
    options: z.array(z.object({ value: z.string(), label, deleted: z.boolean().optional() })).optional().describe('Values to choose from, labelled; a cascader\'s options at every level, labelled with their path (广东省 / 深圳市). Absent: values the console lists itself (priorities, categories, tiers, teams, users) or free values (tags, contract types).'),
  })
  .meta({ id: 'SlaConditionField' });

type ConditionFieldView = z.output<typeof conditionFieldSchema>;

/** Options of a tree, each labelled with its path; built-in sources (省/市/区) down to the city, which is what a policy names. */
function pathOptions(options: readonly FieldOption[], depth: number, prefix: Label | null = null): ConditionFieldView['options'] & object {
  return options.flatMap((option) => {
    const own = prefix ? { 'zh-CN': `${prefix['zh-CN']} / ${option.label['zh-CN']}`, en: `${prefix.en || prefix['zh-CN']} / ${option.label.en || option.label['zh-CN']}` } : { 'zh-CN': option.label['zh-CN'], en: option.label.en };
    const children = depth > 1 && option.children ? pathOptions(option.children, depth - 1, own) : [];
    return [{ value: option.value, label: own, ...(option.deleted && { deleted: true }) }, ...children];
  });
}

async function listConditionFields(db: Db, fieldTypes: ConditionTypes): Promise<ConditionFieldView[]> {
  const [types, custom] = await Promise.all([listTicketTypes(db), listFields(db, 'ticket')]);
  const sla = conditionOps as readonly string[];
  const ops = (type: Parameters<typeof operatorsFor>[0]) => operatorsFor(type).filter((op) => sla.includes(op)) as ConditionFieldView['operators'];
  const builtins = builtinConditionFields(types.map((type) => type.key)).map((field): ConditionFieldView => ({
    key: field.key,
    label: field.label,
    source: field.source,
    type: field.type,
    operators: ops(field.type),
    ...(field.key === 'type' && { options: types.map((type) => ({ value: type.key, label: type.label })) }),
  }));
  const trees = builtInOptionTrees();
  const customs = custom.flatMap((field): ConditionFieldView[] => {
    const kind = conditionTypeOf(field.type, fieldTypes);
    if (!kind || !field.filterable || field.archived) return [];
    const source = field.settings.optionSource;
    const tree = source ? trees[source] : field.options;
    return [{ key: customConditionKey(field.key), label: field.label, source: 'custom', type: kind, operators: ops(kind), ...(tree && { options: pathOptions(tree, source ? 2 : 6) }) }];
  });
  return [...builtins, ...customs];
}

/** What the policy editor offers in its condition builder. */
export function registerConditionFieldRoutes(app: AppServer, { database, fieldTypes }: AppContext): void {
  app.get('/api/v1/sla/condition-fields', {
    config: { permission: 'admin.sla' },
    schema: {
      tags: ['sla'],
      summary: 'SLA 策略可用的条件字段 Fields an SLA policy condition may name',
      description: 'The ticket\'s filterable fields from the field registry (built-in, then custom as `fields.<key>`; archived ones left out), its type, and the customer\'s facts, with the operators a policy may use on each and labelled options.',
      response: { 200: z.object({ items: z.array(conditionFieldSchema) }) },
    },
  }, async () => ({ items: await listConditionFields(database.db, fieldTypes) }));
}
