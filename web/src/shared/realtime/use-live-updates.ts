import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ticketKeys } from '../../features/tickets/keys.ts';

type StreamTicketEvent = { ticketId: string; type: string; actorId: string | null; eventId: number };

/**
 * One EventSource per signed-in tab: the server streams committed ticket events (from every
 * server process) and presence changes; we refresh exactly the queries they affect.
 * EventSource reconnects by itself and resumes from the last event id.
 */
export function useLiveUpdates(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const source = new EventSource('/api/v1/stream');
    let pendingLists = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Lists and counts change in bursts (bulk updates): refresh them at most every 300 ms.
    const flushLists = () => {
      timer = undefined;
      if (!pendingLists) return;
      pendingLists = false;
      void queryClient.invalidateQueries({ queryKey: ticketKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: ticketKeys.counts() });
    };
    source.addEventListener('ticket', (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as StreamTicketEvent;
      void queryClient.invalidateQueries({ queryKey: ticketKeys.detail(event.ticketId) });
      void queryClient.invalidateQueries({ queryKey: ticketKeys.timeline(event.ticketId) });
      pendingLists = true;
      timer ??= setTimeout(flushLists, 300);
    });
    // After a long disconnection the server cannot replay what we missed: refresh everything.
    source.addEventListener('ready', (message) => {
      const { resync } = JSON.parse((message as MessageEvent<string>).data) as { resync: boolean };
      if (resync) void queryClient.invalidateQueries();
    });
    source.addEventListener('presence', (message) => {
      const { ticketId } = JSON.parse((message as MessageEvent<string>).data) as { ticketId: string };
      void queryClient.invalidateQueries({ queryKey: ticketKeys.viewers(ticketId) });
    });
    return () => {
      source.close();
      if (timer) clearTimeout(timer);
    };
  }, [queryClient]);
}
