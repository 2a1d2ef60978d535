import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { labelIn } from '../forms/field-labels.ts';
import { fieldInputs } from '../forms/field-inputs/index.ts';
import { inputTypeFor } from '../forms/field-inputs/input-for.ts';
import { useTicketFields, type RegistryField } from '../forms/queries.ts';

/** One row of the editor: a custom ticket field and the value the macro sets (empty clears it). */
export type FieldAction = { key?: string; value?: unknown };

/** Types a macro cannot sensibly set from a template (files belong to one ticket). */
const notSettable = new Set(['attachments']);

/**
 * The macro's custom field changes, each with the field's own input (the one ticket forms use),
 * so the value has the API's shape; the ticket's form judges it when the macro is applied.
 */
export function MacroFieldActions() {
  const { t, i18n } = useTranslation();
  const registry = useTicketFields();
  const fields = (registry.data ?? []).filter((f) => !f.builtIn && !f.archived && !notSettable.has(f.type));
  const byKey = new Map(fields.map((f) => [f.key, f]));
  return (
    <Form.List name="fieldActions">
      {(rows, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="macro-field-actions">
          {rows.map((row) => (
            <Space key={row.key} align="start" wrap>
              <Form.Item name={[row.name, 'key']} rules={[{ required: true, message: t('macros.page.pickField') }]} style={{ marginBottom: 8 }}>
                <Select showSearch optionFilterProp="label" placeholder={t('macros.page.pickField')} style={{ width: 200 }} options={fields.map((f) => ({ value: f.key, label: labelIn(f.label, i18n.language) }))} />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {(form) => {
                  const field = byKey.get(form.getFieldValue(['fieldActions', row.name, 'key']) as string);
                  return field ? <ValueInput field={field} name={row.name} language={i18n.language} /> : null;
                }}
              </Form.Item>
              <Button icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={t('app.delete')} />
            </Space>
          ))}
          <Button size="small" icon={<PlusOutlined />} onClick={() => add({})} disabled={!fields.length}>{t('macros.page.addField')}</Button>
        </Space>
      )}
    </Form.List>
  );
}

function ValueInput({ field, name, language }: { field: RegistryField; name: number; language: string }) {
  const Input = fieldInputs[inputTypeFor(field.type, field.conditionType, (field.options?.length ?? 0) > 0)];
  return (
    <Form.Item name={[name, 'value']} style={{ marginBottom: 8, minWidth: 220 }}>
      <Input field={field} language={language} audience="staff" />
    </Form.Item>
  );
}

export const fieldActionsOf = (fields: Record<string, unknown> | undefined): FieldAction[] => Object.entries(fields ?? {}).map(([key, value]) => ({ key, value }));

export const fieldsOf = (rows: FieldAction[] | undefined): Record<string, unknown> | undefined => {
  const chosen = (rows ?? []).filter((row): row is { key: string; value?: unknown } => Boolean(row.key));
  return chosen.length ? Object.fromEntries(chosen.map((row) => [row.key, row.value ?? null])) : undefined;
};
