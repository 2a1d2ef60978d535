import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useDraggable } from '@dnd-kit/core';
import { Button, Card, Col, Dropdown, Empty, Input, Popconfirm, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FormDefinition, FormSection } from '../../../../../src/forms/definition.ts';
import { nextSectionKey, placedKeys, type DesignerAction } from './designer-state.ts';
import { DesignerDnd } from './dnd.tsx';
import { paletteId } from './drag-targets.ts';
import { DropList } from './PlacedFieldCard.tsx';
import { labelIn, type RegistryField } from './registry-field.ts';
import { useTypeLabel } from './type-label.ts';

type Props = { form: FormDefinition; registry: readonly RegistryField[]; dispatch: (action: DesignerAction) => void };

/** The agents' form: a palette of the registry's custom fields, dragged into sections. */
export function FormCanvas({ form, registry, dispatch }: Props) {
  const { t, i18n } = useTranslation();
  const byKey = new Map(registry.map((field) => [field.key, field]));
  const placed = new Set(placedKeys(form));
  const custom = registry.filter((field) => !field.builtIn && !field.archived);
  const palette = custom.filter((field) => !placed.has(field.key));
  const addSection = () => dispatch({ type: 'add_section', key: nextSectionKey(form), label: { 'zh-CN': t('formsDesigner.designer.newSection', { lng: 'zh-CN' }), en: t('formsDesigner.designer.newSection', { lng: 'en' }) } });
  return (
    <DesignerDnd form={form} fields={registry} dispatch={dispatch}>
      <Row gutter={16}>
        <Col xs={24} md={7}>
          <Card size="small" title={t('formsDesigner.designer.palette')} extra={<Link to="/settings/ticket-types?tab=fields">{t('formsDesigner.designer.manageFields')}</Link>} style={{ position: 'sticky', top: 8 }}>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('formsDesigner.designer.paletteHint')}</Typography.Paragraph>
            {custom.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('formsDesigner.designer.noCustomFields')} />
            ) : palette.length === 0 ? (
              <Typography.Text type="secondary">{t('formsDesigner.designer.paletteEmpty')}</Typography.Text>
            ) : (
              <Space orientation="vertical" style={{ width: '100%' }} data-palette>
                {palette.map((field) => <PaletteItem key={field.key} field={field} targets={form.sections.map((section) => ({ key: section.key, label: labelIn(section.label, i18n.language) }))} dispatch={dispatch} />)}
              </Space>
            )}
          </Card>
        </Col>
        <Col xs={24} md={17}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {form.sections.length === 0 && <Empty description={t('formsDesigner.designer.noSections')} />}
            {form.sections.map((section, index) => (
              <SectionCard key={section.key} section={section} index={index} count={form.sections.length} registry={byKey} dispatch={dispatch} />
            ))}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={addSection}>{t('formsDesigner.designer.addSection')}</Button>
          </Space>
        </Col>
      </Row>
    </DesignerDnd>
  );
}

/** A field not yet on the form: dragged (pointer or keyboard), or added through its menu to one of the targets. */
export function PaletteItem({ field, targets, dispatch }: { field: RegistryField; targets: { key: string; label: string }[]; dispatch: (action: DesignerAction) => void }) {
  const { t, i18n } = useTranslation();
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: paletteId(field.key) });
  const typeLabel = useTypeLabel();
  const name = labelIn(field.label, i18n.language);
  return (
    <div data-palette-field={field.key} style={{ display: 'flex', alignItems: 'center', gap: 4, opacity: isDragging ? 0.4 : 1 }}>
      <div ref={setNodeRef} {...attributes} {...listeners} aria-label={name} style={{ flex: 1, cursor: 'grab', border: '1px solid #d9d9d9', borderRadius: 6, padding: '4px 8px', background: '#fafafa', touchAction: 'none' }}>
        <Typography.Text>{name}</Typography.Text> <Tag style={{ marginInlineStart: 4 }}>{typeLabel(field.type)}</Tag>
      </div>
      {/* Opened by a click, not a hover: a phone or a keyboard has no hover, and a hover menu closed under a pointer crossing its edge (a flaky e2e). */}
      <Dropdown
        trigger={['click']}
        disabled={targets.length === 0}
        menu={{ items: targets, onClick: ({ key }) => dispatch({ type: 'place_field', key: field.key, to: { container: key, index: Number.MAX_SAFE_INTEGER } }) }}
      >
        <Button size="small" type="text" icon={<PlusOutlined />} aria-label={`${t('formsDesigner.designer.addTo')} ${name}`} title={t('formsDesigner.designer.addTo')} />
      </Dropdown>
    </div>
  );
}

function SectionCard({ section, index, count, registry, dispatch }: { section: FormSection; index: number; count: number; registry: ReadonlyMap<string, RegistryField>; dispatch: (action: DesignerAction) => void }) {
  const { t, i18n } = useTranslation();
  const rename = (lang: 'zh-CN' | 'en', text: string) => dispatch({ type: 'rename_section', key: section.key, label: { ...section.label, [lang]: text } });
  return (
    <Card
      size="small"
      data-section={section.key}
      title={
        <Space wrap>
          <Input size="small" aria-label={`${t('formsDesigner.designer.sectionName')} (${t('formsDesigner.fields.labelZh')})`} value={section.label['zh-CN']} status={section.label['zh-CN'].trim() ? undefined : 'error'} onChange={(event) => rename('zh-CN', event.target.value)} style={{ width: 160 }} />
          <Input size="small" aria-label={`${t('formsDesigner.designer.sectionName')} (${t('formsDesigner.fields.labelEn')})`} value={section.label.en} placeholder={t('formsDesigner.fields.labelEn')} onChange={(event) => rename('en', event.target.value)} style={{ width: 160 }} />
        </Space>
      }
      extra={
        <Space size={0}>
          <Button size="small" type="text" icon={<ArrowUpOutlined />} aria-label={t('formsDesigner.designer.moveSectionUp')} disabled={index === 0} onClick={() => dispatch({ type: 'move_section', key: section.key, index: index - 1 })} />
          <Button size="small" type="text" icon={<ArrowDownOutlined />} aria-label={t('formsDesigner.designer.moveSectionDown')} disabled={index === count - 1} onClick={() => dispatch({ type: 'move_section', key: section.key, index: index + 1 })} />
          <Popconfirm title={t('formsDesigner.designer.removeSectionConfirm', { name: labelIn(section.label, i18n.language) })} onConfirm={() => dispatch({ type: 'remove_section', key: section.key })}>
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('formsDesigner.designer.removeSection')} />
          </Popconfirm>
        </Space>
      }
    >
      <DropList container={section.key} fields={section.fields} registry={registry} dispatch={dispatch} emptyText={t('formsDesigner.designer.dropHere')} />
    </Card>
  );
}
