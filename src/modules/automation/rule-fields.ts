import type { ReadModels } from '../../app/read-models.js';
import type { FieldDescriptor, FieldLookup } from '../../conditions/types.js';
import type { Db } from '../../db/database.js';
import type { Label } from '../../forms/definition.js';
import { describeField, type ConditionTypes } from '../../forms/field-kinds.js';
import { listFieldFacts, listFields, listTicketTypes } from '../forms/index.js';
import { builtinTicketDescriptors } from '../tickets/index.js';

/**
 * What a rule's conditions may name: the ticket's registry fields (built-in and custom,
 * `fields.<key>`), its type's key, facts of its requester and their organisation (tier, tags),
 * and the moment of the event (for `within_business_hours`). The last kinds live only in memory
 * (no `sql`): a preview over stored tickets reports leaves naming them instead of dropping them.
 */
export type RuleField = FieldDescriptor & { label: Label; source: 'ticket' | 'custom' | 'requester' | 'organisation' | 'event' };

const memoryOnly: RuleField[] = [
  { key: 'type', label: { 'zh-CN': '工单类型', en: 'Ticket type' }, type: 'select', source: 'ticket' },
  { key: 'requester.tier', label: { 'zh-CN': '提交人等级', en: 'Requester tier' }, type: 'select', source: 'requester' },
  { key: 'requester.tags', label: { 'zh-CN': '提交人标签', en: 'Requester tags' }, type: 'multiselect', source: 'requester' },
  { key: 'organisation', label: { 'zh-CN': '企业客户', en: 'Organisation' }, type: 'organisation', source: 'organisation' },
  { key: 'organisation.tier', label: { 'zh-CN': '企业客户等级', en: 'Organisation tier' }, type: 'select', source: 'organisation' },
  { key: 'organisation.tags', label: { 'zh-CN': '企业客户标签', en: 'Organisation tags' }, type: 'multiselect', source: 'organisation' },
  { key: 'event_time', label: { 'zh-CN': '事件发生时间', en: 'Time of the event' }, type: 'datetime', source: 'event' },
];

/** Keys whose values need the requester's contact or organisation read (only when a rule names one). */
export const customerFactKeys = new Set(['requester.tier', 'requester.tags', 'organisation', 'organisation.tier', 'organisation.tags']);
/** Built-in keys the ticket snapshot lacks (read with the whole ticket, only when a rule names one). */
export const ticketTextKeys = new Set(['subject', 'description']);

const customKey = (key: string) => `fields.${key}`;

function custom(field: Parameters<typeof describeField>[0] & { label?: Label }, types: ConditionTypes): RuleField | null {
  const described = describeField(field, types);
  return described ? { ...described, key: customKey(field.key), label: field.label ?? { 'zh-CN': field.key, en: field.key }, source: 'custom' } : null;
}

/**
 * With every option (priority keys, category ids, installed channels, type keys, custom options):
 * what a rule is checked against when saved and what the console's condition builder lists.
 */
export async function ruleFieldsWithOptions(db: Db, readModels: ReadModels, types: ConditionTypes): Promise<RuleField[]> {
  const builtins = (await readModels.get('ticketFields')?.builtins(db)) ?? builtinTicketDescriptors();
  const typeKeys = (await listTicketTypes(db)).map((type) => ({ value: type.key }));
  const customs = (await listFields(db, 'ticket')).filter((field) => !field.archived).flatMap((field) => custom(field, types) ?? []);
  return [
    ...builtins.map((field): RuleField => ({ key: field.key, type: field.type, label: field.label, ...(field.options && { options: field.options.map((option) => ({ value: option.value })) }), ...(field.sql && { sql: field.sql }), source: 'ticket' })),
    ...memoryOnly.map((field) => (field.key === 'type' ? { ...field, options: typeKeys } : field)),
    ...customs,
  ];
}

/**
 * Without option lists (values were checked when the rule was saved): what stored rules are judged
 * with, at no query but the custom fields' facts (cached per registry revision by forms).
 */
export async function ruleFieldsForEvaluation(db: Db, types: ConditionTypes): Promise<FieldLookup> {
  const builtins: FieldDescriptor[] = builtinTicketDescriptors().map(({ key, type, sql }) => ({ key, type, ...(sql && { sql }) }));
  const customs = (await listFieldFacts(db, 'ticket')).flatMap((field) => custom(field, types) ?? []);
  const byKey = new Map<string, FieldDescriptor>([...builtins, ...memoryOnly, ...customs].map((field) => [field.key, field]));
  return (key) => byKey.get(key);
}
