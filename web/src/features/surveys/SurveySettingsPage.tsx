import { App, Button, Card, Divider, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/ui/describe-error.ts';
import { ErrorState, Loading } from '../../shared/ui/states.tsx';
import { AdminGate } from '../admin/AdminGate.tsx';
import { SurveyStatsCard } from './SurveyStatsCard.tsx';
import { useSaveSurveySettings, useSurveySettings, type SurveySettings } from './survey-api.ts';

/** 设置 › 满意度调查: CSAT delay, cooldown, low-rating threshold, NPS schedule and sampling (supervisors and admins). */
export default function SurveySettingsPage() {
  return (
    <AdminGate permission="surveys.manage">
      <SurveySettingsForm />
      <SurveyStatsCard />
    </AdminGate>
  );
}

const numbers: Array<{ key: keyof SurveySettings; min: number; max: number; section: 'csat' | 'nps' }> = [
  { key: 'csatDelayMinutes', min: 0, max: 10_080, section: 'csat' },
  { key: 'csatCooldownDays', min: 0, max: 365, section: 'csat' },
  { key: 'lowRatingThreshold', min: 1, max: 4, section: 'csat' },
  { key: 'linkValidDays', min: 1, max: 90, section: 'csat' },
  { key: 'npsIntervalDays', min: 7, max: 730, section: 'nps' },
  { key: 'npsSamplePercent', min: 1, max: 100, section: 'nps' },
  { key: 'npsQuietDaysAfterComplaint', min: 0, max: 365, section: 'nps' },
];

function SurveySettingsForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useSurveySettings();
  const save = useSaveSurveySettings();
  const [saving, setSaving] = useState(false);
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => settings.refetch()} />;
  if (!settings.data) return <Loading />;
  const current = settings.data;

  async function submit(values: SurveySettings) {
    setSaving(true);
    try {
      await save(current, values);
      message.success(t('surveys.settings.saved'));
    } catch (error) {
      message.error(describeError(error, t).message);
    } finally {
      setSaving(false);
    }
  }

  const numberItems = (section: 'csat' | 'nps') =>
    numbers.filter((n) => n.section === section).map((n) => (
      <Form.Item key={n.key} name={n.key} label={t(`surveys.settings.${n.key}`)} rules={[{ required: true }]}>
        <InputNumber min={n.min} max={n.max} data-testid={`survey-${n.key}`} />
      </Form.Item>
    ));

  return (
    <Card title={t('surveys.settings.title')}>
      <Form layout="vertical" initialValues={current} onFinish={submit} style={{ maxWidth: 640 }} key={current.version}>
        <Divider>{t('surveys.settings.csat')}</Divider>
        <Form.Item name="csatEnabled" label={t('surveys.settings.csatEnabled')} valuePropName="checked"><Switch /></Form.Item>
        {numberItems('csat')}
        <Form.Item name="followUpTypeKey" label={t('surveys.settings.followUpTypeKey')} rules={[{ required: true }]}><Input maxLength={64} /></Form.Item>
        <Form.Item name="invitationLocale" label={t('surveys.settings.invitationLocale')} extra={t('surveys.settings.invitationLocaleHint')}>
          <Select data-testid="survey-invitationLocale" options={[{ value: 'zh-CN', label: t('surveys.settings.localeZh') }, { value: 'en', label: t('surveys.settings.localeEn') }]} />
        </Form.Item>
        <Divider>{t('surveys.settings.nps')}</Divider>
        <Form.Item name="npsEnabled" label={t('surveys.settings.npsEnabled')} valuePropName="checked"><Switch /></Form.Item>
        {numberItems('nps')}
        <Form.Item name="npsTierKeys" label={t('surveys.settings.npsTierKeys')}><Select mode="tags" open={false} /></Form.Item>
        <Form.Item name="npsComplaintTypeKey" label={t('surveys.settings.npsComplaintTypeKey')} rules={[{ required: true }]}><Input maxLength={64} /></Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>{t('surveys.settings.save')}</Button>
      </Form>
    </Card>
  );
}
