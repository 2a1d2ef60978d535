import { Card, Col, Empty, Row, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormDefinition } from '../../../../../src/forms/definition.ts';
import { portalContainer, type DesignerAction } from './designer-state.ts';
import { DesignerDnd } from './dnd.tsx';
import { PaletteItem } from './FormCanvas.tsx';
import { DropList } from './PlacedFieldCard.tsx';
import type { RegistryField } from './registry-field.ts';

/** The type's portal form: whether customers may submit it, and which customer-visible fields they fill. */
export function PortalEditor({ form, registry, dispatch }: { form: FormDefinition; registry: readonly RegistryField[]; dispatch: (action: DesignerAction) => void }) {
  const { t } = useTranslation();
  const byKey = new Map(registry.map((field) => [field.key, field]));
  const onPortal = new Set(form.portal.fields.map((field) => field.key));
  const visible = registry.filter((field) => !field.builtIn && !field.archived && field.customerVisible);
  const palette = visible.filter((field) => !onPortal.has(field.key));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('formsDesigner.portal.intro')}</Typography.Text>
      <Space>
        <Switch checked={form.portal.enabled} onChange={(enabled) => dispatch({ type: 'set_portal_enabled', enabled })} aria-label={t('formsDesigner.portal.enabled')} />
        <Typography.Text>{t('formsDesigner.portal.enabled')}</Typography.Text>
      </Space>
      <DesignerDnd form={form} fields={registry} dispatch={dispatch}>
        <Row gutter={16}>
          <Col xs={24} md={7}>
            <Card size="small" title={t('formsDesigner.portal.available')}>
              {visible.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('formsDesigner.portal.noneVisible')} />
              ) : palette.length === 0 ? (
                <Typography.Text type="secondary">{t('formsDesigner.designer.paletteEmpty')}</Typography.Text>
              ) : (
                <Space orientation="vertical" style={{ width: '100%' }} data-portal-palette>
                  {palette.map((field) => <PaletteItem key={field.key} field={field} targets={[{ key: portalContainer, label: t('formsDesigner.portal.add') }]} dispatch={dispatch} />)}
                </Space>
              )}
            </Card>
          </Col>
          <Col xs={24} md={17}>
            <Card size="small" title={t('formsDesigner.portal.fields')}>
              <DropList container={portalContainer} fields={form.portal.fields} registry={byKey} dispatch={dispatch} emptyText={t('formsDesigner.portal.empty')} />
            </Card>
          </Col>
        </Row>
      </DesignerDnd>
    </Space>
  );
}
