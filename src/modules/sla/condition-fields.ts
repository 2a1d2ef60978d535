import type { FieldDescriptor } from '../../conditions/types.js';
import type { FieldDefinition, Label } from '../../forms/definition.js';
import { conditionTypeOf, flatOptions, type ConditionTypes } from '../../forms/field-kinds.js';
import { builtinTicketDescriptors } from '../tickets/index.js';

/**
 * What an SLA policy's conditions may name: the ticket's filterable fields from the field registry
 * (built-in and custom, `fields.<key>`), its type, and the customer's facts (tier, organisation,
 * contract types), which are not ticket fields. Each is a condition-language field descriptor, so
 * policies are validated and judged by src/conditions like forms, views and rules.
 */
export type SlaConditionField = FieldDescriptor & {
  label: Label;
  source: 'ticket' | 'custom' | 'customer';
  /** A custom field lists can filter by; only those may choose a policy (conditions on the rest are refused). */
  filterable: boolean;
};

/** Registry built-ins a policy does not name: status acts on the clock through pause statuses, the SLA due time and the update time follow the policy and every write. */
const notForPolicies = new Set(['status', 'sla_due', 'updated']);

/**
 * Fields whose values are checked against the database by policy-references.ts with their own
 * messages (these keys are what policies have always stored). Their descriptors carry no option
 * list, so the condition language checks their shape only and a value is refused once.
 */
export const referenceCheckedFields = ['priority', 'categoryId', 'customerTier', 'channel', 'organizationId', 'contractType'] as const;

/** The registry's `category`, judged with its ancestors (a policy for 硬件 covers 打印机 under it), under the key policies have always stored. */
const categoryKey = 'categoryId';

const customerFacts: SlaConditionField[] = [
  { key: 'customerTier', label: { 'zh-CN': '客户等级', en: 'Customer tier' }, type: 'select', source: 'customer', filterable: true },
  // Organisation ids are checked (UUID, existence) by policy-references.ts; a select keeps `is_empty` (no organisation) available.
  { key: 'organizationId', label: { 'zh-CN': '企业客户', en: 'Organisation' }, type: 'select', source: 'customer', filterable: true },
  // Free text until a contracts module defines the types; a customer may hold several.
  { key: 'contractType', label: { 'zh-CN': '合同类型', en: 'Contract type' }, type: 'multiselect', source: 'customer', filterable: true },
];

/**
 * The built-in ticket fields and customer facts, without option lists that live in the database
 * (priorities, categories, ticket types): enough to judge stored policies at no query. `typeKeys`
 * adds the ticket types as options when the caller validates a policy.
 */
export function builtinConditionFields(typeKeys?: readonly string[]): SlaConditionField[] {
  const ticketFields = builtinTicketDescriptors()
    .filter((field) => field.filterable && !notForPolicies.has(field.key))
    .map((field): SlaConditionField => {
      const key = field.key === 'category' ? categoryKey : field.key;
      const referenceChecked = (referenceCheckedFields as readonly string[]).includes(key);
      return {
        key,
        label: field.label,
        type: key === categoryKey ? 'multiselect' : field.type,
        ...(field.options && !referenceChecked && { options: field.options }),
        source: 'ticket',
        filterable: true,
      };
    });
  const type: SlaConditionField = {
    key: 'type',
    label: { 'zh-CN': '工单类型', en: 'Ticket type' },
    type: 'select',
    ...(typeKeys && { options: typeKeys.map((value) => ({ value })) }),
    source: 'ticket',
    filterable: true,
  };
  return [...ticketFields, type, ...customerFacts];
}

/** The key a custom field has in policy conditions. */
export const customConditionKey = (key: string) => `fields.${key}`;

type CustomFieldFacts = Pick<FieldDefinition, 'key' | 'type' | 'filterable'> & Partial<Pick<FieldDefinition, 'label' | 'options' | 'settings'>>;

/**
 * A custom field as a policy condition names it, or null for a type conditions cannot test. With
 * options (validating a policy), every option value of the field — deleted ones too, so a stored
 * policy stays valid — and a cascader's values anywhere in its tree (`发生地点 in [广东省]`).
 * `types`: the app's field types (a registered type is tested as its row's condition type).
 */
export function customConditionField(field: CustomFieldFacts, optionTrees: Readonly<Record<string, FieldDefinition['options']>>, types: ConditionTypes): SlaConditionField | null {
  const type = conditionTypeOf(field.type, types);
  if (!type) return null;
  const tree = field.settings?.optionSource ? optionTrees[field.settings.optionSource] : field.options;
  const options = (type === 'select' || type === 'multiselect') && tree ? flatOptions(tree).map((option) => ({ value: option.value })) : undefined;
  return {
    key: customConditionKey(field.key),
    label: field.label ?? { 'zh-CN': field.key, en: field.key },
    type,
    ...(options && { options }),
    source: 'custom',
    filterable: field.filterable,
  };
}

export function conditionFieldLookup(fields: readonly SlaConditionField[]): (key: string) => SlaConditionField | undefined {
  const byKey = new Map(fields.map((field) => [field.key, field]));
  return (key) => byKey.get(key);
}
