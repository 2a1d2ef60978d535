import { Card } from 'antd';
import { memo, startTransition, useContext, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmailCcPanel } from '../email/EmailCcPanel.tsx';
import { TicketArticlesPanel } from '../knowledge/TicketArticlesPanel.tsx';
import { WorkOrdersPanel } from '../field-service/WorkOrdersPanel.tsx';
import { afterNextPaint } from './after-next-paint.ts';
import { PresenceNotice } from './PresenceNotice.tsx';
import type { Ticket } from './queries.ts';
import { RequesterPanel } from './RequesterPanel.tsx';
import { SwitchPending } from './SwitchPendingNotice.tsx';

/**
 * Whether the parts of a ticket page that follow its first frame (the side panels: the customer's
 * 360° view, the costliest part of the page to render, CCs, articles; who else is viewing) show
 * ticket `id` yet. After a switch they follow once the new ticket's header, composer and
 * conversation are painted; until then a placeholder, never the previous ticket's customer.
 * Each part follows in its own component, so the transition that brings it renders that part
 * alone, not the whole page again. While a j / k press waits for the next ticket's data, a part
 * not shown yet does not follow: it would be replaced a moment later.
 */
function useFollowing(id: string): boolean {
  const pending = useContext(SwitchPending);
  const [shown, setShown] = useState(id);
  const followed = useRef<string | null>(null);
  useEffect(() => {
    if (shown === id || pending) return;
    return afterNextPaint(() => startTransition(() => setShown(id)));
  }, [id, shown, pending]);
  const follows = shown === id && (!pending || followed.current === id);
  useLayoutEffect(() => {
    if (follows) followed.current = id;
  });
  return follows;
}

// The CC panel renders again only when its ticket changes, not on every render of the panels.
const CcPanel = memo(EmailCcPanel);

/** The ticket page's side column: the customer, the email CCs, the work orders (派工单), the suggested articles. */
export const SidePanels = memo(function SidePanels({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  if (!useFollowing(ticket.id)) {
    return <Card size="small" title={t('ticket.requesterPanel')} loading aria-busy aria-label={t('ticketPage.loadingCustomer')} data-testid="requester-panel-pending" />;
  }
  return (
    <>
      <RequesterPanel ticket={ticket} />
      {ticket.channel === 'email' && <div style={{ marginTop: 16 }}><CcPanel ticketId={ticket.id} /></div>}
      <WorkOrdersPanel ticketId={ticket.id} requesterId={ticket.requester?.id ?? null} />
      <TicketArticlesPanel ticketId={ticket.id} />
    </>
  );
});

/** Presence (who else has it open: a query, a heartbeat, the last ticket's goodbye), joining with the side panels. */
export const FollowingPresence = memo(function FollowingPresence({ ticketId, composing }: { ticketId: string; composing: boolean }) {
  return useFollowing(ticketId) ? <PresenceNotice ticketId={ticketId} composing={composing} /> : null;
});
