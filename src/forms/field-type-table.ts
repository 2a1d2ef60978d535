import type { FieldType as ConditionType } from '../conditions/types.js';
import { customFieldTypes, type CustomFieldType, type FieldDefinition, type Label } from './definition.js';
import { conditionTypeOf, textFieldTypes } from './field-kinds.js';
import { parseFieldValue, type ParsedValue, type ValueContext } from './field-values.js';

/**
 * One kind of value a custom field can hold, as one row: its key, labels, how conditions judge
 * it, how a submitted value is parsed into its one stored form, and what the registry allows on
 * it. The 20 built-in types are rows of `builtinFieldTypes`; the forms module registers them on the
 * app context (`context.fieldTypes`) at boot, and another module adds its own row there (a field
 * service module's 签名 or 设备) — validated on every write, listed by `GET /api/v1/field-types`
 * and offered by the designer, with no other code changed. Pure like the rest of src/forms.
 */
export type FieldTypeSpec = {
  /** Stored in the field's `type`; lower-case Latin letters, digits and underscores. Never changes. */
  key: string;
  label: Label;
  /** The condition-language type its values are judged as (filters, form rules, SLA policies); null: conditions cannot test it. */
  conditionType: ConditionType | null;
  /** One submitted value (never empty: empty clears before this is asked) → its stored form, or a catalogue key (`form.*`) naming what is wrong. */
  parse(raw: unknown, field: Pick<FieldDefinition, 'options' | 'settings'>, context: ValueContext): ParsedValue;
  /** It takes `options` (select-like). */
  hasOptions: boolean;
  /** Lists may filter by it (the registry indexes it when marked filterable). */
  filterable: boolean;
  /** Its text may be part of full-text search. */
  searchable: boolean;
};

const labels: Record<CustomFieldType, Label> = {
  text: { 'zh-CN': '单行文本', en: 'Single-line text' },
  textarea: { 'zh-CN': '多行文本', en: 'Multi-line text' },
  number: { 'zh-CN': '数字', en: 'Number' },
  money: { 'zh-CN': '金额（元）', en: 'Money (CNY)' },
  date: { 'zh-CN': '日期', en: 'Date' },
  datetime: { 'zh-CN': '日期时间', en: 'Date and time' },
  select: { 'zh-CN': '单选', en: 'Single select' },
  multiselect: { 'zh-CN': '多选', en: 'Multi select' },
  cascader: { 'zh-CN': '级联选择', en: 'Cascading select' },
  checkbox: { 'zh-CN': '勾选框', en: 'Checkbox' },
  user: { 'zh-CN': '员工', en: 'Staff member' },
  team: { 'zh-CN': '团队', en: 'Team' },
  contact: { 'zh-CN': '联系人', en: 'Contact' },
  organisation: { 'zh-CN': '组织', en: 'Organisation' },
  record: { 'zh-CN': '客户记录（设备/订单/合同）', en: 'Customer record (device/order/contract)' },
  phone: { 'zh-CN': '电话', en: 'Phone' },
  email: { 'zh-CN': '邮箱', en: 'Email' },
  url: { 'zh-CN': '网址', en: 'URL' },
  attachments: { 'zh-CN': '附件', en: 'Attachments' },
  rating: { 'zh-CN': '评分', en: 'Rating' },
};

const optionTypes: ReadonlySet<string> = new Set(['select', 'multiselect', 'cascader']);
/** Lists cannot filter by attachments (ids of files) or long text. */
const unfilterableTypes: ReadonlySet<string> = new Set(['attachments', 'textarea']);

export const builtinFieldTypes: readonly FieldTypeSpec[] = customFieldTypes.map((key) => ({
  key,
  label: labels[key],
  conditionType: conditionTypeOf(key),
  parse: (raw, field, context) => parseFieldValue({ ...field, type: key }, raw, context),
  hasOptions: optionTypes.has(key),
  filterable: !unfilterableTypes.has(key),
  searchable: textFieldTypes.includes(key),
}));

export const isBuiltinFieldType = (key: string): key is CustomFieldType => (customFieldTypes as readonly string[]).includes(key);

/** A type key as the registry takes it for a registered type. */
export const fieldTypeKeyPattern = /^[a-z][a-z0-9_]{0,39}$/;
