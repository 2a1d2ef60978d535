import { Card, Descriptions, Form, Input, Radio, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states.tsx';
import { AdminGate } from '../admin/AdminGate.tsx';
import { ChannelAccountCard, ChannelAccountList } from './ChannelAccountCard.tsx';
import { NewAccountForm } from './NewAccountForm.tsx';
import type { ChannelAccountOf } from './queries.ts';
import { useSandboxSms } from './sms-queries.ts';

const kind = 'sms';

/** 设置 › 渠道 › 短信: the SMS account (Alibaba Cloud or Tencent Cloud), and the sandbox SMS a trainer reads codes from. */
export default function SmsChannelPage() {
  return (
    <AdminGate permission="channels.manage">
      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        <ChannelAccountList kind={kind} textPrefix="sms" renderForm={(onDone) => <NewSmsAccountForm onDone={onDone} />} renderAccount={(account) => <AccountCard account={account} />} />
        <SandboxMessages />
      </Space>
    </AdminGate>
  );
}

function AccountCard({ account }: { account: ChannelAccountOf<'sms'> }) {
  const { t } = useTranslation();
  const s = account.settings;
  return (
    <ChannelAccountCard
      kind={kind}
      account={account}
      callback={false}
      testOkKey="sms.testOk"
      details={
        // Settings whose provider no option takes any more are answered empty (presented-settings.ts).
        !('provider' in s) ? (
          <Descriptions.Item label={t('sms.provider')}>{t('sms.providerUnknown')}</Descriptions.Item>
        ) : (
        <>
          <Descriptions.Item label={t('sms.provider')}>{s.provider === 'aliyun' ? t('sms.aliyun') : t('sms.tencent')}</Descriptions.Item>
          {s.provider === 'aliyun' ? (
            <>
              <Descriptions.Item label={t('sms.accessKeyId')}>{s.accessKeyId}</Descriptions.Item>
              <Descriptions.Item label={t('sms.signName')}>{s.signName}</Descriptions.Item>
              <Descriptions.Item label={t('sms.regionId')}>{s.regionId}</Descriptions.Item>
            </>
          ) : (
            <>
              <Descriptions.Item label={t('sms.secretId')}>{s.secretId}</Descriptions.Item>
              <Descriptions.Item label={t('sms.smsSdkAppId')}>{s.smsSdkAppId}</Descriptions.Item>
              <Descriptions.Item label={t('sms.signName')}>{s.signName}</Descriptions.Item>
              <Descriptions.Item label={t('sms.region')}>{s.region}</Descriptions.Item>
            </>
          )}
          <Descriptions.Item label={t('sms.loginTemplateId')}>{s.loginTemplateId}</Descriptions.Item>
          <Descriptions.Item label={t('sms.notifyTemplateId')}>{s.notifyTemplateId ?? t('sms.notifyNone')}</Descriptions.Item>
          <Descriptions.Item label={t('sms.surveyTemplateId')}>{s.surveyTemplateId ?? t('sms.surveyNone')}</Descriptions.Item>
        </>
        )
      }
    />
  );
}

/** The form's inputs: either provider's fields (the radio shows one set), secrets included. */
type FormValues = { provider?: 'aliyun' | 'tencent'; accessKeyId?: string; secretId?: string; smsSdkAppId?: string; signName?: string; regionId?: string; region?: string; loginTemplateId?: string; notifyTemplateId?: string; surveyTemplateId?: string; name: string; accessKeySecret?: string; secretKey?: string; sandbox: boolean; apiBaseUrl?: string };

function toAccount({ name, sandbox, ...rest }: FormValues) {
  // Only what was filled: empty optional fields take the provider's defaults on the server.
  const settings = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined && value !== ''));
  return { name, sandbox, settings };
}

function NewSmsAccountForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const provider = Form.useWatch('provider', form) ?? 'aliyun';
  const required = [{ required: true }];
  return (
    <NewAccountForm kind={kind} form={form} stepsPrefix="sms" stepCount={3} initialValues={{ provider: 'aliyun' }} toAccount={toAccount} onDone={onDone} createdMessage="sms.created" sandboxHint="sms.sandboxHint">
      <Form.Item name="provider" label={t('sms.provider')}>
        <Radio.Group data-testid="sms-provider" options={[{ value: 'aliyun', label: t('sms.aliyun') }, { value: 'tencent', label: t('sms.tencent') }]} />
      </Form.Item>
      {provider === 'aliyun' ? (
        <>
          <Form.Item name="accessKeyId" label={t('sms.accessKeyId')} rules={required}><Input data-testid="sms-access-key-id" /></Form.Item>
          <Form.Item name="accessKeySecret" label={t('sms.accessKeySecret')} rules={required}><Input.Password data-testid="sms-access-key-secret" /></Form.Item>
        </>
      ) : (
        <>
          <Form.Item name="secretId" label={t('sms.secretId')} rules={required}><Input data-testid="sms-secret-id" /></Form.Item>
          <Form.Item name="secretKey" label={t('sms.secretKey')} rules={required}><Input.Password data-testid="sms-secret-key" /></Form.Item>
          <Form.Item name="smsSdkAppId" label={t('sms.smsSdkAppId')} rules={required}><Input placeholder="1400…" data-testid="sms-sdk-app-id" /></Form.Item>
        </>
      )}
      <Form.Item name="signName" label={t('sms.signName')} rules={required}><Input data-testid="sms-sign-name" /></Form.Item>
      <Form.Item name="loginTemplateId" label={t('sms.loginTemplateId')} rules={required}><Input placeholder={provider === 'aliyun' ? 'SMS_123456789' : '1234567'} data-testid="sms-login-template" /></Form.Item>
      <Form.Item name="notifyTemplateId" label={t('sms.notifyTemplateId')}><Input placeholder={provider === 'aliyun' ? 'SMS_123456790' : '1234568'} data-testid="sms-notify-template" /></Form.Item>
      <Form.Item name="surveyTemplateId" label={t('sms.surveyTemplateId')} extra={t('sms.surveyTemplateHint')}><Input placeholder={provider === 'aliyun' ? 'SMS_123456791' : '1234569'} data-testid="sms-survey-template" /></Form.Item>
      <Form.Item name={provider === 'aliyun' ? 'regionId' : 'region'} label={provider === 'aliyun' ? t('sms.regionId') : t('sms.region')}><Input placeholder={provider === 'aliyun' ? 'cn-hangzhou' : 'ap-guangzhou'} /></Form.Item>
      <Form.Item name="apiBaseUrl" label={t('sms.apiBaseUrl')}><Input placeholder={provider === 'aliyun' ? 'https://dysmsapi.aliyuncs.com/' : 'https://sms.tencentcloudapi.com/'} data-testid="sms-api-base" /></Form.Item>
    </NewAccountForm>
  );
}

function SandboxMessages() {
  const { t } = useTranslation();
  const messages = useSandboxSms();
  if (messages.isError) return <ErrorState error={messages.error} onRetry={() => messages.refetch()} />;
  if (!messages.data) return <Loading />;
  const items = messages.data.items;
  return (
    <Card title={<Space>{t('sms.sandboxTitle')}<Tag color="orange">{t('channels.sandbox')}</Tag></Space>} data-testid="sms-sandbox-messages">
      <p style={{ color: 'rgba(0,0,0,0.45)' }}>{t('sms.sandboxIntro')}</p>
      {items.length === 0 ? (
        <EmptyState title={t('sms.sandboxEmpty')} hint={t('sms.sandboxEmptyHint')} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={items}
          columns={[
            { title: t('sms.time'), dataIndex: 'createdAt', render: (value: string) => new Date(value).toLocaleString() },
            { title: t('sms.phone'), dataIndex: 'phone' },
            { title: t('sms.purpose'), dataIndex: 'purpose', render: (value: string, row) => <Space>{value === 'code' ? t('sms.purposeCode') : t('sms.purposeNotification')}{row.status === 'dev' ? <Tag>{t('sms.dev')}</Tag> : null}</Space> },
            {
              title: t('sms.content'),
              key: 'content',
              render: (_, row) => (row.purpose === 'code' ? <strong data-testid="sms-sandbox-code">{row.params.code}</strong> : `#${row.params.number ?? ''} ${row.params.link ?? ''}`),
            },
          ]}
        />
      )}
    </Card>
  );
}
