import { App, Button, Form, Input, Popconfirm, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/ui/describe-error.ts';
import { ErrorState, Loading } from '../../../shared/ui/states.tsx';
import { useMapSettings, useRemoveMap, useSaveMapSettings } from './settings-api.ts';

type Values = { apiKey: string; securityCode: string };

/** The board's map: the AMap JS API 2.0 key and its security code (sealed on the server, never shown again). */
export function MapTab({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useMapSettings();
  const save = useSaveMapSettings();
  const remove = useRemoveMap();
  const [form] = Form.useForm<Values>();
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => settings.refetch()} />;
  if (!settings.data) return <Loading />;
  const { apiKey, securityCodeSet, scriptBaseUrl } = settings.data;
  const submit = (values: Values) =>
    save.mutate({ apiKey: values.apiKey.trim(), ...(values.securityCode.trim() && { securityCode: values.securityCode.trim() }) }, {
      onSuccess: () => {
        form.setFieldValue('securityCode', '');
        message.success(t('dispatch.settings.map.saved'));
      },
      onError: (error) => message.error(describeError(error, t).message),
    });
  return (
    <Form<Values> form={form} layout="vertical" style={{ maxWidth: 560 }} disabled={!manage} onFinish={submit} initialValues={{ apiKey: apiKey ?? '', securityCode: '' }}>
      <Typography.Title level={5}>{t('dispatch.settings.map.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('dispatch.settings.map.hint')}</Typography.Paragraph>
      {apiKey ? null : <Typography.Paragraph data-testid="map-not-set">{t('dispatch.settings.map.notSet')}</Typography.Paragraph>}
      <Form.Item name="apiKey" label={t('dispatch.settings.map.apiKey')} rules={[{ required: true }]}>
        <Input aria-label={t('dispatch.settings.map.apiKey')} autoComplete="off" />
      </Form.Item>
      <Form.Item name="securityCode" label={t('dispatch.settings.map.securityCode')} extra={securityCodeSet ? t('dispatch.settings.map.securityCodeSet') : undefined} rules={securityCodeSet ? [] : [{ required: true }]}>
        <Input.Password aria-label={t('dispatch.settings.map.securityCode')} autoComplete="new-password" />
      </Form.Item>
      <Typography.Paragraph type="secondary">{t('dispatch.settings.map.scriptBase', { url: scriptBaseUrl })}</Typography.Paragraph>
      {manage ? (
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending}>{t('dispatch.settings.map.save')}</Button>
          {apiKey ? (
            <Popconfirm title={t('dispatch.settings.map.remove')} onConfirm={() => remove.mutate(undefined, { onSuccess: () => { form.resetFields(); message.success(t('dispatch.settings.map.removed')); } })}>
              <Button danger>{t('dispatch.settings.map.remove')}</Button>
            </Popconfirm>
          ) : null}
        </Space>
      ) : null}
    </Form>
  );
}
