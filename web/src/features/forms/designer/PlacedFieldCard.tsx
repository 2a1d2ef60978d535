import { CloseOutlined, HolderOutlined, SettingOutlined } from '@ant-design/icons';
import { useDroppable } from '@dnd-kit/core';
import { rectSortingStrategy, SortableContext, useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Button, Checkbox, Col, Empty, Form, Input, Modal, Row, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldWidths, type FormField } from '../../../../../src/forms/definition.ts';
import type { DesignerAction } from './designer-state.ts';
import { containerId, placedId } from './drag-targets.ts';
import { labelIn, type RegistryField } from './registry-field.ts';
import { ValueInput } from './ValueInput.tsx';
import { useTypeLabel } from './type-label.ts';

/** Grid columns of each width on Ant Design's 24-column row (one column on a phone). */
export const widthSpan: Record<FormField['width'], number> = { full: 24, half: 12, third: 8 };

/** A list of placed fields that takes drops: a section of the agents' form, or the portal form. */
export function DropList({ container, fields, registry, dispatch, emptyText }: { container: string; fields: FormField[]; registry: ReadonlyMap<string, RegistryField>; dispatch: (action: DesignerAction) => void; emptyText: string }) {
  const { setNodeRef, isOver } = useDroppable({ id: containerId(container) });
  return (
    <div ref={setNodeRef} data-drop-container={container} style={{ minHeight: 64, padding: 8, borderRadius: 6, border: `1px dashed ${isOver ? '#1677ff' : '#d9d9d9'}`, background: isOver ? '#e6f4ff' : undefined }}>
      <SortableContext items={fields.map((field) => placedId(container, field.key))} strategy={rectSortingStrategy}>
        {fields.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} style={{ margin: 8 }} />
        ) : (
          <Row gutter={[8, 8]}>
            {fields.map((field) => (
              <Col key={field.key} xs={24} md={widthSpan[field.width]}>
                <PlacedFieldCard container={container} placed={field} field={registry.get(field.key)} dispatch={dispatch} />
              </Col>
            ))}
          </Row>
        )}
      </SortableContext>
    </div>
  );
}

function PlacedFieldCard({ container, placed, field, dispatch }: { container: string; placed: FormField; field: RegistryField | undefined; dispatch: (action: DesignerAction) => void }) {
  const { t, i18n } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: placedId(container, placed.key) });
  const typeLabel = useTypeLabel();
  const [editing, setEditing] = useState(false);
  const name = labelIn(field?.label, i18n.language) || placed.key;
  const update = (patch: Partial<Omit<FormField, 'key'>>) => dispatch({ type: 'update_field', key: placed.key, container, patch });
  return (
    <div
      ref={setNodeRef}
      data-placed-field={placed.key}
      style={{ transform: CSS.Translate.toString(transform), transition, opacity: isDragging ? 0.4 : 1, border: '1px solid #d9d9d9', borderRadius: 6, padding: '6px 8px', background: '#fff' }}
    >
      <Space wrap size={4} style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space size={4}>
          <Button ref={setActivatorNodeRef} type="text" size="small" icon={<HolderOutlined />} style={{ cursor: 'grab' }} aria-label={name} {...attributes} {...listeners} />
          <Typography.Text strong>{name}</Typography.Text>
          {field && <Tag>{typeLabel(field.type)}</Tag>}
          {!field && <Tag color="red">{placed.key}</Tag>}
        </Space>
        <Space size={4} wrap>
          <Segmented<FormField['width']> size="small" aria-label={t('formsDesigner.designer.width')} value={placed.width} onChange={(width) => update({ width })} options={fieldWidths.map((width) => ({ value: width, label: t(`formsDesigner.designer.widths.${width}`) }))} />
          <Checkbox checked={placed.required} onChange={(event) => update({ required: event.target.checked })}>{t('formsDesigner.designer.required')}</Checkbox>
          <Button size="small" type="text" icon={<SettingOutlined />} aria-label={t('formsDesigner.designer.fieldSettings', { name })} onClick={() => setEditing(true)} />
          <Button size="small" type="text" icon={<CloseOutlined />} aria-label={`${t('formsDesigner.designer.removeField')} ${name}`} title={t('formsDesigner.designer.removeField')} onClick={() => dispatch({ type: 'remove_field', key: placed.key, container })} />
        </Space>
      </Space>
      {editing && <PlacementSettings placed={placed} field={field} name={name} onClose={() => setEditing(false)} onSave={(patch) => { update(patch); setEditing(false); }} />}
    </div>
  );
}

/** Help text and default value of a field on this form (its own help comes from the registry). */
function PlacementSettings({ placed, field, name, onClose, onSave }: { placed: FormField; field: RegistryField | undefined; name: string; onClose: () => void; onSave: (patch: Partial<FormField>) => void }) {
  const { t } = useTranslation();
  const [help, setHelp] = useState(placed.help ?? {});
  const [value, setValue] = useState<unknown>(placed.default);
  const cleanHelp = Object.fromEntries(Object.entries(help).filter(([, text]) => text?.trim()));
  return (
    <Modal open title={t('formsDesigner.designer.fieldSettings', { name })} onCancel={onClose} onOk={() => onSave({ help: Object.keys(cleanHelp).length ? cleanHelp : undefined, default: value })} destroyOnHidden>
      <Form layout="vertical">
        <Form.Item label={t('formsDesigner.fields.helpZh')}><Input value={help['zh-CN'] ?? ''} placeholder={field?.help?.['zh-CN']} onChange={(event) => setHelp({ ...help, 'zh-CN': event.target.value })} /></Form.Item>
        <Form.Item label={t('formsDesigner.fields.helpEn')}><Input value={help.en ?? ''} placeholder={field?.help?.en} onChange={(event) => setHelp({ ...help, en: event.target.value })} /></Form.Item>
        <Form.Item label={t('formsDesigner.designer.default')}>
          <ValueInput field={field} value={value} onChange={setValue} ariaLabel={t('formsDesigner.designer.default')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
