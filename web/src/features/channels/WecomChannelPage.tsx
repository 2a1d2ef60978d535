import { App, Button, Card, Checkbox, Descriptions, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client.ts';
import { describeError } from '../../shared/ui/describe-error.ts';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states.tsx';
import { AdminGate } from '../admin/AdminGate.tsx';
import { useTeams, useUsers } from '../tickets/queries.ts';
import { ChannelAccountCard, ChannelAccountList, randomKey } from './ChannelAccountCard.tsx';
import { useChannelAccountActions, useChannelAccounts, type ChannelAccount } from './queries.ts';
import { useStaffLinks, useTeamRobots, useWecomAdminActions } from './wecom-queries.ts';

const kind = 'wecom';

/** 设置 › 渠道 › 企业微信: 微信客服 accounts (guided set-up), member links for staff notifications, team robots. */
export default function WecomChannelPage() {
  return (
    <AdminGate permission="channels.manage">
      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        <WecomAccounts />
        <StaffLinks />
        <TeamRobots />
      </Space>
    </AdminGate>
  );
}


type WecomSettingsView = { corpId?: string; token?: string; openKfIds?: string[]; agentId?: number; apiBaseUrl?: string };

function WecomAccounts() {
  return <ChannelAccountList kind={kind} textPrefix="wecom" renderForm={(onDone) => <NewAccountForm onDone={onDone} />} renderAccount={(account) => <AccountCard account={account} />} />;
}

function AccountCard({ account }: { account: ChannelAccount }) {
  const { t } = useTranslation();
  const settings = account.settings as WecomSettingsView;
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

function NewAccountForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actions = useChannelAccountActions(kind);
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);

  async function submit(values: FormValues) {
    setSaving(true);
    try {
      const { name, sandbox, apiBaseUrl, openKfIds, agentId, agentSecret, ...settings } = values;
      const kfIds = (openKfIds ?? '').split(/[,，\s]+/).filter(Boolean);
      await actions.create({ name, sandbox, settings: { ...settings, openKfIds: kfIds, ...(agentId ? { agentId: Number(agentId) } : {}), ...(agentSecret ? { agentSecret } : {}), ...(apiBaseUrl ? { apiBaseUrl } : {}) } });
      message.success(t('channels.created'));
      onDone();
    } catch (error) {
      // A field the server refused lands on its input (400 at settings.<field>).
      if (error instanceof ApiError) {
        form.setFields((error.problem.errors ?? []).filter((e) => e.path?.startsWith('settings.') || e.path === 'name').map((e) => ({ name: e.path!.replace(/^settings\./, '').replace(/\..*$/, '') as keyof FormValues, errors: [e.message ?? ''] })));
      }
      message.error(describeError(error, t).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card type="inner" title={t('wecom.stepsTitle')} style={{ marginBottom: 16 }}>
      <ol>
        <li>{t('wecom.step1')}</li>
        <li>{t('wecom.step2')}</li>
        <li>{t('wecom.step3')}</li>
        <li>{t('wecom.step4')}</li>
      </ol>
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} initialValues={{ sandbox: false, token: randomKey(32), encodingAesKey: randomKey(43) }} style={{ maxWidth: 640 }}>
        <Form.Item name="name" label={t('channels.name')} rules={[{ required: true }]}><Input data-testid="wecom-name" /></Form.Item>
        <Form.Item name="corpId" label={t('wecom.corpId')} rules={[{ required: true }]}><Input placeholder="ww…" data-testid="wecom-corpid" /></Form.Item>
        <Form.Item name="kfSecret" label={t('wecom.kfSecret')} rules={[{ required: true }]}><Input.Password data-testid="wecom-kfsecret" /></Form.Item>
        <Form.Item label={t('channels.token')} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="token" noStyle rules={[{ required: true }]}><Input data-testid="wecom-token" /></Form.Item>
            <Button onClick={() => form.setFieldValue('token', randomKey(32))}>{t('channels.generate')}</Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item label={t('channels.encodingAesKey')} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="encodingAesKey" noStyle rules={[{ required: true }]}><Input data-testid="wecom-aeskey" /></Form.Item>
            <Button onClick={() => form.setFieldValue('encodingAesKey', randomKey(43))}>{t('channels.generate')}</Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item name="openKfIds" label={t('wecom.openKfIds')}><Input placeholder="wk…" data-testid="wecom-kfids" /></Form.Item>
        <Form.Item name="agentId" label={t('wecom.agentId')}><Input inputMode="numeric" data-testid="wecom-agentid" /></Form.Item>
        <Form.Item name="agentSecret" label={t('wecom.agentSecret')}><Input.Password data-testid="wecom-agentsecret" /></Form.Item>
        <Form.Item name="apiBaseUrl" label={t('channels.apiBaseUrl')}><Input placeholder="https://qyapi.weixin.qq.com" data-testid="wecom-api-base" /></Form.Item>
        <Form.Item name="sandbox" valuePropName="checked" extra={t('channels.sandboxHint')}><Checkbox data-testid="wecom-sandbox">{t('channels.sandbox')}</Checkbox></Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="wecom-save">{t('channels.create')}</Button>
          <Button onClick={onDone}>{t('app.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

function StaffLinks() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const users = useUsers();
  const links = useStaffLinks();
  const accounts = useChannelAccounts(kind);
  const actions = useWecomAdminActions();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  if (users.isError || links.isError) return <ErrorState error={users.error ?? links.error} onRetry={() => { void users.refetch(); void links.refetch(); }} />;
  if (!users.data || !links.data || !accounts.data) return <Loading />;
  const appAccounts = accounts.data.items.filter((a) => (a.settings as WecomSettingsView).agentId !== undefined && a.enabled);
  const byUser = new Map(links.data.map((l) => [l.userId, l]));

  async function save(userId: string) {
    try {
      await actions.linkStaff(userId, { wecomUserId: (drafts[userId] ?? byUser.get(userId)?.wecomUserId ?? '').trim(), accountId: byUser.get(userId)?.accountId ?? appAccounts[0]!.id });
      message.success(t('channels.saved'));
    } catch (error) {
      message.error(describeError(error, t).message);
    }
  }
  async function remove(userId: string) {
    try {
      await actions.unlinkStaff(userId);
      message.success(t('wecom.removed'));
    } catch (error) {
      message.error(describeError(error, t).message);
    }
  }

  return (
    <Card title={t('wecom.staffTitle')}>
      <Typography.Paragraph type="secondary">{t('wecom.staffIntro')}</Typography.Paragraph>
      {appAccounts.length === 0 ? (
        <EmptyState title={t('wecom.staffNoApp')} hint={t('wecom.step4')} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={users.data}
          columns={[
            { title: t('wecom.user'), dataIndex: 'name' },
            {
              title: t('wecom.wecomUserId'),
              render: (_: unknown, user: { id: string }) => (
                <Input
                  data-testid={`wecom-userid-${user.id}`}
                  placeholder={t('wecom.notLinked')}
                  value={drafts[user.id] ?? byUser.get(user.id)?.wecomUserId ?? ''}
                  onChange={(e) => setDrafts({ ...drafts, [user.id]: e.target.value })}
                  style={{ maxWidth: 240 }}
                />
              ),
            },
            {
              title: t('wecom.account'),
              render: (_: unknown, user: { id: string }) => appAccounts.find((a) => a.id === (byUser.get(user.id)?.accountId ?? appAccounts[0]!.id))?.name,
            },
            {
              title: '',
              render: (_: unknown, user: { id: string }) => (
                <Space>
                  <Button size="small" type="primary" onClick={() => save(user.id)} disabled={!(drafts[user.id] ?? '').trim()} data-testid={`wecom-link-${user.id}`}>{t('wecom.save')}</Button>
                  {byUser.has(user.id) ? <Button size="small" onClick={() => remove(user.id)}>{t('wecom.remove')}</Button> : null}
                </Space>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

function TeamRobots() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const teams = useTeams();
  const robots = useTeamRobots();
  const actions = useWecomAdminActions();
  const [keys, setKeys] = useState<Record<string, string>>({});
  if (teams.isError || robots.isError) return <ErrorState error={teams.error ?? robots.error} onRetry={() => { void teams.refetch(); void robots.refetch(); }} />;
  if (!teams.data || !robots.data) return <Loading />;
  const byTeam = new Map(robots.data.map((r) => [r.teamId, r]));

  async function save(teamId: string, changes: { sandbox?: boolean } = {}) {
    try {
      const key = keys[teamId]?.trim();
      await actions.setRobot(teamId, byTeam.get(teamId), { ...(key ? { webhookKey: key } : {}), ...changes });
      setKeys({ ...keys, [teamId]: '' });
      message.success(t('channels.saved'));
    } catch (error) {
      message.error(describeError(error, t).message);
    }
  }
  async function remove(teamId: string) {
    try {
      await actions.removeRobot(teamId);
      message.success(t('wecom.removed'));
    } catch (error) {
      message.error(describeError(error, t).message);
    }
  }

  return (
    <Card title={t('wecom.robotsTitle')}>
      <Typography.Paragraph type="secondary">{t('wecom.robotsIntro')}</Typography.Paragraph>
      {teams.data.length === 0 ? (
        <EmptyState title={t('wecom.robotsEmpty')} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={teams.data}
          columns={[
            { title: t('wecom.team'), dataIndex: 'name' },
            {
              title: t('wecom.webhookKey'),
              render: (_: unknown, team: { id: string }) => (
                <Input.Password
                  data-testid={`wecom-robot-key-${team.id}`}
                  placeholder={byTeam.get(team.id)?.keySet ? t('wecom.keyKept') : t('wecom.noRobot')}
                  value={keys[team.id] ?? ''}
                  onChange={(e) => setKeys({ ...keys, [team.id]: e.target.value })}
                  style={{ maxWidth: 320 }}
                />
              ),
            },
            {
              title: t('channels.sandbox'),
              render: (_: unknown, team: { id: string }) => {
                const robot = byTeam.get(team.id);
                return robot ? <Checkbox checked={robot.sandbox} onChange={(e) => save(team.id, { sandbox: e.target.checked })}>{robot.sandbox ? <Tag color="orange">{t('channels.sandbox')}</Tag> : null}</Checkbox> : null;
              },
            },
            {
              title: '',
              render: (_: unknown, team: { id: string }) => (
                <Space>
                  <Button size="small" type="primary" onClick={() => save(team.id)} disabled={!(keys[team.id] ?? '').trim()} data-testid={`wecom-robot-save-${team.id}`}>{t('wecom.save')}</Button>
                  {byTeam.has(team.id) ? <Button size="small" onClick={() => remove(team.id)}>{t('wecom.remove')}</Button> : null}
                </Space>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
