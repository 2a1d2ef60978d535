import { memo, useMemo } from 'react';
import { useMe } from '../../app/session.ts';
import { CustomFieldsPanel } from '../forms/CustomFieldsPanel.tsx';
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
    <CustomFieldsPanel
      ticket={ticket}
      editable={ticket.abilities.update}
      audience={audience}
      save={(changes) => update.mutateAsync({ version: ticket.version, changes })}
    />
  );
});
