import { App, Button, Card, Checkbox, Descriptions, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client.ts';
import { describeError } from '../../shared/ui/describe-error.ts';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states.tsx';
import { AdminGate } from '../admin/AdminGate.tsx';
import { useTeams, useUsers } from '../tickets/queries.ts';
import { ChannelAccountCard, ChannelAccountList } from './ChannelAccountCard.tsx';
import { useDingtalkAdminActions, useDingtalkStaffLinks, useDingtalkTeamRobots } from './dingtalk-queries.ts';
import { useChannelAccountActions, useChannelAccounts, type ChannelAccount } from './queries.ts';

const kind = 'dingtalk';

/** 设置 › 渠道 › 钉钉: robot accounts (guided set-up), member links for work notifications, teams' custom robots. */
export default function DingtalkChannelPage() {
  return (
    <AdminGate permission="channels.manage">
      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        <ChannelAccountList kind={kind} textPrefix="dingtalk" renderForm={(onDone) => <NewAccountForm onDone={onDone} />} renderAccount={(account) => <AccountCard account={account} />} />
        <StaffLinks />
        <TeamRobots />
      </Space>
    </AdminGate>
  );
}

type DingtalkSettingsView = { appKey?: string; robotCode?: string; agentId?: number };

function AccountCard({ account }: { account: ChannelAccount }) {
  const { t } = useTranslation();
  const settings = account.settings as DingtalkSettingsView;
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

function NewAccountForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actions = useChannelAccountActions(kind);
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);

  async function submit(values: FormValues) {
    setSaving(true);
    try {
      const { name, sandbox, apiBaseUrl, oapiBaseUrl, agentId, ...settings } = values;
      await actions.create({ name, sandbox, settings: { ...settings, ...(agentId ? { agentId: Number(agentId) } : {}), ...(apiBaseUrl ? { apiBaseUrl } : {}), ...(oapiBaseUrl ? { oapiBaseUrl } : {}) } });
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
    <Card type="inner" title={t('dingtalk.stepsTitle')} style={{ marginBottom: 16 }}>
      <ol>
        <li>{t('dingtalk.step1')}</li>
        <li>{t('dingtalk.step2')}</li>
        <li>{t('dingtalk.step3')}</li>
        <li>{t('dingtalk.step4')}</li>
      </ol>
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} initialValues={{ sandbox: false }} style={{ maxWidth: 640 }}>
        <Form.Item name="name" label={t('channels.name')} rules={[{ required: true }]}><Input data-testid="dingtalk-name" /></Form.Item>
        <Form.Item name="appKey" label={t('dingtalk.appKey')} rules={[{ required: true }]}><Input placeholder="ding…" data-testid="dingtalk-appkey" /></Form.Item>
        <Form.Item name="appSecret" label={t('dingtalk.appSecret')} rules={[{ required: true }]}><Input.Password data-testid="dingtalk-appsecret" /></Form.Item>
        <Form.Item name="robotCode" label={t('dingtalk.robotCode')} rules={[{ required: true }]}><Input placeholder="ding…" data-testid="dingtalk-robotcode" /></Form.Item>
        <Form.Item name="agentId" label={t('dingtalk.agentId')}><Input inputMode="numeric" data-testid="dingtalk-agentid" /></Form.Item>
        <Form.Item name="apiBaseUrl" label={t('channels.apiBaseUrl')}><Input placeholder="https://api.dingtalk.com" data-testid="dingtalk-api-base" /></Form.Item>
        <Form.Item name="oapiBaseUrl" label={t('dingtalk.oapiBaseUrl')}><Input placeholder="https://oapi.dingtalk.com" data-testid="dingtalk-oapi-base" /></Form.Item>
        <Form.Item name="sandbox" valuePropName="checked" extra={t('channels.sandboxHint')}><Checkbox data-testid="dingtalk-sandbox">{t('channels.sandbox')}</Checkbox></Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="dingtalk-save">{t('channels.create')}</Button>
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
  const links = useDingtalkStaffLinks();
  const accounts = useChannelAccounts(kind);
  const actions = useDingtalkAdminActions();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  if (users.isError || links.isError || accounts.isError) return <ErrorState error={users.error ?? links.error ?? accounts.error} onRetry={() => { void users.refetch(); void links.refetch(); void accounts.refetch(); }} />;
  if (!users.data || !links.data || !accounts.data) return <Loading />;
  const appAccounts = accounts.data.items.filter((a) => (a.settings as DingtalkSettingsView).agentId !== undefined && a.enabled);
  const byUser = new Map(links.data.map((l) => [l.userId, l]));

  async function save(userId: string) {
    try {
      await actions.linkStaff(userId, { dingtalkUserId: (drafts[userId] ?? byUser.get(userId)?.dingtalkUserId ?? '').trim(), accountId: byUser.get(userId)?.accountId ?? appAccounts[0]!.id });
      setDrafts({ ...drafts, [userId]: '' });
      message.success(t('channels.saved'));
    } catch (error) {
      message.error(describeError(error, t).message);
    }
  }
  async function remove(userId: string) {
    try {
      await actions.unlinkStaff(userId);
      message.success(t('dingtalk.removed'));
    } catch (error) {
      message.error(describeError(error, t).message);
    }
  }

  return (
    <Card title={t('dingtalk.staffTitle')}>
      <Typography.Paragraph type="secondary">{t('dingtalk.staffIntro')}</Typography.Paragraph>
      {appAccounts.length === 0 ? (
        <EmptyState title={t('dingtalk.staffNoApp')} hint={t('dingtalk.step4')} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={users.data}
          columns={[
            { title: t('dingtalk.user'), dataIndex: 'name' },
            {
              title: t('dingtalk.dingtalkUserId'),
              render: (_: unknown, user: { id: string }) => (
                <Input
                  data-testid={`dingtalk-userid-${user.id}`}
                  placeholder={byUser.get(user.id)?.dingtalkUserId ?? t('dingtalk.notLinked')}
                  value={drafts[user.id] ?? ''}
                  onChange={(e) => setDrafts({ ...drafts, [user.id]: e.target.value })}
                  style={{ maxWidth: 240 }}
                />
              ),
            },
            { title: t('dingtalk.account'), render: (_: unknown, user: { id: string }) => appAccounts.find((a) => a.id === (byUser.get(user.id)?.accountId ?? appAccounts[0]!.id))?.name },
            {
              title: '',
              render: (_: unknown, user: { id: string }) => (
                <Space>
                  <Button size="small" type="primary" onClick={() => save(user.id)} disabled={!(drafts[user.id] ?? '').trim()} data-testid={`dingtalk-link-${user.id}`}>{t('dingtalk.save')}</Button>
                  {byUser.has(user.id) ? <Button size="small" onClick={() => remove(user.id)}>{t('dingtalk.remove')}</Button> : null}
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
  const robots = useDingtalkTeamRobots();
  const actions = useDingtalkAdminActions();
  const [drafts, setDrafts] = useState<Record<string, { webhookUrl?: string; secret?: string }>>({});
  if (teams.isError || robots.isError) return <ErrorState error={teams.error ?? robots.error} onRetry={() => { void teams.refetch(); void robots.refetch(); }} />;
  if (!teams.data || !robots.data) return <Loading />;
  const byTeam = new Map(robots.data.map((r) => [r.teamId, r]));
  const draft = (teamId: string) => drafts[teamId] ?? {};

  async function save(teamId: string, changes: { sandbox?: boolean } = {}) {
    try {
      const webhookUrl = draft(teamId).webhookUrl?.trim();
      const secret = draft(teamId).secret?.trim();
      await actions.setRobot(teamId, byTeam.get(teamId), { ...(webhookUrl ? { webhookUrl } : {}), ...(secret ? { secret } : {}), ...changes });
      setDrafts({ ...drafts, [teamId]: {} });
      message.success(t('channels.saved'));
    } catch (error) {
      message.error(describeError(error, t).message);
    }
  }
  async function remove(teamId: string) {
    try {
      await actions.removeRobot(teamId);
      message.success(t('dingtalk.removed'));
    } catch (error) {
      message.error(describeError(error, t).message);
    }
  }

  return (
    <Card title={t('dingtalk.robotsTitle')}>
      <Typography.Paragraph type="secondary">{t('dingtalk.robotsIntro')}</Typography.Paragraph>
      {teams.data.length === 0 ? (
        <EmptyState title={t('dingtalk.robotsEmpty')} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={teams.data}
          columns={[
            { title: t('dingtalk.team'), dataIndex: 'name' },
            {
              title: t('dingtalk.webhookUrl'),
              render: (_: unknown, team: { id: string }) => (
                <Input.Password
                  data-testid={`dingtalk-robot-url-${team.id}`}
                  placeholder={byTeam.get(team.id)?.webhookSet ? t('dingtalk.kept') : 'https://oapi.dingtalk.com/robot/send?access_token=…'}
                  value={draft(team.id).webhookUrl ?? ''}
                  onChange={(e) => setDrafts({ ...drafts, [team.id]: { ...draft(team.id), webhookUrl: e.target.value } })}
                  style={{ maxWidth: 320 }}
                />
              ),
            },
            {
              title: t('dingtalk.secret'),
              render: (_: unknown, team: { id: string }) => (
                <Input.Password
                  data-testid={`dingtalk-robot-secret-${team.id}`}
                  placeholder={byTeam.get(team.id)?.signed ? t('dingtalk.kept') : 'SEC…'}
                  value={draft(team.id).secret ?? ''}
                  onChange={(e) => setDrafts({ ...drafts, [team.id]: { ...draft(team.id), secret: e.target.value } })}
                  style={{ maxWidth: 240 }}
                />
              ),
            },
            {
              title: t('channels.sandbox'),
              render: (_: unknown, team: { id: string }) => {
                const robot = byTeam.get(team.id);
                if (!robot) return <Typography.Text type="secondary">{t('dingtalk.noRobot')}</Typography.Text>;
                return (
                  <Space>
                    <Checkbox checked={robot.sandbox} onChange={(e) => save(team.id, { sandbox: e.target.checked })}>{robot.sandbox ? <Tag color="orange">{t('channels.sandbox')}</Tag> : null}</Checkbox>
                    {robot.signed ? <Tag color="green">{t('dingtalk.signed')}</Tag> : null}
                  </Space>
                );
              },
            },
            {
              title: '',
              render: (_: unknown, team: { id: string }) => (
                <Space>
                  <Button size="small" type="primary" onClick={() => save(team.id)} disabled={!draft(team.id).webhookUrl?.trim() && !draft(team.id).secret?.trim()} data-testid={`dingtalk-robot-save-${team.id}`}>{t('dingtalk.save')}</Button>
                  {byTeam.has(team.id) ? <Button size="small" onClick={() => remove(team.id)}>{t('dingtalk.remove')}</Button> : null}
                </Space>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
