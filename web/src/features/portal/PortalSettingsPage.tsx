import { Alert, Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** For administrators: where customers sign in, and the snippet that embeds the web form in a website. */
export default function PortalSettingsPage() {
  const { t } = useTranslation();
  const origin = window.location.origin;
  const snippet = `<iframe src="${origin}/portal/form" title="${t('portal.form.title')}" style="width:100%;max-width:680px;height:900px;border:0" loading="lazy"></iframe>`;
  return (
    <Card title={t('portal.settings.title')} style={{ maxWidth: 960 }}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <div>
          <Typography.Text strong>{t('portal.settings.portalLink')}</Typography.Text>
          <Typography.Paragraph copyable>{`${origin}/portal`}</Typography.Paragraph>
        </div>
        <div>
          <Typography.Text strong>{t('portal.settings.formLink')}</Typography.Text>
          <Typography.Paragraph copyable>{`${origin}/portal/form`}</Typography.Paragraph>
        </div>
        <div>
          <Typography.Text strong>{t('portal.settings.embed')}</Typography.Text>
          <Typography.Paragraph type="secondary">{t('portal.settings.embedHint')}</Typography.Paragraph>
          <Typography.Paragraph copyable={{ text: snippet }} code data-testid="portal-embed-snippet">
            {snippet}
          </Typography.Paragraph>
        </div>
        <Alert type="info" showIcon title={t('portal.settings.mailHint')} />
      </Space>
    </Card>
  );
}
