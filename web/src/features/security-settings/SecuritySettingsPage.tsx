import { App, Button, Card, Form, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/ui/describe-error.ts';
import { ErrorState, Loading } from '../../shared/ui/states.tsx';
import { AdminGate } from '../admin/AdminGate.tsx';
import { useSaveSecuritySettings, useSecuritySettings } from './queries.ts';

export default function SecuritySettingsPage() {
  return (
    <AdminGate permission="admin.security">
      <SecuritySettings />
    </AdminGate>
  );
}

function SecuritySettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useSecuritySettings();
  const save = useSaveSecuritySettings();
  const [entries, setEntries] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (settings.data) setEntries(settings.data.outboundAllow);
  }, [settings.data]);

  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => settings.refetch()} />;
  if (!settings.data) return <Loading />;
  const current = settings.data;

  async function submit() {
    setSaving(true);
    try {
      await save(current, entries);
      message.success(t('securitySettings.saved'));
    } catch (error) {
      message.error(describeError(error, t).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card title={t('securitySettings.title')}>
      <Typography.Title level={5}>{t('securitySettings.outboundTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('securitySettings.outboundIntro')}</Typography.Paragraph>
      <Form layout="vertical" onFinish={submit} style={{ maxWidth: 640 }}>
        <Form.Item label={t('securitySettings.entries')} extra={entries.length === 0 ? t('securitySettings.empty') : undefined}>
          <Select
            mode="tags"
            data-testid="outbound-allow"
            value={entries}
            onChange={(values: string[]) => setEntries(values.map((v) => v.trim()).filter(Boolean))}
            tokenSeparators={[',', ' ']}
            placeholder={t('securitySettings.entriesPlaceholder')}
            open={false}
          />
        </Form.Item>
        <Typography.Paragraph type="secondary">
          {current.outboundAllowFromConfig.length ? (
            <Space wrap>
              {t('securitySettings.fromConfig')}
              {current.outboundAllowFromConfig.map((entry) => <Tag key={entry}>{entry}</Tag>)}
            </Space>
          ) : (
            t('securitySettings.noneFromConfig')
          )}
        </Typography.Paragraph>
        <Button type="primary" htmlType="submit" loading={saving}>{t('securitySettings.save')}</Button>
      </Form>
    </Card>
  );
}
