import { App, Button, Checkbox, Form, Input, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/ui/describe-error.ts';
import { ErrorState, Loading } from '../../../shared/ui/states.tsx';
import { useNoticeSettings, useSaveNoticeSettings, type NoticeSettings } from './settings-api.ts';

const kinds = ['scheduled', 'rescheduled', 'cancelled'] as const;
/** Every half hour of the day; the stored time is offered even when it is not on the half hour (set by API). */
const halfHours = Array.from({ length: 48 }, (_, i) => `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`);
const off = 'off';

type Values = { noticesEnabled: boolean; noticeKinds: NoticeSettings['noticeKinds']; reminder: string; companyName: string };

/** The customer notices for every service type: on/off, which kinds, the reminder's hour the day before, the report's company name. */
export function NoticesTab({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useNoticeSettings();
  const save = useSaveNoticeSettings();
  const [form] = Form.useForm<Values>();
  const enabled = Form.useWatch('noticesEnabled', form);
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => settings.refetch()} />;
  if (!settings.data) return <Loading />;
  const global = settings.data.find((s) => s.scope === 'global')!;
  const ownTypes = settings.data.filter((s) => s.scope !== 'global').map((s) => s.scope);
  const times = global.reminderTime && !halfHours.includes(global.reminderTime) ? [...halfHours, global.reminderTime].sort() : halfHours;
  const submit = (values: Values) =>
    save.mutate(
      { noticesEnabled: values.noticesEnabled, noticeKinds: values.noticeKinds, reminderTime: values.reminder === off ? null : values.reminder, companyName: values.companyName.trim() || null },
      { onSuccess: () => message.success(t('dispatch.settings.notices.saved')), onError: (error) => message.error(describeError(error, t).message) },
    );
  return (
    <Form<Values> form={form} layout="vertical" style={{ maxWidth: 560 }} disabled={!manage} onFinish={submit}
      initialValues={{ noticesEnabled: global.noticesEnabled, noticeKinds: global.noticeKinds, reminder: global.reminderTime ?? off, companyName: global.companyName ?? '' }}>
      <Typography.Title level={5}>{t('dispatch.settings.notices.title')}</Typography.Title>
      <Form.Item name="noticesEnabled" label={t('dispatch.settings.notices.enabled')} valuePropName="checked">
        <Switch aria-label={t('dispatch.settings.notices.enabled')} />
      </Form.Item>
      <Form.Item name="noticeKinds" label={t('dispatch.settings.notices.kinds')}>
        <Checkbox.Group disabled={!manage || !enabled} options={kinds.map((kind) => ({ value: kind, label: t(`dispatch.settings.notices.kind.${kind}`) }))} />
      </Form.Item>
      <Form.Item name="reminder" label={t('dispatch.settings.notices.reminder')}>
        <Select aria-label={t('dispatch.settings.notices.reminderTime')} style={{ width: 200 }} options={[{ value: off, label: t('dispatch.settings.notices.reminderOff') }, ...times.map((time) => ({ value: time, label: time }))]} />
      </Form.Item>
      <Form.Item name="companyName" label={t('dispatch.settings.notices.companyName')}>
        <Input aria-label={t('dispatch.settings.notices.companyName')} maxLength={120} />
      </Form.Item>
      {ownTypes.length ? <Typography.Paragraph type="secondary">{t('dispatch.settings.notices.perType', { types: ownTypes.join('、') })}</Typography.Paragraph> : null}
      {manage ? <Button type="primary" htmlType="submit" loading={save.isPending}>{t('dispatch.settings.notices.save')}</Button> : null}
    </Form>
  );
}
