import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { valueShape, type operatorsFor } from '../../../../../src/conditions/operators.ts';
import type { FieldDescriptor, Operator } from '../../../../../src/conditions/types.ts';
import { descriptorOf, labelIn, type RegistryField } from './registry-field.ts';
import { formOperatorsFor, resetLeaf, type LeafDraft } from './rule-draft.ts';
import { ValueInput } from './ValueInput.tsx';

type FieldType = Parameters<typeof operatorsFor>[0];

type Props = {
  match: 'all' | 'any';
  conditions: LeafDraft[];
  onChange: (next: { match: 'all' | 'any'; conditions: LeafDraft[] }) => void;
  /** Fields a condition may test. */
  fields: readonly RegistryField[];
  /** The operators of the place: a form's (no change, no calendar) by default; an event rule's are all. */
  operatorsOf?: (type: FieldType) => readonly Operator[];
  /** Business calendars, for `within_business_hours` (event rules). */
  calendars?: ReadonlyArray<{ value: string; label: string }>;
};

/**
 * "当 [全部/任一] [field] [operator] [value] …": the condition rows of a flat all/any tree of the
 * condition language. The form designer's rules (表单联动) and the automation rules' editor share it.
 */
export function ConditionLeaves({ match, conditions, onChange, fields, operatorsOf = formOperatorsFor, calendars = [] }: Props) {
  const { t, i18n } = useTranslation();
  const testable = fields.flatMap((field) => {
    const descriptor = descriptorOf(field);
    return descriptor ? [{ field, descriptor }] : [];
  });
  const byKey = new Map(testable.map((entry) => [entry.field.key, entry]));
  const setLeaf = (index: number, leaf: LeafDraft) => onChange({ match, conditions: conditions.map((c, i) => (i === index ? leaf : c)) });
  const fieldOptions = testable.map(({ field }) => ({ value: field.key, label: labelIn(field.label, i18n.language) || field.key }));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap align="start">
        <Typography.Text strong>{t('formsDesigner.rules.when')}</Typography.Text>
        {conditions.length > 1 && (
          <Select size="small" value={match} onChange={(next) => onChange({ match: next, conditions })} options={[{ value: 'all', label: t('formsDesigner.rules.all') }, { value: 'any', label: t('formsDesigner.rules.any') }]} style={{ width: 110 }} aria-label={t('formsDesigner.rules.all')} />
        )}
        {conditions.length === 0 && <Typography.Text type="secondary">{t('formsDesigner.rules.always')}</Typography.Text>}
      </Space>
      {conditions.map((leaf, index) => {
        const entry = byKey.get(leaf.field);
        return (
          <Space key={index} wrap style={{ paddingInlineStart: 16 }} data-condition={index}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 180 }}
              aria-label={t('formsDesigner.rules.field')}
              value={leaf.field}
              options={fieldOptions}
              onChange={(key: string) => setLeaf(index, resetLeaf(key, byKey.get(key)!.descriptor.type, undefined, operatorsOf))}
            />
            {entry && (
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                style={{ width: 150 }}
                aria-label={t('formsDesigner.rules.operator')}
                value={leaf.op}
                onChange={(op: Operator) => setLeaf(index, resetLeaf(leaf.field, entry.descriptor.type, op, operatorsOf))}
                options={operatorsOf(entry.descriptor.type).map((op) => ({ value: op, label: t(`formsDesigner.rules.ops.${op}`) }))}
              />
            )}
            {entry && <LeafValue leaf={leaf} field={entry.field} descriptor={entry.descriptor} calendars={calendars} onChange={(value) => setLeaf(index, { ...leaf, value })} />}
            <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('formsDesigner.rules.removeCondition')} onClick={() => onChange({ match, conditions: conditions.filter((_, i) => i !== index) })} />
          </Space>
        );
      })}
      <Button
        size="small"
        type="link"
        icon={<PlusOutlined />}
        style={{ paddingInlineStart: 16 }}
        disabled={!testable.length}
        onClick={() => {
          const first = testable[0]!;
          onChange({ match, conditions: [...conditions, resetLeaf(first.field.key, first.descriptor.type, undefined, operatorsOf)] });
        }}
      >
        {t('formsDesigner.rules.addCondition')}
      </Button>
    </Space>
  );
}

function LeafValue({ leaf, field, descriptor, calendars, onChange }: { leaf: LeafDraft; field: RegistryField; descriptor: FieldDescriptor; calendars: ReadonlyArray<{ value: string; label: string }>; onChange: (value: unknown) => void }) {
  const { t } = useTranslation();
  const shape = valueShape(descriptor.type, leaf.op);
  const label = t('formsDesigner.rules.value');
  if (shape === 'none') return null;
  if (shape === 'calendar') {
    const chosen = leaf.value && typeof leaf.value === 'object' && 'calendar' in leaf.value ? String(leaf.value.calendar) : undefined;
    return <Select style={{ minWidth: 180 }} aria-label={label} value={chosen} options={[...calendars]} onChange={(calendar: string) => onChange({ calendar })} />;
  }
  if (shape === 'pair') {
    const pair = Array.isArray(leaf.value) ? leaf.value : [undefined, undefined];
    return (
      <Space size={4}>
        <ValueInput field={field} value={pair[0]} ariaLabel={`${label} 1`} onChange={(low) => onChange([low, pair[1]])} />
        <ValueInput field={field} value={pair[1]} ariaLabel={`${label} 2`} onChange={(high) => onChange([pair[0], high])} />
      </Space>
    );
  }
  return <ValueInput field={field} value={leaf.value} multiple={shape === 'list'} ariaLabel={label} onChange={onChange} />;
}
