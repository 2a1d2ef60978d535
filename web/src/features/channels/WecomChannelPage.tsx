import { Descriptions, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { AdminGate } from '../admin/AdminGate.tsx';
import { ChannelAccountCard, ChannelAccountList, randomKey } from './ChannelAccountCard.tsx';
import { GeneratedKeyField, NewAccountForm } from './NewAccountForm.tsx';
import type { ChannelAccountOf } from './queries.ts';
import { StaffLinksCard } from './StaffLinksCard.tsx';
import { TeamRobotsCard } from './TeamRobotsCard.tsx';
import { useWecomStaffLinks, useWecomTeamRobots } from './wecom-queries.ts';

const kind = 'wecom';

/** 设置 › 渠道 › 企业微信: 微信客服 accounts (guided set-up), member links for staff notifications, team robots. */
export default function WecomChannelPage() {
  const { t } = useTranslation();
  return (
    <AdminGate permission="channels.manage">
      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        <ChannelAccountList kind={kind} textPrefix="wecom" renderForm={(onDone) => <NewWecomAccountForm onDone={onDone} />} renderAccount={(account) => <AccountCard account={account} />} />
        <StaffLinksCard kind={kind} textPrefix="wecom" useSource={useWecomStaffLinks} />
        <TeamRobotsCard
          kind={kind}
          textPrefix="wecom"
          useSource={useWecomTeamRobots}
          fields={[{ name: 'webhookKey', label: 'wecom.webhookKey', testId: 'key', width: 320, placeholder: (robot) => (robot?.keySet ? t('wecom.keyKept') : t('wecom.noRobot')) }]}
        />
      </Space>
    </AdminGate>
  );
}

function AccountCard({ account }: { account: ChannelAccountOf<'wecom'> }) {
  const { t } = useTranslation();
  const { settings } = account;
  return (
    <ChannelAccountCard
      kind={kind}
      account={account}
      testOkKey="wecom.testOk"
      details={
        <>
          <Descriptions.Item label={t('wecom.corpId')}>{settings.corpId}</Descriptions.Item>
          <Descriptions.Item label={t('wecom.openKfIdsShort')}>{settings.openKfIds?.length ? settings.openKfIds.join(', ') : t('wecom.anyKf')}</Descriptions.Item>
          <Descriptions.Item label={t('wecom.agentId')}>{settings.agentId ?? t('channels.none')}</Descriptions.Item>
        </>
      }
    />
  );
}

type FormValues = { name: string; corpId: string; kfSecret: string; token: string; encodingAesKey: string; openKfIds?: string; agentId?: string; agentSecret?: string; sandbox: boolean; apiBaseUrl?: string };

function toAccount({ name, sandbox, apiBaseUrl, openKfIds, agentId, agentSecret, ...settings }: FormValues) {
  const kfIds = (openKfIds ?? '').split(/[,，\s]+/).filter(Boolean);
  return { name, sandbox, settings: { ...settings, openKfIds: kfIds, ...(agentId ? { agentId: Number(agentId) } : {}), ...(agentSecret ? { agentSecret } : {}), ...(apiBaseUrl ? { apiBaseUrl } : {}) } };
}

function NewWecomAccountForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  return (
    <NewAccountForm kind={kind} form={form} stepsPrefix="wecom" stepCount={4} initialValues={{ token: randomKey(32), encodingAesKey: randomKey(43) }} toAccount={toAccount} onDone={onDone}>
      <Form.Item name="corpId" label={t('wecom.corpId')} rules={[{ required: true }]}><Input placeholder="ww…" data-testid="wecom-corpid" /></Form.Item>
      <Form.Item name="kfSecret" label={t('wecom.kfSecret')} rules={[{ required: true }]}><Input.Password data-testid="wecom-kfsecret" /></Form.Item>
      <GeneratedKeyField name="token" label="channels.token" length={32} testId="wecom-token" required />
      <GeneratedKeyField name="encodingAesKey" label="channels.encodingAesKey" length={43} testId="wecom-aeskey" required />
      <Form.Item name="openKfIds" label={t('wecom.openKfIds')}><Input placeholder="wk…" data-testid="wecom-kfids" /></Form.Item>
      <Form.Item name="agentId" label={t('wecom.agentId')}><Input inputMode="numeric" data-testid="wecom-agentid" /></Form.Item>
      <Form.Item name="agentSecret" label={t('wecom.agentSecret')}><Input.Password data-testid="wecom-agentsecret" /></Form.Item>
      <Form.Item name="apiBaseUrl" label={t('channels.apiBaseUrl')}><Input placeholder="https://qyapi.weixin.qq.com" data-testid="wecom-api-base" /></Form.Item>
    </NewAccountForm>
  );
}
