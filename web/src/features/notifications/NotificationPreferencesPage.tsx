import { App, Button, Card, Checkbox, Form, Select, Space, Switch, Table, TimePicker, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/ui/describe-error.ts';
import { ErrorState, Loading } from '../../shared/ui/states.tsx';
import { useNotificationPreferences, useSaveNotificationPreferences, type NotificationKind, type NotificationPreferences } from './queries.ts';

type Settings = Omit<NotificationPreferences, 'version' | 'available'>;
type Channel = 'email' | 'wecom' | 'dingtalk';
const channels: Channel[] = ['email', 'wecom', 'dingtalk'];
const toTime = (hhmm: string) => dayjs().hour(Number(hhmm.slice(0, 2))).minute(Number(hhmm.slice(3, 5))).second(0);
const fromTime = (value: Dayjs | null, fallback: string) => (value ? value.format('HH:mm') : fallback);

/** 个人资料 › 通知偏好: kinds × channels, quiet hours in the user's time zone, the daily digest. */
export default function NotificationPreferencesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const preferences = useNotificationPreferences();
  const save = useSaveNotificationPreferences();
  const [draft, setDraft] = useState<Settings | null>(null);
  const [saving, setSaving] = useState(false);
  const zones = useMemo(() => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Asia/Shanghai', 'UTC']), []);
  useEffect(() => {
    if (preferences.data) {
      const { version: _version, available: _available, ...settings } = preferences.data;
      setDraft(settings);
    }
  }, [preferences.data]);

  if (preferences.isError) return <ErrorState error={preferences.error} onRetry={() => preferences.refetch()} />;
  if (!preferences.data || !draft) return <Loading />;
  const current = preferences.data;
  const kinds = Object.keys(draft.kinds) as NotificationKind[];
  const setKind = (kind: NotificationKind, change: Partial<Settings['kinds'][NotificationKind]>) => setDraft({ ...draft, kinds: { ...draft.kinds, [kind]: { ...draft.kinds[kind], ...change } } });
  const unavailable = (channel: Channel) => (current.available[channel] ? null : channel === 'email' ? t('notifications.preferences.unavailableEmail') : t('notifications.preferences.unavailableLink'));

  async function submit() {
    setSaving(true);
    try {
      await save(current, draft!);
      message.success(t('notifications.preferences.saved'));
    } catch (error) {
      message.error(describeError(error, t).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card title={t('notifications.preferences.title')} style={{ maxWidth: 880 }}>
      <Typography.Paragraph type="secondary">{t('notifications.preferences.intro')}</Typography.Paragraph>
      <Form layout="vertical" onFinish={submit}>
        <Table
          size="small"
          pagination={false}
          rowKey={(kind) => kind}
          dataSource={kinds}
          data-testid="notification-kinds"
          columns={[
            { title: t('notifications.preferences.kind'), render: (_, kind) => t(`notifications.kind.${kind}`) },
            { title: t('notifications.preferences.enabled'), render: (_, kind) => <Switch size="small" checked={draft.kinds[kind].enabled} aria-label={`${t(`notifications.kind.${kind}`)} ${t('notifications.preferences.enabled')}`} onChange={(enabled) => setKind(kind, { enabled })} /> },
            { title: t('notifications.preferences.inApp'), render: (_, kind) => <Checkbox checked={draft.kinds[kind].enabled} disabled /> },
            ...channels.map((channel) => ({
              title: <Tooltip title={unavailable(channel)}>{t(`notifications.preferences.${channel}`)}</Tooltip>,
              render: (_: unknown, kind: NotificationKind) => (
                <Checkbox
                  checked={draft.kinds[kind][channel]}
                  disabled={!draft.kinds[kind].enabled || !current.available[channel]}
                  aria-label={`${t(`notifications.kind.${kind}`)} ${t(`notifications.preferences.${channel}`)}`}
                  onChange={(event) => setKind(kind, { [channel]: event.target.checked })}
                />
              ),
            })),
          ]}
        />
        <Typography.Title level={5} style={{ marginTop: 24 }}>{t('notifications.preferences.quietHours')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('notifications.preferences.quietHoursHint')}</Typography.Paragraph>
        <Space wrap align="center">
          <Switch checked={draft.quietHours !== null} aria-label={t('notifications.preferences.quietHours')} onChange={(on) => setDraft({ ...draft, quietHours: on ? { start: '22:00', end: '08:00' } : null })} />
          {draft.quietHours ? (
            <>
              <TimePicker format="HH:mm" minuteStep={5} allowClear={false} aria-label={t('notifications.preferences.quietStart')} value={toTime(draft.quietHours.start)} onChange={(value) => setDraft({ ...draft, quietHours: { ...draft.quietHours!, start: fromTime(value, draft.quietHours!.start) } })} />
              <span>–</span>
              <TimePicker format="HH:mm" minuteStep={5} allowClear={false} aria-label={t('notifications.preferences.quietEnd')} value={toTime(draft.quietHours.end)} onChange={(value) => setDraft({ ...draft, quietHours: { ...draft.quietHours!, end: fromTime(value, draft.quietHours!.end) } })} />
            </>
          ) : null}
        </Space>
        <Form.Item label={t('notifications.preferences.timeZone')} style={{ marginTop: 16, maxWidth: 320 }}>
          <Select showSearch value={draft.timeZone} options={zones.map((zone) => ({ value: zone, label: zone }))} onChange={(timeZone: string) => setDraft({ ...draft, timeZone })} />
        </Form.Item>
        <Typography.Title level={5}>{t('notifications.preferences.digest')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('notifications.preferences.digestHint')}</Typography.Paragraph>
        <Space wrap align="center" style={{ marginBottom: 24 }}>
          <Switch checked={draft.digest.enabled} disabled={!current.available.email} aria-label={t('notifications.preferences.digest')} onChange={(enabled) => setDraft({ ...draft, digest: { ...draft.digest, enabled } })} />
          <span>{t('notifications.preferences.digestAt')}</span>
          <TimePicker format="HH:mm" minuteStep={5} allowClear={false} disabled={!draft.digest.enabled} value={toTime(draft.digest.at)} onChange={(value) => setDraft({ ...draft, digest: { ...draft.digest, at: fromTime(value, draft.digest.at) } })} />
          {current.available.email ? null : <Typography.Text type="secondary">{t('notifications.preferences.unavailableEmail')}</Typography.Text>}
        </Space>
        <div>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="save-notification-preferences">{t('notifications.preferences.save')}</Button>
        </div>
      </Form>
    </Card>
  );
}
