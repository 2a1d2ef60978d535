import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Col, Grid, Row, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useTicketSwitch } from './use-ticket-switch.ts';
import { SwitchPending, SwitchPendingNotice } from './SwitchPendingNotice.tsx';
import { isTyping } from '../../app/Shell.tsx';
import { useMe } from '../../app/session.ts';
import { ErrorState, Loading } from '../../shared/ui/states.tsx';
import { SlaBadge } from '../sla/SlaBadge.tsx';
import { Composer } from './Composer.tsx';
import type { DraftMode } from './drafts.ts';
import type { Lookups } from './describe-change.ts';
import { useChannelName } from './ticket-channels.ts';
import { nameIn, useTicketNames } from './ticket-names.ts';
import { prefetchTicket, useCategories, usePriorities, useTeams, useTicket, useTimeline, useUsers, type Ticket } from './queries.ts';
import { shortcutFor } from './shortcuts.ts';
import { StatusTag } from './tags.tsx';
import { TicketFields } from './TicketFields.tsx';
import { neighbourTicket } from './ticket-navigation.ts';
import { Timeline } from './Timeline.tsx';
import { afterNextPaint } from './after-next-paint.ts';
import { FollowingPresence, SidePanels } from './FollowingPanels.tsx';
import { TicketCustomFields } from './TicketCustomFields.tsx';
import { ProcessPanel } from '../workflow/ticket/ProcessPanel.tsx';
import { ReplyWindowTag } from './ReplyWindowTag.tsx';
import { sandboxConversation } from './sandbox-conversation.ts';
import { useTicketFields, useTicketTypes } from '../forms/queries.ts';
import { labelIn } from '../forms/field-labels.ts';

export default function TicketPage() {
  const { id: routeId = '' } = useParams();
  const { t } = useTranslation();
  // j / k: which ticket shows while the URL catches up, and whether a press waits for its data.
  const { id, switchBy, pending } = useTicketSwitch(routeId);
  const ticket = useTicket(id);
  if (ticket.isPending) return <Loading />;
  if (ticket.isError) return <ErrorState error={ticket.error} onRetry={() => ticket.refetch()} />;
  // Not keyed by ticket: switching tickets updates the mounted page instead of rebuilding it.
  return (
    <SwitchPending.Provider value={pending}>
      <TicketWorkspace ticket={ticket.data} title={t('ticket.timeline')} switchBy={switchBy} />
    </SwitchPending.Provider>
  );
}

// Memoised: a press waiting for the next ticket renders only its notice (SwitchPendingNotice).
const TicketWorkspace = memo(function TicketWorkspace({ ticket, title, switchBy }: { ticket: Ticket; title: string; switchBy: (step: 1 | -1) => void }) {
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
  const onComposingChange = useCallback((value: boolean) => setComposing(value), []);
  const zh = i18n.language === 'zh-CN';
  // Custom field changes on the timeline read with the registry's labels (archived fields too).
  const registry = useTicketFields();
  const types = useTicketTypes();
  const channelNameOf = useChannelName();

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
      customField: (key) => registry.data?.find((field) => field.key === key && !field.builtIn),
      language: i18n.language,
      typeName: (key) => {
        const found = types.data?.find((type) => type.key === key);
        return found ? labelIn(found.label, i18n.language) : undefined;
      },
      channelName: channelNameOf,
    }),
    [users.data, teams.data, names.data, categories.data, priorities.data, zh, registry.data, i18n.language, types.data, channelNameOf],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = shortcutFor({ key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, typing: isTyping(event.target) });
      if (!action || action === 'help') return;
      event.preventDefault();
      if (action === 'next' || action === 'previous') switchBy(action === 'next' ? 1 : -1);
      else setFocusRequest((current) => ({ mode: action, n: (current?.n ?? 0) + 1 }));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [switchBy]);

  // The neighbours in the list are where `j`/`k` go next: load them into the cache while the
  // agent reads this one (the effect runs after this ticket painted), so the next switch renders
  // from the cache without waiting for the network.
  // After the paint: effects of a key press run before the browser paints (React flushes them with
  // the urgent render), so a prefetch started here would delay the switch it prepares for.
  const queryClient = useQueryClient();
  useEffect(
    () =>
      afterNextPaint(() => {
        for (const step of [1, -1] as const) {
          const neighbour = neighbourTicket(ticket.id, step);
          if (neighbour) prefetchTicket(queryClient, neighbour);
        }
      }),
    [ticket.id, queryClient],
  );

  // Newest first, computed once per timeline (not on every render of the page).
  const entries = useMemo(() => (timeline.data ? [...timeline.data.items].reverse() : []), [timeline.data]);
  const sandbox = useMemo(() => sandboxConversation(entries, ticket.channel), [entries, ticket.channel]);

  // For the ticket-switch benchmark (bench/web-console.bench.ts): the first frame showing this
  // ticket's timeline has been painted. A layout effect, so it is queued before the effects of the
  // parts that follow (FollowingPanels.tsx: children's effects run before their parent's).
  useLayoutEffect(() => {
    if (!timeline.data) return;
    return afterNextPaint(() => performance.mark(`opencsm:ticket-rendered:${ticket.id}`));
  }, [timeline.data, ticket.id]);

  const wide = Boolean(screens.lg);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="ticket-workspace">
      <Card size="small">
        <Space direction="vertical" style={{ width: '100%' }} size={4}>
          <Space wrap size={8}>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('nav.back')} />
            <Typography.Text code data-testid="ticket-number">
              {ticket.number}
            </Typography.Text>
            <StatusTag status={ticket.status} />
            <Tag data-testid="ticket-channel">{channelNameOf(ticket.channel)}</Tag>
            <ReplyWindowTag ticketId={ticket.id} channel={ticket.channel} sandboxConversation={sandbox} />
            <SlaBadge sla={ticket.sla} all />
            <Typography.Text type="secondary">{t('ticket.createdAt', { time: dayjs(ticket.createdAt).format('YYYY-MM-DD HH:mm') })}</Typography.Text>
            {/* j / k pressed before the next ticket's data arrived: this one stays until it has. */}
            <SwitchPendingNotice />
          </Space>
          <Typography.Title level={4} style={{ margin: 0, wordBreak: 'break-word' }} data-testid="ticket-subject">
            {ticket.subject}
          </Typography.Title>
          {/* Presence (who else has it open: a query, a heartbeat, the last ticket's goodbye) joins with the side panels, after the first paint. */}
          <FollowingPresence ticketId={ticket.id} composing={composing} />
          <TicketFields ticket={ticket} vertical={!screens.sm} />
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={17}>
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            {ticket.description && !openingRepeatsDescription(entries, ticket.description) ? (
              <Card size="small" title={t('ticket.description')}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{ticket.description}</Typography.Paragraph>
              </Card>
            ) : null}
            <ProcessPanel ticket={ticket} />
            <TicketCustomFields ticket={ticket} />
            <Composer ticketId={ticket.id} canReply={ticket.abilities.reply} canNote={ticket.abilities.note} focusRequest={focusRequest} onComposingChange={onComposingChange} />
            <Card size="small" title={title}>
              {timeline.isPending ? <Loading /> : timeline.isError ? <ErrorState error={timeline.error} onRetry={() => timeline.refetch()} /> : <Timeline ticketId={ticket.id} entries={entries} lookups={lookups} />}
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={7} style={wide ? { position: 'sticky', top: 80, alignSelf: 'flex-start' } : undefined}>
          <SidePanels ticket={ticket} />
        </Col>
      </Row>
    </Space>
  );
});

/** An inbound ticket's opening message (on the timeline, with its files and HTML) already shows the unedited description. */
function openingRepeatsDescription(items: Array<{ type: string; message: { body: string } | null }> | undefined, description: string): boolean {
  return Boolean(items?.some((entry) => entry.type === 'created' && entry.message?.body === description));
}
