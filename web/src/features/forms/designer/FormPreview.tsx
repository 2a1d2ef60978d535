import { Alert, Button, Empty, Form, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConditionIssue } from '../../../../../src/conditions/types.ts';
import type { FormAudience } from '../../../../../src/forms/definition.ts';
import type { PreparedForm } from '../../../../../src/forms/prepare-form.ts';
import { useMe } from '../../../app/session.ts';
import { FormRenderer } from '../FormRenderer.tsx';

/** Preview widths: the agents' desktop and a phone, where the portal is mostly used. */
export const previewWidths = [1440, 360] as const;

/**
 * The draft as an agent or a customer would see it, at 1440 or 360 px, rendered by the console's
 * own FormRenderer (the ticket and portal pages' renderer) and judged live by judgeForm, so the
 * rules can be tried. No iframe: the pane sets its width, and a container query gives narrow
 * panes the one-column layout the grid uses under 576 px (Ant Design's breakpoints follow the
 * window, not the pane).
 */
export function FormPreview({ prepared, issues, describe }: { prepared: PreparedForm | null; issues: readonly ConditionIssue[]; describe: (issue: ConditionIssue) => string }) {
  const { t } = useTranslation();
  const me = useMe();
  const [who, setWho] = useState<'staff' | 'customer'>('staff');
  const [width, setWidth] = useState<(typeof previewWidths)[number]>(1440);
  const [form] = Form.useForm();
  const audience: FormAudience = who === 'staff' ? { kind: 'staff', role: me.role } : { kind: 'customer' };
  const empty = prepared && (who === 'staff' ? prepared.staffPlacement.size === 0 : prepared.portalPlacement.size === 0 || !prepared.form.portal.enabled);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Segmented<"staff" | "customer"> value={who} onChange={(value) => { setWho(value); form.resetFields(); }} options={[{ value: 'staff', label: t('formsDesigner.preview.asAgent') }, { value: 'customer', label: t('formsDesigner.preview.asCustomer') }]} />
        <Segmented<(typeof previewWidths)[number]> value={width} onChange={setWidth} options={previewWidths.map((w) => ({ value: w, label: t(w === 1440 ? 'formsDesigner.preview.desktop' : 'formsDesigner.preview.mobile') }))} />
        <Button onClick={() => void form.validateFields().catch(() => undefined)}>{t('formsDesigner.preview.check')}</Button>
      </Space>
      <Typography.Text type="secondary">{t('formsDesigner.preview.hint')}</Typography.Text>
      {issues.length > 0 && <Alert type="error" showIcon title={issues.map((issue) => <div key={issue.path + issue.code}>{describe(issue)}</div>)} />}
      <div style={{ overflowX: 'auto', background: '#f5f5f5', padding: 12, borderRadius: 8 }}>
        <style>{'.designer-preview { container-type: inline-size; } @container (max-width: 575px) { .designer-preview .ant-col { flex: 0 0 100%; max-width: 100%; } }'}</style>
        <div className="designer-preview" data-preview-width={width} data-preview-audience={who} style={{ width, maxWidth: 'none', background: '#fff', padding: width < 576 ? 12 : 24, borderRadius: 8, boxShadow: '0 1px 4px rgba(0,0,0,.08)' }}>
          {!prepared ? null : empty ? (
            <Empty description={who === 'staff' ? t('formsDesigner.preview.emptyForm') : t('formsDesigner.preview.emptyPortal')} />
          ) : (
            <Form key={`${who}`} form={form} layout="vertical">
              <FormRenderer prepared={prepared} audience={audience} mode="create" />
            </Form>
          )}
        </div>
      </div>
    </Space>
  );
}
