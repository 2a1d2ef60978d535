import { App, Button, Checkbox, Form, Input, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/ui/describe-error.ts';
import { ErrorState, Loading } from '../../../shared/ui/states.tsx';
import { useNoticeSettings, useSaveNoticeSettings, useServiceTypes, type NoticeSettings } from './settings-api.ts';

const kinds = ['scheduled', 'rescheduled', 'cancelled'] as const;
/** Every half hour of the day; the stored time is offered even when it is not on the half hour (set by API). */
const halfHours = Array.from({ length: 48 }, (_, i) => `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`);
const off = 'off';
const globalScope = 'global';

type Values = { noticesEnabled: boolean; noticeKinds: NoticeSettings['noticeKinds']; reminder: string; companyName: string };

/**
 * The customer notices: on/off, which kinds, the reminder's hour the day before — for every service
 * type, or for one that needs its own (a type without its own row follows the global one, as the
 * server decides) — and the report's company name (global only).
 */
export function NoticesTab({ manage }: { manage: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const settings = useNoticeSettings();
  const types = useServiceTypes();
  const save = useSaveNoticeSettings();
  const [scope, setScope] = useState(globalScope);
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => settings.refetch()} />;
  if (!settings.data) return <Loading />;
  const typeName = (key: string) => {
    const type = types.data?.find((candidate) => candidate.key === key);
    return type ? (i18n.language === 'en' && type.name.en) || type.name['zh-CN'] : key;
  };
  const global = settings.data.find((s) => s.scope === globalScope)!;
  const own = settings.data.find((s) => s.scope === scope);
  const shown = own ?? global;
  const ownTypes = settings.data.filter((s) => s.scope !== globalScope).map((s) => typeName(s.scope));
  const times = shown.reminderTime && !halfHours.includes(shown.reminderTime) ? [...halfHours, shown.reminderTime].sort() : halfHours;
  const submit = (values: Values) =>
    save.mutate(
      { scope, noticesEnabled: values.noticesEnabled, noticeKinds: values.noticeKinds, reminderTime: values.reminder === off ? null : values.reminder, companyName: scope === globalScope ? values.companyName.trim() || null : null },
      { onSuccess: () => message.success(t('dispatch.settings.notices.saved')), onError: (error) => message.error(describeError(error, t).message) },
    );
  return (
    <div style={{ maxWidth: 560 }}>
      <Typography.Title level={5}>{t('dispatch.settings.notices.title')}</Typography.Title>
      <Form layout="vertical">
        <Form.Item label={t('dispatch.settings.notices.scope')} extra={t('dispatch.settings.notices.scopeHelp')}>
          <Select aria-label={t('dispatch.settings.notices.scope')} value={scope} onChange={setScope} style={{ width: 260 }}
            options={[{ value: globalScope, label: t('dispatch.settings.notices.global') }, ...(types.data ?? []).map((type) => ({ value: type.key, label: typeName(type.key) }))]} />
        </Form.Item>
      </Form>
      {scope !== globalScope ? (
        <Typography.Paragraph type="secondary" data-testid="notice-scope-state">
          {t(own ? 'dispatch.settings.notices.own' : 'dispatch.settings.notices.inherits', { type: typeName(scope) })}
        </Typography.Paragraph>
      ) : null}
      {/* Keyed by the scope: a form's initial values are read once, and each scope has its own. */}
      <NoticeForm key={`${scope}:${own ? 'own' : 'inherited'}`} manage={manage} scope={scope} shown={shown} times={times} saving={save.isPending} onFinish={submit} />
      {scope === globalScope && ownTypes.length ? <Typography.Paragraph type="secondary">{t('dispatch.settings.notices.perType', { types: ownTypes.join('、') })}</Typography.Paragraph> : null}
    </div>
  );
}

function NoticeForm({ manage, scope, shown, times, saving, onFinish }: { manage: boolean; scope: string; shown: NoticeSettings; times: string[]; saving: boolean; onFinish: (values: Values) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const enabled = Form.useWatch('noticesEnabled', form);
  return (
    <Form<Values> form={form} layout="vertical" disabled={!manage} onFinish={onFinish}
      initialValues={{ noticesEnabled: shown.noticesEnabled, noticeKinds: shown.noticeKinds, reminder: shown.reminderTime ?? off, companyName: shown.companyName ?? '' }}>
      <Form.Item name="noticesEnabled" label={t('dispatch.settings.notices.enabled')} valuePropName="checked">
        <Switch aria-label={t('dispatch.settings.notices.enabled')} />
      </Form.Item>
      <Form.Item name="noticeKinds" label={t('dispatch.settings.notices.kinds')}>
        <Checkbox.Group disabled={!manage || !enabled} options={kinds.map((kind) => ({ value: kind, label: t(`dispatch.settings.notices.kind.${kind}`) }))} />
      </Form.Item>
      <Form.Item name="reminder" label={t('dispatch.settings.notices.reminder')}>
        <Select aria-label={t('dispatch.settings.notices.reminderTime')} style={{ width: 200 }} options={[{ value: off, label: t('dispatch.settings.notices.reminderOff') }, ...times.map((time) => ({ value: time, label: time }))]} />
      </Form.Item>
      {scope === globalScope ? (
        <Form.Item name="companyName" label={t('dispatch.settings.notices.companyName')}>
          <Input aria-label={t('dispatch.settings.notices.companyName')} maxLength={120} />
        </Form.Item>
      ) : null}
      {manage ? <Button type="primary" htmlType="submit" loading={saving}>{t('dispatch.settings.notices.save')}</Button> : null}
    </Form>
  );
}
