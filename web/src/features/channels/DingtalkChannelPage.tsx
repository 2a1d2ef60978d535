import { Descriptions, Form, Input, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { AdminGate } from '../admin/AdminGate.tsx';
import { ChannelAccountCard, ChannelAccountList } from './ChannelAccountCard.tsx';
import { useDingtalkStaffLinks, useDingtalkTeamRobots } from './dingtalk-queries.ts';
import { NewAccountForm } from './NewAccountForm.tsx';
import type { ChannelAccountOf } from './queries.ts';
import { StaffLinksCard } from './StaffLinksCard.tsx';
import { TeamRobotsCard } from './TeamRobotsCard.tsx';

const kind = 'dingtalk';

/** 设置 › 渠道 › 钉钉: robot accounts (guided set-up), member links for work notifications, teams' custom robots. */
export default function DingtalkChannelPage() {
  const { t } = useTranslation();
  return (
    <AdminGate permission="channels.manage">
      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        <ChannelAccountList kind={kind} textPrefix="dingtalk" renderForm={(onDone) => <NewDingtalkAccountForm onDone={onDone} />} renderAccount={(account) => <AccountCard account={account} />} />
        <StaffLinksCard kind={kind} textPrefix="dingtalk" useSource={useDingtalkStaffLinks} />
        <TeamRobotsCard
          kind={kind}
          textPrefix="dingtalk"
          useSource={useDingtalkTeamRobots}
          fields={[
            { name: 'webhookUrl', label: 'dingtalk.webhookUrl', testId: 'url', width: 320, placeholder: (robot) => (robot?.webhookSet ? t('dingtalk.kept') : 'https://oapi.dingtalk.com/robot/send?access_token=…') },
            { name: 'secret', label: 'dingtalk.secret', testId: 'secret', width: 240, placeholder: (robot) => (robot?.signed ? t('dingtalk.kept') : 'SEC…') },
          ]}
          tags={(robot) => (robot.signed ? <Tag color="green">{t('dingtalk.signed')}</Tag> : null)}
        />
      </Space>
    </AdminGate>
  );
}


function AccountCard({ account }: { account: ChannelAccountOf<'dingtalk'> }) {
  const { t } = useTranslation();
  const { settings } = account;
  return (
    <ChannelAccountCard
      kind={kind}
      account={account}
      testOkKey="dingtalk.testOk"
      details={
        <>
          <Descriptions.Item label={t('dingtalk.appKey')}>{settings.appKey}</Descriptions.Item>
          <Descriptions.Item label={t('dingtalk.robotCode')}>{settings.robotCode}</Descriptions.Item>
          <Descriptions.Item label={t('dingtalk.agentId')}>{settings.agentId ?? t('channels.none')}</Descriptions.Item>
        </>
      }
    />
  );
}

type FormValues = { name: string; appKey: string; appSecret: string; robotCode: string; agentId?: string; sandbox: boolean; apiBaseUrl?: string; oapiBaseUrl?: string };

function toAccount({ name, sandbox, apiBaseUrl, oapiBaseUrl, agentId, ...settings }: FormValues) {
  return { name, sandbox, settings: { ...settings, ...(agentId ? { agentId: Number(agentId) } : {}), ...(apiBaseUrl ? { apiBaseUrl } : {}), ...(oapiBaseUrl ? { oapiBaseUrl } : {}) } };
}

function NewDingtalkAccountForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  return (
    <NewAccountForm kind={kind} form={form} stepsPrefix="dingtalk" stepCount={4} toAccount={toAccount} onDone={onDone}>
      <Form.Item name="appKey" label={t('dingtalk.appKey')} rules={[{ required: true }]}><Input placeholder="ding…" data-testid="dingtalk-appkey" /></Form.Item>
      <Form.Item name="appSecret" label={t('dingtalk.appSecret')} rules={[{ required: true }]}><Input.Password data-testid="dingtalk-appsecret" /></Form.Item>
      <Form.Item name="robotCode" label={t('dingtalk.robotCode')} rules={[{ required: true }]}><Input placeholder="ding…" data-testid="dingtalk-robotcode" /></Form.Item>
      <Form.Item name="agentId" label={t('dingtalk.agentId')}><Input inputMode="numeric" data-testid="dingtalk-agentid" /></Form.Item>
      <Form.Item name="apiBaseUrl" label={t('channels.apiBaseUrl')}><Input placeholder="https://api.dingtalk.com" data-testid="dingtalk-api-base" /></Form.Item>
      <Form.Item name="oapiBaseUrl" label={t('dingtalk.oapiBaseUrl')}><Input placeholder="https://oapi.dingtalk.com" data-testid="dingtalk-oapi-base" /></Form.Item>
    </NewAccountForm>
  );
}
