import { App, Badge, Button, Card, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError } from '../../shared/ui/describe-error.ts';
import { EmptyState, ErrorState } from '../../shared/ui/states.tsx';
import { AdminGate } from '../admin/AdminGate.tsx';
import { useTeams } from '../tickets/queries.ts';
import { useChannelName } from '../tickets/ticket-channels.ts';
import { chatChannelsOf, chatLimitOf } from './chat-limits.ts';
import { useAgents, useAssignmentActions, useQueue, type Agent, type QueueItem } from './queries.ts';

const pageSize = 20;
const colours = { online: 'success', busy: 'error', away: 'warning', offline: 'default' } as const;

/** 分配看板 (supervisors): the queue with its waiting times, each agent's status, load and capacity, pause and resume. */
export default function AssignmentBoardPage() {
  return (
    <AdminGate permission="assignment.manage">
      <Board />
    </AdminGate>
  );
}

function Board() {
  const { t } = useTranslation();
  const teams = useTeams();
  const [teamId, setTeamId] = useState<string | undefined>();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space>
        <Select allowClear style={{ minWidth: 200 }} placeholder={t('assignment.board.allTeams')} aria-label={t('assignment.board.team')} value={teamId} onChange={setTeamId} options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))} />
      </Space>
      <QueueCard teamId={teamId} teamName={(id) => teams.data?.find((team) => team.id === id)?.name ?? ''} />
      <AgentsCard teamId={teamId} />
    </Space>
  );
}

function waited(t: ReturnType<typeof useTranslation>['t'], since: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - new Date(since).getTime()) / 60_000));
  return minutes < 60 ? t('assignment.board.minutes', { count: minutes }) : t('assignment.board.hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

function QueueCard({ teamId, teamName }: { teamId: string | undefined; teamName: (id: string) => string }) {
  const { t } = useTranslation();
  const [limit, setLimit] = useState(pageSize);
  const queue = useQueue(teamId, limit);
  const now = queue.dataUpdatedAt || 0;
  if (queue.isError) return <ErrorState error={queue.error} onRetry={() => queue.refetch()} />;
  return (
    <Card title={`${t('assignment.board.queue')}${queue.data ? ` (${queue.data.total})` : ''}`}>
      {queue.data && queue.data.total === 0 ? (
        <EmptyState title={t('assignment.board.queueEmpty')} hint={t('assignment.board.queueEmptyHint')} />
      ) : (
        <Table<QueueItem>
          rowKey="ticketId"
          size="small"
          data-testid="assignment-queue"
          loading={queue.isLoading}
          dataSource={queue.data?.items ?? []}
          pagination={false}
          columns={[
            { title: t('assignment.board.number'), dataIndex: 'number', render: (number: string, item) => <Link to={`/tickets/${item.ticketId}`}>{number}</Link> },
            { title: t('assignment.board.subject'), dataIndex: 'subject', ellipsis: true },
            { title: t('assignment.board.team'), dataIndex: 'teamId', render: (id: string) => teamName(id) },
            { title: t('assignment.board.reason'), dataIndex: 'reason', render: (reason: QueueItem['reason']) => <Tag>{t(`assignment.board.reasons.${reason}`)}</Tag> },
            { title: t('assignment.board.waiting'), dataIndex: 'queuedAt', render: (at: string) => waited(t, at, now) },
          ]}
          footer={queue.data && queue.data.total > queue.data.items.length ? () => <Button onClick={() => setLimit(Math.min(100, limit + pageSize))} disabled={limit >= 100}>{t('app.loadMore')}</Button> : undefined}
        />
      )}
    </Card>
  );
}

function AgentsCard({ teamId }: { teamId: string | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const agents = useAgents(teamId, { refetchInterval: 15_000 });
  const actions = useAssignmentActions();
  if (agents.isError) return <ErrorState error={agents.error} onRetry={() => agents.refetch()} />;
  const toggle = async (agent: Agent) => {
    try {
      await (agent.paused ? actions.resume(agent) : actions.pause(agent));
      message.success(t(agent.paused ? 'assignment.board.resumed' : 'assignment.board.paused', { name: agent.name }));
    } catch (error) {
      message.error(describeError(error, t).message);
    }
  };
  return (
    <Card title={t('assignment.board.agents')}>
      {agents.data && agents.data.length === 0 ? (
        <EmptyState title={t('assignment.board.agentsEmpty')} />
      ) : (
        <Table<Agent>
          rowKey="userId"
          size="small"
          data-testid="assignment-agents"
          loading={agents.isLoading}
          dataSource={agents.data ?? []}
          pagination={{ pageSize, hideOnSinglePage: true }}
          columns={[
            { title: t('assignment.board.name'), dataIndex: 'name' },
            { title: t('assignment.board.status'), render: (_, agent) => <Space><Badge status={colours[agent.status]} text={t(`assignment.status.${agent.status}`)} />{agent.paused ? <Tag color="orange">{t('assignment.status.paused')}</Tag> : null}</Space> },
            { title: t('assignment.board.load'), render: (_, agent) => <Space orientation="vertical" size={0}><span>{t('assignment.board.loadValue', { open: agent.openCount, capacity: agent.capacity })}</span><ChatLoad agent={agent} /></Space> },
            { title: t('app.actions'), render: (_, agent) => <Button size="small" onClick={() => toggle(agent)} data-testid={`agent-pause-${agent.userId}`}>{agent.paused ? t('assignment.board.resume') : t('assignment.board.pause')}</Button> },
          ]}
        />
      )}
    </Card>
  );
}

/** Open chats per chat channel against the agent's limit for it: 微信 1 / 3 · 企业微信 0 / 2. */
function ChatLoad({ agent }: { agent: Agent }) {
  const { t } = useTranslation();
  const channelName = useChannelName();
  const parts = chatChannelsOf(agent).map((channel) => t('assignment.board.chatLoad', { channel: channelName(channel), open: agent.chatCounts[channel] ?? 0, capacity: chatLimitOf(agent, channel) }));
  return <span style={{ color: '#8c8c8c', fontSize: 12 }} data-testid={`chat-load-${agent.userId}`}>{parts.join(' · ')}</span>;
}
