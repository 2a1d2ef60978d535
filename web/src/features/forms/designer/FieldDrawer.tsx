import { App, Button, Col, Drawer, Form, Input, InputNumber, Radio, Row, Select, Space, Switch, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldKeySchema, roleKeys, type FieldEntity, type FieldOption, type FieldSettings, type FieldTypeKey, type Label } from '../../../../../src/forms/definition.ts';
import { describeError } from '../../../shared/ui/describe-error.ts';
import { typeChoices } from '../field-types.ts';
import { useFieldTypes } from '../queries.ts';
import { useFieldActions, type FieldChanges } from './forms-api.ts';
import { OptionsEditor } from './OptionsEditor.tsx';
import type { RegistryField } from './registry-field.ts';
import { typesWithOptions } from './registry-field.ts';

type Values = {
  key: string;
  label: Label;
  help: Partial<Label>;
  type: FieldTypeKey;
  options: FieldOption[];
  settings: FieldSettings;
  filterable: boolean;
  searchable: boolean;
  customerVisible: boolean;
  readRoles: string[];
  writeRoles: string[];
};


function storedValuesOf(options: readonly FieldOption[] | undefined, into = new Set<string>()): Set<string> {
  for (const option of options ?? []) {
    into.add(option.value);
    storedValuesOf(option.children, into);
  }
  return into;
}

/** Create or edit one custom field. The key and the type are chosen once, at creation. */
export function FieldDrawer({ entity, field, onClose }: { entity: FieldEntity; field: RegistryField | 'new'; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const actions = useFieldActions(entity);
  // The types this server offers, built-in and registered, in its order and with its labels.
  const fieldTypes = useFieldTypes();
  const [form] = Form.useForm<Values>();
  const creating = field === 'new';
  const type = Form.useWatch('type', form) ?? (creating ? 'text' : field.type);
  const optionSource = Form.useWatch(['settings', 'optionSource'], form);
  // What the type's row allows (options, search), as the registry will check it.
  const row = fieldTypes.data?.find((candidate) => candidate.key === type);
  const takesOptions = row ? row.hasOptions : typesWithOptions.has(type);
  const searchable = row?.searchable ?? false;
  const storedValues = useMemo(() => (creating ? new Set<string>() : storedValuesOf(field.options)), [creating, field]);
  const initialValues: Partial<Values> = creating
    ? { type: 'text', label: { 'zh-CN': '', en: '' }, help: {}, options: [], settings: {}, filterable: false, searchable: false, customerVisible: false, readRoles: [], writeRoles: [] }
    : { ...field, help: field.help ?? {}, options: field.options ?? [], settings: field.settings ?? {}, readRoles: field.readRoles ?? [], writeRoles: field.writeRoles ?? [] };

  async function save(values: Values) {
    const help = Object.fromEntries(Object.entries(values.help ?? {}).filter(([, text]) => text?.trim()));
    const settings = Object.fromEntries(Object.entries(values.settings ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== ''));
    const label = { 'zh-CN': values.label['zh-CN'].trim(), en: (values.label.en ?? '').trim() };
    const body: FieldChanges = {
      label,
      // Cleared on an existing field: null removes it; on a new one it is simply absent.
      help: Object.keys(help).length ? help : creating ? undefined : null,
      settings,
      options: takesOptions && !settings.optionSource ? values.options.map(trimOption) : undefined,
      filterable: values.filterable,
      searchable: searchable ? values.searchable : false,
      customerVisible: values.customerVisible,
      readRoles: values.readRoles,
      writeRoles: values.writeRoles,
    };
    try {
      if (creating) await actions.create({ ...body, label, help: body.help ?? undefined, key: values.key, type: values.type });
      else await actions.update(field, body);
      message.success(t('formsDesigner.fields.saved'));
      onClose();
    } catch (error) {
      message.error(describeError(error, t).message);
    }
  }

  const roleOptions = roleKeys.map((role) => ({ value: role, label: t(`role.${role}`) }));
  return (
    <Drawer
      open
      size="large"
      title={creating ? t('formsDesigner.fields.newField') : t('formsDesigner.fields.edit')}
      onClose={onClose}
      destroyOnHidden
      extra={<Space><Button onClick={onClose}>{t('app.cancel')}</Button><Button type="primary" onClick={() => form.submit()}>{t('app.save')}</Button></Space>}
    >
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={save}>
        <Form.Item
          name="key"
          label={t('formsDesigner.fields.key')}
          extra={creating ? t('formsDesigner.fields.keyHint') : undefined}
          rules={creating ? [{ required: true, message: t('formsDesigner.fields.keyFormat') }, { validator: async (_, key: string) => { if (key && !fieldKeySchema.safeParse(key).success) throw new Error(t('formsDesigner.fields.keyFormat')); } }] : []}
        >
          <Input disabled={!creating} placeholder="pollution_type" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}><Form.Item name={['label', 'zh-CN']} label={t('formsDesigner.fields.labelZh')} rules={[{ required: true, whitespace: true, max: 200 }]}><Input placeholder="污染类型" /></Form.Item></Col>
          <Col xs={24} sm={12}><Form.Item name={['label', 'en']} label={t('formsDesigner.fields.labelEn')} rules={[{ max: 200 }]}><Input placeholder="Pollution type" /></Form.Item></Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} sm={12}><Form.Item name={['help', 'zh-CN']} label={t('formsDesigner.fields.helpZh')} rules={[{ max: 200 }]}><Input /></Form.Item></Col>
          <Col xs={24} sm={12}><Form.Item name={['help', 'en']} label={t('formsDesigner.fields.helpEn')} rules={[{ max: 200 }]}><Input /></Form.Item></Col>
        </Row>
        <Form.Item name="type" label={t('formsDesigner.fields.type')} extra={creating ? undefined : t('formsDesigner.fields.typeFixed')}>
          <Select
            disabled={!creating}
            loading={fieldTypes.isPending}
            // Editing: the field's own type stays shown even if the server no longer registers it.
            options={typeChoices(fieldTypes.data ?? [], i18n.language).concat(fieldTypes.data?.some((known) => known.key === type) ? [] : [{ value: type, label: t(`formsDesigner.types.${type}`, { defaultValue: type }) }])}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="field-type-select"
          />
        </Form.Item>
        <TypeSettings type={type} />
        {takesOptions && !(type === 'cascader' && optionSource === 'china-regions') && (
          <Form.Item name="options" label={t('formsDesigner.options.title')} rules={[{ validator: async (_, options: FieldOption[] = []) => { const dup = duplicateValue(options); if (dup) throw new Error(t('formsDesigner.options.duplicate', { value: dup })); } }]}>
            <OptionsEditor nested={type === 'cascader'} storedValues={storedValues} />
          </Form.Item>
        )}
        <Form.Item name="filterable" label={t('formsDesigner.fields.filterable')} valuePropName="checked" extra={t('formsDesigner.fields.filterableHint')}><Switch /></Form.Item>
        {searchable && <Form.Item name="searchable" label={t('formsDesigner.fields.searchable')} valuePropName="checked" extra={t('formsDesigner.fields.searchableHint')}><Switch /></Form.Item>}
        <Form.Item name="customerVisible" label={t('formsDesigner.fields.customerVisible')} valuePropName="checked" extra={t('formsDesigner.fields.customerVisibleHint')}><Switch /></Form.Item>
        <Form.Item name="readRoles" label={t('formsDesigner.fields.readRoles')}><Select mode="multiple" allowClear placeholder={t('formsDesigner.fields.allRoles')} options={roleOptions} /></Form.Item>
        <Form.Item name="writeRoles" label={t('formsDesigner.fields.writeRoles')}><Select mode="multiple" allowClear placeholder={t('formsDesigner.fields.allRoles')} options={roleOptions} /></Form.Item>
      </Form>
    </Drawer>
  );
}

function trimOption(option: FieldOption): FieldOption {
  const label = { 'zh-CN': option.label['zh-CN'].trim() || option.value, en: option.label.en.trim() };
  return { ...option, value: option.value.trim(), label, ...(option.children ? { children: option.children.map(trimOption) } : {}) };
}

function duplicateValue(options: readonly FieldOption[]): string | undefined {
  const seen = new Set<string>();
  for (const option of options) {
    const value = option.value.trim();
    if (seen.has(value)) return value;
    seen.add(value);
    const inner = option.children && duplicateValue(option.children);
    if (inner) return inner;
  }
  return undefined;
}

/** The settings that mean something for the chosen type (definition.ts fieldSettingsSchema). */
function TypeSettings({ type }: { type: string }) {
  const { t } = useTranslation();
  const number = (name: keyof FieldSettings, label: string, props: { min?: number; max?: number; precision?: number } = {}) => (
    <Col xs={12} sm={8} key={name}><Form.Item name={['settings', name]} label={label}><InputNumber style={{ width: '100%' }} {...props} /></Form.Item></Col>
  );
  let items: React.ReactNode[] = [];
  if (type === 'number') items = [number('min', t('formsDesigner.fields.min')), number('max', t('formsDesigner.fields.max')), number('decimals', t('formsDesigner.fields.decimals'), { min: 0, max: 6, precision: 0 })];
  else if (type === 'money') items = [number('min', t('formsDesigner.fields.min'), { precision: 2 }), number('max', t('formsDesigner.fields.max'), { precision: 2 })];
  else if (type === 'text' || type === 'textarea') items = [number('maxLength', t('formsDesigner.fields.maxLength'), { min: 1, max: 100_000, precision: 0 })];
  else if (type === 'rating') items = [number('scale', t('formsDesigner.fields.scale'), { min: 2, max: 10, precision: 0 })];
  else if (type === 'record')
    items = [<Col span={24} key="recordKind"><Form.Item name={['settings', 'recordKind']} label={t('formsDesigner.fields.recordKind')} rules={[{ max: 60 }]}><Input /></Form.Item></Col>];
  else if (type === 'cascader')
    items = [
      <Col span={24} key="source">
        <Form.Item name={['settings', 'optionSource']} label={t('formsDesigner.fields.optionSource')}>
          <Radio.Group options={[{ value: undefined, label: t('formsDesigner.fields.ownTree') }, { value: 'china-regions', label: t('formsDesigner.fields.chinaRegions') }]} />
        </Form.Item>
      </Col>,
      number('levels', t('formsDesigner.fields.levels'), { min: 1, max: 6, precision: 0 }),
    ];
  if (!items.length) return null;
  return (
    <>
      <Typography.Text strong>{t('formsDesigner.fields.settings')}</Typography.Text>
      <Row gutter={12}>{items}</Row>
    </>
  );
}
