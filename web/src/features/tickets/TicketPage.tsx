import { ArrowLeftOutlined, EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Grid, Row, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isTyping } from '../../app/Shell.tsx';
import { useMe } from '../../app/session.ts';
import { ApiError } from '../../shared/api/client.ts';
import { ErrorState, Loading } from '../../shared/ui/states.tsx';
import { SlaBadge } from '../sla/SlaBadge.tsx';
import { Composer } from './Composer.tsx';
import type { DraftMode } from './drafts.ts';
import type { Lookups } from './describe-change.ts';
import { nameIn, useTicketNames } from './ticket-names.ts';
import { prefetchTicket, useCategories, usePriorities, useTeams, useTicket, useTimeline, useUsers, type Ticket } from './queries.ts';
import { RequesterPanel } from './RequesterPanel.tsx';
import { shortcutFor } from './shortcuts.ts';
import { StatusTag } from './tags.tsx';
import { TicketFields } from './TicketFields.tsx';
import { neighbourTicket } from './ticket-navigation.ts';
import { Timeline } from './Timeline.tsx';
import { usePresence } from './use-presence.ts';
import { EmailCcPanel } from '../email/EmailCcPanel.tsx';

export default function TicketPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const ticket = useTicket(id);
  if (ticket.isPending) return <Loading />;
  if (ticket.isError) {
    const notFound = ticket.error instanceof ApiError && ticket.error.status === 404;
    return notFound ? <ErrorState notFound /> : <ErrorState error={ticket.error} onRetry={() => ticket.refetch()} />;
  }
  // Not keyed by ticket: switching tickets updates the mounted page instead of rebuilding it.
  return <TicketWorkspace ticket={ticket.data} title={t('ticket.timeline')} />;
}

function TicketWorkspace({ ticket, title }: { ticket: Ticket; title: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const screens = Grid.useBreakpoint();
  const timeline = useTimeline(ticket.id);
  const users = useUsers(me.permissions.includes('directory.read'));
  const teams = useTeams(me.permissions.includes('directory.read'));
  // Without the directory (field engineers), the names this ticket mentions.
  const names = useTicketNames(ticket.id, ticket.version, !me.permissions.includes('directory.read'));
  const categories = useCategories();
  const priorities = usePriorities();
  const [composing, setComposing] = useState(false);
  const [focusRequest, setFocusRequest] = useState<{ mode: DraftMode; n: number } | null>(null);
  const viewers = usePresence(ticket.id, composing).filter((v) => v.userId !== me.id);
  const onComposingChange = useCallback((value: boolean) => setComposing(value), []);
  const zh = i18n.language === 'zh-CN';

  const lookups: Lookups = useMemo(
    () => ({
      userName: (userId) => users.data?.find((u) => u.id === userId)?.name ?? nameIn(names.data?.users, userId),
      teamName: (teamId) => teams.data?.find((x) => x.id === teamId)?.name ?? nameIn(names.data?.teams, teamId),
      categoryName: (categoryId) => {
        const found = categories.data?.find((c) => c.id === categoryId);
        return found ? (zh ? found.nameZh : found.nameEn || found.nameZh) : undefined;
      },
      priorityName: (key) => {
        const found = priorities.data?.find((p) => p.key === key);
        return found ? (zh ? found.nameZh : found.nameEn) : undefined;
      },
    }),
    [users.data, teams.data, names.data, categories.data, priorities.data, zh],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = shortcutFor({ key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, typing: isTyping(event.target) });
      if (!action || action === 'help') return;
      event.preventDefault();
      if (action === 'next' || action === 'previous') {
        const target = neighbourTicket(ticket.id, action === 'next' ? 1 : -1);
        if (target) navigate(`/tickets/${target}`);
      } else setFocusRequest((current) => ({ mode: action, n: (current?.n ?? 0) + 1 }));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ticket.id, navigate]);

  // The neighbours in the list are where `j`/`k` go next: load them now so the switch is instant.
  const queryClient = useQueryClient();
  useEffect(() => {
    for (const step of [1, -1] as const) {
      const neighbour = neighbourTicket(ticket.id, step);
      if (neighbour) prefetchTicket(queryClient, neighbour);
    }
  }, [ticket.id, queryClient]);

  // Marks for the ticket-switch benchmark (bench/web-console.bench.ts).
  useEffect(() => {
    if (timeline.data) performance.mark(`opencsm:ticket-rendered:${ticket.id}`);
  }, [timeline.data, ticket.id]);

  const others = viewers.map((v) => v.name);
  const typing = viewers.filter((v) => v.composing).map((v) => v.name);
  const wide = Boolean(screens.lg);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small">
        <Space direction="vertical" style={{ width: '100%' }} size={4}>
          <Space wrap size={8}>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('nav.back')} />
            <Typography.Text code data-testid="ticket-number">
              {ticket.number}
            </Typography.Text>
            <StatusTag status={ticket.status} />
            <Tag>{t(`channel.${ticket.channel}`, { defaultValue: ticket.channel })}</Tag>
            <SlaBadge sla={ticket.sla} all />
            <Typography.Text type="secondary">{t('ticket.createdAt', { time: dayjs(ticket.createdAt).format('YYYY-MM-DD HH:mm') })}</Typography.Text>
          </Space>
          <Typography.Title level={4} style={{ margin: 0, wordBreak: 'break-word' }} data-testid="ticket-subject">
            {ticket.subject}
          </Typography.Title>
          {others.length ? (
            <Alert
              type={typing.length ? 'warning' : 'info'}
              showIcon
              icon={<EyeOutlined />}
              data-testid="presence-notice"
              title={typing.length ? t('ticket.composing', { names: typing.join('、') }) : t('ticket.viewers', { names: others.join('、') })}
            />
          ) : null}
          <TicketFields ticket={ticket} vertical={!screens.sm} />
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={17}>
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            {ticket.description && !openingRepeatsDescription(timeline.data?.items, ticket.description) ? (
              <Card size="small" title={t('ticket.description')}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{ticket.description}</Typography.Paragraph>
              </Card>
            ) : null}
            <Composer ticketId={ticket.id} canReply={ticket.abilities.reply} canNote={ticket.abilities.note} focusRequest={focusRequest} onComposingChange={onComposingChange} />
            <Card size="small" title={title}>
              {timeline.isPending ? <Loading /> : timeline.isError ? <ErrorState error={timeline.error} onRetry={() => timeline.refetch()} /> : <Timeline entries={[...timeline.data.items].reverse()} lookups={lookups} />}
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={7} style={wide ? { position: 'sticky', top: 80, alignSelf: 'flex-start' } : undefined}>
          <RequesterPanel ticket={ticket} />
          {ticket.channel === 'email' && <div style={{ marginTop: 16 }}><EmailCcPanel ticketId={ticket.id} /></div>}
        </Col>
      </Row>
    </Space>
  );
}

/** An inbound ticket's opening message (on the timeline, with its files and HTML) already shows the unedited description. */
function openingRepeatsDescription(items: Array<{ type: string; message: { body: string } | null }> | undefined, description: string): boolean {
  return Boolean(items?.some((entry) => entry.type === 'created' && entry.message?.body === description));
}
