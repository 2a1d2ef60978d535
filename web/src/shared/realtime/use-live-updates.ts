import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { staleAfterWorkOrderChange, workOrderChangeEvent } from '../../features/field-service/dispatch/dispatch-api.ts';
import { notificationKeys } from '../../features/notifications/keys.ts';
import { ticketKeys } from '../../features/tickets/keys.ts';

type StreamTicketEvent = { ticketId: string; type: string; actorId: string | null; eventId: number };

const listRefreshMs = 300;
const countsRefreshMs = 5_000;

/**
 * One EventSource per signed-in tab: the server streams committed ticket events (from every
 * server process) and presence changes; we refresh exactly the queries they affect. EventSource
 * reconnects by itself after a dropped connection, but gives up for good on an HTTP error (a 502
 * during a deploy): then we open a new one with backoff and refresh everything once reconnected.
 */
export function useLiveUpdates(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    let source: EventSource | undefined;
    let stopped = false;
    let retryDelay = 1_000;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let listTimer: ReturnType<typeof setTimeout> | undefined;
    let countsTimer: ReturnType<typeof setTimeout> | undefined;
    // Lists change in bursts (bulk updates): refresh them at most every 300 ms; counts cost one
    // query per view on the server, so at most every 5 s.
    const refreshLists = () => {
      listTimer ??= setTimeout(() => {
        listTimer = undefined;
        void queryClient.invalidateQueries({ queryKey: ticketKeys.lists() });
      }, listRefreshMs);
      countsTimer ??= setTimeout(() => {
        countsTimer = undefined;
        void queryClient.invalidateQueries({ queryKey: ticketKeys.counts() });
      }, countsRefreshMs);
    };

    const connect = () => {
      const current = new EventSource('/api/v1/stream');
      source = current;
      current.addEventListener('ticket', (message) => {
        const event = JSON.parse((message as MessageEvent<string>).data) as StreamTicketEvent;
        void queryClient.invalidateQueries({ queryKey: ticketKeys.detail(event.ticketId) });
        void queryClient.invalidateQueries({ queryKey: ticketKeys.timeline(event.ticketId) });
        // A work order changed (another dispatcher's drag, an engineer's accept): the 派工台 refetches.
        if (event.type === workOrderChangeEvent) void queryClient.invalidateQueries(staleAfterWorkOrderChange);
        refreshLists();
      });
      // After a long disconnection the server cannot replay what we missed: refresh everything.
      current.addEventListener('ready', (message) => {
        retryDelay = 1_000;
        const { resync } = JSON.parse((message as MessageEvent<string>).data) as { resync: boolean };
        if (resync) void queryClient.invalidateQueries();
      });
      // The user's own notifications arrived or were read (the server sends only theirs): the bell and inbox refresh.
      current.addEventListener('notification', () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }));
      current.addEventListener('presence', (message) => {
        const { ticketId } = JSON.parse((message as MessageEvent<string>).data) as { ticketId: string };
        void queryClient.invalidateQueries({ queryKey: ticketKeys.viewers(ticketId) });
      });
      current.onerror = () => {
        if (current.readyState !== EventSource.CLOSED || stopped) return;
        retryTimer = setTimeout(() => {
          if (stopped) return;
          void queryClient.invalidateQueries();
          connect();
        }, retryDelay);
        retryDelay = Math.min(retryDelay * 2, 30_000);
      };
    };
    connect();
    return () => {
      stopped = true;
      source?.close();
      clearTimeout(retryTimer);
      clearTimeout(listTimer);
      clearTimeout(countsTimer);
    };
  }, [queryClient]);
}
