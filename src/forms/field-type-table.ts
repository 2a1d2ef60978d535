import type { FieldType as ConditionType } from '../conditions/types.js';
import { customFieldTypes, isBuiltinFieldType, type CustomFieldType, type FieldDefinition, type Label } from './definition.js';
import { parseFieldValue, type FieldValue, type ParsedValue, type ValueContext } from './field-values.js';

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
  /**
   * A stored value as a person reads it, in the reader's language (value labels, export cells).
   * Absent: the stored value as it is (a list joined by "、"). Built-in types leave it out — their
   * labels need the field's options and trees, which value-labels.ts and value-cells.ts read.
   */
  display?(value: FieldValue, language: string): string;
};

type BuiltinRow = Omit<FieldTypeSpec, 'key' | 'parse'>;
const row = (zh: string, en: string, conditionType: ConditionType | null, flags: Partial<Pick<BuiltinRow, 'hasOptions' | 'filterable' | 'searchable'>> = {}): BuiltinRow => ({
  label: { 'zh-CN': zh, en },
  conditionType,
  hasOptions: flags.hasOptions ?? false,
  filterable: flags.filterable ?? true,
  searchable: flags.searchable ?? false,
});

/**
 * The built-in types. A cascader's value is its path of option values, judged as an open set
 * (`发生地点 in [广东省]`: the path passes through it). Lists cannot filter by long text or
 * attachments (ids of files); search indexes text a person wrote.
 */
const builtinRows: Record<CustomFieldType, BuiltinRow> = {
  text: row('单行文本', 'Single-line text', 'text', { searchable: true }),
  textarea: row('多行文本', 'Multi-line text', 'text', { filterable: false, searchable: true }),
  number: row('数字', 'Number', 'number'),
  money: row('金额（元）', 'Money (CNY)', 'money'),
  date: row('日期', 'Date', 'date'),
  datetime: row('日期时间', 'Date and time', 'datetime'),
  select: row('单选', 'Single select', 'select', { hasOptions: true }),
  multiselect: row('多选', 'Multi select', 'multiselect', { hasOptions: true }),
  cascader: row('级联选择', 'Cascading select', 'multiselect', { hasOptions: true }),
  checkbox: row('勾选框', 'Checkbox', 'boolean'),
  user: row('员工', 'Staff member', 'user'),
  team: row('团队', 'Team', 'team'),
  contact: row('联系人', 'Contact', 'contact'),
  organisation: row('组织', 'Organisation', 'organisation'),
  record: row('客户记录（设备/订单/合同）', 'Customer record (device/order/contract)', 'text'),
  phone: row('电话', 'Phone', 'text', { searchable: true }),
  email: row('邮箱', 'Email', 'text', { searchable: true }),
  url: row('网址', 'URL', 'text', { searchable: true }),
  attachments: row('附件', 'Attachments', null, { filterable: false }),
  rating: row('评分', 'Rating', 'number'),
};

export const builtinFieldTypes: readonly FieldTypeSpec[] = customFieldTypes.map((key) => ({
  key,
  ...builtinRows[key],
  parse: (raw, field, context) => parseFieldValue({ ...field, type: key }, raw, context),
}));

/** A built-in type's row (undefined for a registered type's key). */
export function builtinFieldType(key: string): BuiltinRow | undefined {
  return isBuiltinFieldType(key) ? builtinRows[key] : undefined;
}

export { isBuiltinFieldType };

/** A type key as the registry takes it for a registered type (defined with the contract). */
export { fieldTypeKeyPattern } from './definition.js';
