import { App, Button, Card, Checkbox, Descriptions, Form, Input, Radio, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client.ts';
import { describeError } from '../../shared/ui/describe-error.ts';
import { AdminGate } from '../admin/AdminGate.tsx';
import { ChannelAccountCard, ChannelAccountList, randomKey } from './ChannelAccountCard.tsx';
import { useChannelAccountActions, type ChannelAccount } from './queries.ts';

const kind = 'wechat';

export default function WechatChannelPage() {
  return (
    <AdminGate permission="channels.manage">
      <WechatAccounts />
    </AdminGate>
  );
}


function WechatAccounts() {
  return <ChannelAccountList kind={kind} textPrefix="channels" renderForm={(onDone) => <NewAccountForm onDone={onDone} />} renderAccount={(account) => <AccountCard account={account} />} />;
}


function AccountCard({ account }: { account: ChannelAccount }) {
  const { t } = useTranslation();
  const settings = account.settings as { appId?: string; mode?: string };
  return (
    <ChannelAccountCard
      kind={kind}
      account={account}
      details={
        <>
          <Descriptions.Item label={t('channels.appId')}>{settings.appId}</Descriptions.Item>
          <Descriptions.Item label={t('channels.mode')}>{settings.mode === 'safe' ? t('channels.modeSafe') : t('channels.modePlain')}</Descriptions.Item>
        </>
      }
    />
  );
}

type FormValues = { name: string; appId: string; appSecret: string; token: string; encodingAesKey: string; mode: 'plain' | 'safe'; sandbox: boolean; apiBaseUrl?: string };

function NewAccountForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actions = useChannelAccountActions(kind);
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);

  async function submit(values: FormValues) {
    setSaving(true);
    try {
      const { name, sandbox, apiBaseUrl, ...settings } = values;
      await actions.create({ name, sandbox, settings: { ...settings, ...(apiBaseUrl ? { apiBaseUrl } : {}) } });
      message.success(t('channels.created'));
      onDone();
    } catch (error) {
      // A field the server refused lands on its input (400 at settings.<field>).
      if (error instanceof ApiError) {
        form.setFields((error.problem.errors ?? []).filter((e) => e.path?.startsWith('settings.') || e.path === 'name').map((e) => ({ name: e.path!.replace(/^settings\./, '') as keyof FormValues, errors: [e.message ?? ''] })));
      }
      message.error(describeError(error, t).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card type="inner" title={t('channels.stepsTitle')} style={{ marginBottom: 16 }}>
      <ol>
        <li>{t('channels.step1')}</li>
        <li>{t('channels.step2')}</li>
        <li>{t('channels.step3')}</li>
      </ol>
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} initialValues={{ mode: 'safe', sandbox: false, token: randomKey(32), encodingAesKey: randomKey(43) }} style={{ maxWidth: 640 }}>
        <Form.Item name="name" label={t('channels.name')} rules={[{ required: true }]}><Input data-testid="wechat-name" /></Form.Item>
        <Form.Item name="appId" label={t('channels.appId')} rules={[{ required: true }]}><Input placeholder="wx…" data-testid="wechat-appid" /></Form.Item>
        <Form.Item name="appSecret" label={t('channels.appSecret')} rules={[{ required: true }]}><Input.Password data-testid="wechat-appsecret" /></Form.Item>
        <Form.Item label={t('channels.token')} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="token" noStyle rules={[{ required: true }]}><Input data-testid="wechat-token" /></Form.Item>
            <Button onClick={() => form.setFieldValue('token', randomKey(32))}>{t('channels.generate')}</Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item label={t('channels.encodingAesKey')}>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="encodingAesKey" noStyle><Input data-testid="wechat-aeskey" /></Form.Item>
            <Button onClick={() => form.setFieldValue('encodingAesKey', randomKey(43))}>{t('channels.generate')}</Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item name="mode" label={t('channels.mode')}>
          <Radio.Group options={[{ value: 'safe', label: t('channels.modeSafe') }, { value: 'plain', label: t('channels.modePlain') }]} />
        </Form.Item>
        <Form.Item name="apiBaseUrl" label={t('channels.apiBaseUrl')}><Input placeholder="https://api.weixin.qq.com" data-testid="wechat-api-base" /></Form.Item>
        <Form.Item name="sandbox" valuePropName="checked" extra={t('channels.sandboxHint')}><Checkbox data-testid="wechat-sandbox">{t('channels.sandbox')}</Checkbox></Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="wechat-save">{t('channels.create')}</Button>
          <Button onClick={onDone}>{t('app.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
