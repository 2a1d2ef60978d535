import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, InputNumber, Select, Space, TreeSelect, Typography } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { valueShape } from '../../../../src/conditions/operators.ts';
import type { FieldType as ConditionType } from '../../../../src/conditions/types.ts';
import { conditionFields, type Condition } from './policy-draft.ts';
import { useOrganizationNames, useOrganizationSearch } from './policy-queries.ts';
import type { PolicyReferences } from './policy-references.ts';

type Props = { conditions: Condition[]; onChange: (next: Condition[]) => void; references: PolicyReferences; refused: Set<number> };
type FieldView = PolicyReferences['conditionFields'][number];
type Value = Condition['values'][number];

/** Until the server's list arrives (or when it fails), the fields every installation has. */
function fallbackFields(t: (key: string) => string): Pick<FieldView, 'key' | 'name' | 'source' | 'type' | 'operators'>[] {
  return conditionFields.map((key) => ({ key, name: t(`sla.policies.condition.fields.${key}`), source: key === 'priority' || key === 'categoryId' || key === 'channel' ? 'ticket' : 'customer', type: 'select', operators: ['in', 'not_in'] }));
}

/**
 * The conditions of a policy: rows of field, operator and values, all of which must hold. Fields
 * come from the server (the field registry's filterable ticket fields, custom ones included, and
 * the customer's facts), each with the operators its type takes.
 */
export function ConditionsEditor({ conditions, onChange, references, refused }: Props) {
  const { t } = useTranslation();
  const fields = references.conditionFields.length ? references.conditionFields : fallbackFields(t);
  const byKey = new Map<string, (typeof fields)[number]>(fields.map((field) => [field.key, field]));
  const set = (index: number, next: Condition) => onChange(conditions.map((condition, i) => (i === index ? next : condition)));
  const groups = (['ticket', 'custom', 'customer'] as const)
    .map((source) => ({ label: t(`sla.policies.condition.sources.${source}`), options: fields.filter((field) => field.source === source).map((field) => ({ value: field.key, label: field.name })) }))
    .filter((group) => group.options.length);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('sla.policies.condition.hint')}</Typography.Text>
      {conditions.map((condition, index) => {
        const field = byKey.get(condition.field);
        const operators = field?.operators ?? [condition.op];
        return (
          <Space key={index} align="start" wrap>
            <Select<string>
              aria-label={t('sla.policies.place.condition', { n: index + 1 })}
              style={{ width: 160 }}
              status={refused.has(index) ? 'error' : undefined}
              value={condition.field}
              showSearch={{ optionFilterProp: 'label' }}
              // Values of one field mean nothing for another: a new field starts empty, with its first operator.
              onChange={(key) => set(index, { field: key, op: byKey.get(key)?.operators.includes(condition.op) ? condition.op : (byKey.get(key)?.operators[0] ?? 'in'), values: [] })}
              options={field || !condition.field ? groups : [...groups, { label: '', options: [{ value: condition.field, label: condition.field }] }]}
            />
            <Select<Condition['op']>
              style={{ width: 120 }}
              value={condition.op}
              onChange={(op) => set(index, { ...condition, op, values: shapeOf(field?.type, op) === shapeOf(field?.type, condition.op) ? condition.values : [] })}
              options={operators.map((op) => ({ value: op, label: t(`sla.policies.condition.ops.${op}`) }))}
            />
            <ValuesEditor condition={condition} field={field} references={references} onChange={(values) => set(index, { ...condition, values })} error={refused.has(index)} />
            <Button type="text" icon={<DeleteOutlined />} aria-label={t('sla.policies.condition.remove')} title={t('sla.policies.condition.remove')} onClick={() => onChange(conditions.filter((_, i) => i !== index))} />
          </Space>
        );
      })}
      <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => onChange([...conditions, { field: 'priority', op: 'in', values: [] }])}>
        {t('sla.policies.condition.add')}
      </Button>
    </Space>
  );
}

/** How many values an operator takes for a type (the condition language's rule). */
function shapeOf(type: string | undefined, op: Condition['op']) {
  return valueShape((type ?? 'select') as ConditionType, op);
}

const valuesStyle = { width: 320 };

type ValuesProps = { condition: Condition; field: Pick<FieldView, 'type'> & Partial<Pick<FieldView, 'choices'>> | undefined; references: PolicyReferences; onChange: (values: Value[]) => void; error: boolean };

function ValuesEditor({ condition, field, references, onChange, error }: ValuesProps) {
  const { t } = useTranslation();
  const shape = shapeOf(field?.type, condition.op);
  if (shape === 'none') return null;
  const strings = condition.values.map(String);
  const status = error || condition.values.length === 0 ? ('error' as const) : undefined;
  const common = { mode: shape === 'one' ? undefined : ('multiple' as const), style: valuesStyle, value: shape === 'one' ? strings[0] : strings, onChange: (next: string | string[] | undefined) => onChange(next === undefined ? [] : Array.isArray(next) ? next : [next]), status, placeholder: t('sla.policies.condition.values'), 'aria-label': t('sla.policies.condition.values') };
  switch (condition.field) {
    case 'priority':
      return <Select {...common} options={references.priorities} />;
    case 'customerTier':
      return <Select {...common} options={references.tiers} />;
    case 'channel':
      return <Select {...common} options={references.channels} />;
    case 'categoryId':
      return (
        <TreeSelect multiple treeDefaultExpandAll style={valuesStyle} status={status} value={strings} onChange={(values: string[]) => onChange(values)} treeData={references.categoryTree} placeholder={common.placeholder} aria-label={common['aria-label']} />
      );
    case 'organizationId':
      return <OrganizationValues values={strings} onChange={onChange} status={status} />;
  }
  if (field?.choices) return <Select {...common} showSearch={{ optionFilterProp: 'label' }} options={field.choices} />;
  switch (field?.type) {
    case 'team':
      return <Select {...common} options={references.teams} />;
    case 'user':
      return <Select {...common} options={references.users} />;
    case 'boolean':
      return <Select {...common} value={condition.values[0] === undefined ? undefined : String(condition.values[0])} onChange={(next: string) => onChange([next === 'true'])} options={[{ value: 'true', label: t('sla.policies.condition.yes') }, { value: 'false', label: t('sla.policies.condition.no') }]} />;
    case 'number':
      return (
        <Space>
          {(shape === 'pair' ? [0, 1] : [0]).map((i) => (
            <InputNumber key={i} status={status} aria-label={`${common['aria-label']} ${i + 1}`} value={typeof condition.values[i] === 'number' ? (condition.values[i] as number) : null} onChange={(n) => onChange(withValueAt(condition.values, i, n))} />
          ))}
        </Space>
      );
    case 'money':
      return (
        <Space>
          {(shape === 'pair' ? [0, 1] : [0]).map((i) => (
            <InputNumber<string> key={i} stringMode precision={2} status={status} aria-label={`${common['aria-label']} ${i + 1}`} value={condition.values[i] === undefined ? null : String(condition.values[i])} onChange={(n) => onChange(withValueAt(condition.values, i, n))} />
          ))}
        </Space>
      );
  }
  // Text, tags, contract types, dates: typed values (dates as YYYY-MM-DD; the server names a malformed one).
  return <Select {...common} mode="tags" open={false} placeholder={condition.field === 'contractType' ? t('sla.policies.condition.contractTypeHint') : t('sla.policies.condition.valueHint')} value={strings} onChange={(next: string[]) => onChange(shape === 'one' ? next.slice(-1) : next)} />;
}

/** The values with the i-th set (a pair's bound); an emptied bound drops what follows it. */
function withValueAt(values: readonly Value[], i: number, next: Value | null): Value[] {
  const copy = [...values];
  if (next === null) return copy.slice(0, i);
  copy[i] = next;
  return copy;
}

/** Organisations are searched on the server (there may be thousands); chosen ones keep their names. */
function OrganizationValues({ values, onChange, status }: { values: string[]; onChange: (values: string[]) => void; status: 'error' | undefined }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const term = useDeferredValue(search.trim());
  const found = useOrganizationSearch(term);
  const names = useOrganizationNames(values);
  const options = new Map<string, string>(values.map((id) => [id, names.get(id) ?? id]));
  for (const organization of found.data ?? []) options.set(organization.id, organization.name);
  return (
    <Select
      mode="multiple"
      style={valuesStyle}
      status={status}
      value={values}
      onChange={(next: string[]) => {
        setSearch('');
        onChange(next);
      }}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      loading={found.isFetching}
      placeholder={t('sla.policies.condition.searchOrganization')}
      options={[...options].map(([value, label]) => ({ value, label }))}
    />
  );
}
