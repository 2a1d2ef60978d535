import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space, TreeSelect, Typography } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { channels, conditionFields, type Condition, type ConditionField } from './policy-draft.ts';
import { useOrganizationNames, useOrganizationSearch } from './policy-queries.ts';
import type { PolicyReferences } from './policy-references.ts';

type Props = { conditions: Condition[]; onChange: (next: Condition[]) => void; references: PolicyReferences; refused: Set<number> };

/** The conditions of a policy: rows of field, "is one of / is none of" and the values, all of which must hold. */
export function ConditionsEditor({ conditions, onChange, references, refused }: Props) {
  const { t } = useTranslation();
  const set = (index: number, next: Condition) => onChange(conditions.map((condition, i) => (i === index ? next : condition)));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('sla.policies.condition.hint')}</Typography.Text>
      {conditions.map((condition, index) => (
        <Space key={index} align="start" wrap>
          <Select<ConditionField>
            aria-label={t('sla.policies.place.condition', { n: index + 1 })}
            style={{ width: 130 }}
            status={refused.has(index) ? 'error' : undefined}
            value={condition.field}
            // Values of one field mean nothing for another: a new field starts empty.
            onChange={(field) => set(index, { ...condition, field, values: [] })}
            options={conditionFields.map((field) => ({ value: field, label: t(`sla.policies.condition.fields.${field}`) }))}
          />
          <Select<Condition['op']>
            style={{ width: 110 }}
            value={condition.op}
            onChange={(op) => set(index, { ...condition, op })}
            options={(['in', 'not_in'] as const).map((op) => ({ value: op, label: t(`sla.policies.condition.ops.${op}`) }))}
          />
          <ValuesEditor condition={condition} references={references} onChange={(values) => set(index, { ...condition, values })} error={refused.has(index)} />
          <Button type="text" icon={<DeleteOutlined />} aria-label={t('sla.policies.condition.remove')} title={t('sla.policies.condition.remove')} onClick={() => onChange(conditions.filter((_, i) => i !== index))} />
        </Space>
      ))}
      <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => onChange([...conditions, { field: 'priority', op: 'in', values: [] }])}>
        {t('sla.policies.condition.add')}
      </Button>
    </Space>
  );
}

const valuesStyle = { width: 320 };

function ValuesEditor({ condition, references, onChange, error }: { condition: Condition; references: PolicyReferences; onChange: (values: string[]) => void; error: boolean }) {
  const { t } = useTranslation();
  const common = { mode: 'multiple' as const, style: valuesStyle, value: condition.values, onChange, status: error || condition.values.length === 0 ? ('error' as const) : undefined, placeholder: t('sla.policies.condition.values'), 'aria-label': t('sla.policies.condition.values') };
  switch (condition.field) {
    case 'priority':
      return <Select {...common} options={references.priorities} />;
    case 'customerTier':
      return <Select {...common} options={references.tiers} />;
    case 'channel':
      return <Select {...common} options={channels.map((channel) => ({ value: channel, label: t(`channel.${channel}`) }))} />;
    case 'contractType':
      return <Select {...common} mode="tags" placeholder={t('sla.policies.condition.contractTypeHint')} open={false} />;
    case 'categoryId':
      return (
        <TreeSelect
          multiple
          treeDefaultExpandAll
          style={valuesStyle}
          status={common.status}
          value={condition.values}
          onChange={(values: string[]) => onChange(values)}
          treeData={references.categoryTree}
          placeholder={common.placeholder}
          aria-label={common['aria-label']}
        />
      );
    case 'organizationId':
      return <OrganizationValues values={condition.values} onChange={onChange} status={common.status} />;
  }
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
