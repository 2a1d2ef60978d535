import { Descriptions, Form, Input, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { AdminGate } from '../admin/AdminGate.tsx';
import { ChannelAccountCard, ChannelAccountList, randomKey } from './ChannelAccountCard.tsx';
import { GeneratedKeyField, NewAccountForm } from './NewAccountForm.tsx';
import type { ChannelAccountOf } from './queries.ts';
import { WechatReplyTemplateCard } from './WechatReplyTemplateCard.tsx';

const kind = 'wechat';

/** 设置 › 渠道 › 微信公众号: official accounts (guided set-up), each with its reply template for outside the 48-hour window. */
export default function WechatChannelPage() {
  return (
    <AdminGate permission="channels.manage">
      <ChannelAccountList kind={kind} textPrefix="channels" renderForm={(onDone) => <NewWechatAccountForm onDone={onDone} />} renderAccount={(account) => (
        <Space direction="vertical" style={{ width: '100%' }} size={8}>
          <AccountCard account={account} />
          <WechatReplyTemplateCard key={JSON.stringify(account.settings.replyTemplate ?? null)} account={account} />
        </Space>
      )} />
    </AdminGate>
  );
}

function AccountCard({ account }: { account: ChannelAccountOf<'wechat'> }) {
  const { t } = useTranslation();
  const { settings } = account;
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

function toAccount({ name, sandbox, apiBaseUrl, ...settings }: FormValues) {
  return { name, sandbox, settings: { ...settings, ...(apiBaseUrl ? { apiBaseUrl } : {}) } };
}

function NewWechatAccountForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  return (
    <NewAccountForm kind={kind} form={form} stepsPrefix="channels" stepCount={3} initialValues={{ mode: 'safe', token: randomKey(32), encodingAesKey: randomKey(43) }} toAccount={toAccount} onDone={onDone}>
      <Form.Item name="appId" label={t('channels.appId')} rules={[{ required: true }]}><Input placeholder="wx…" data-testid="wechat-appid" /></Form.Item>
      <Form.Item name="appSecret" label={t('channels.appSecret')} rules={[{ required: true }]}><Input.Password data-testid="wechat-appsecret" /></Form.Item>
      <GeneratedKeyField name="token" label="channels.token" length={32} testId="wechat-token" required />
      {/* Plain mode needs no EncodingAESKey. */}
      <GeneratedKeyField name="encodingAesKey" label="channels.encodingAesKey" length={43} testId="wechat-aeskey" />
      <Form.Item name="mode" label={t('channels.mode')}>
        <Radio.Group options={[{ value: 'safe', label: t('channels.modeSafe') }, { value: 'plain', label: t('channels.modePlain') }]} />
      </Form.Item>
      <Form.Item name="apiBaseUrl" label={t('channels.apiBaseUrl')}><Input placeholder="https://api.weixin.qq.com" data-testid="wechat-api-base" /></Form.Item>
    </NewAccountForm>
  );
}
