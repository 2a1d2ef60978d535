import { Card } from 'antd';
import { lazy, memo, Suspense, useMemo } from 'react';
import { useMe } from '../../app/session.ts';
// Loaded after the page: it brings the form engine (zod, phone metadata), which a ticket switch must not wait for.
const CustomFieldsPanel = lazy(() => import('../forms/CustomFieldsPanel.tsx').then((module) => ({ default: module.CustomFieldsPanel })));
import { useTicketTypes } from '../forms/queries.ts';
import { useUpdateTicket, type Ticket } from './queries.ts';

/**
 * The ticket's custom fields panel, saved like the header fields: with the version the agent saw
 * (If-Match), so a colleague's change in between is a conflict, not an overwrite.
 */
export const TicketCustomFields = memo(function TicketCustomFields({ ticket }: { ticket: Ticket }) {
  const me = useMe();
  const update = useUpdateTicket(ticket.id);
  const audience = useMemo(() => ({ kind: 'staff' as const, role: me.role }), [me.role]);
  const types = useTicketTypes();
  // Without a type or values the panel only offers to give one: not where no types exist, nor to readers.
  const offersType = ticket.abilities.update && (types.data ?? []).some((type) => type.active && type.currentVersion !== null);
  if (!ticket.type && !Object.keys(ticket.fields).length && !offersType) return null;
  return (
    <Suspense fallback={<Card size="small" loading />}>
      <CustomFieldsPanel
        ticket={ticket}
        editable={ticket.abilities.update}
        audience={audience}
        save={(changes) => update.mutateAsync({ version: ticket.version, changes })}
      />
    </Suspense>
  );
});
