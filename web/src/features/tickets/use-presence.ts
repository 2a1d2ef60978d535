import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api, unwrap } from '../../shared/api/client.ts';
import { ticketKeys } from './keys.ts';

export type Viewer = { userId: string; name: string; composing: boolean };

/** One id per browser tab, so two tabs of one agent count as two presences. */
const tabId = crypto.randomUUID();
const heartbeatMs = 10_000;

/**
 * Announce that this tab has the ticket open (and whether the agent is typing a reply) and
 * return the other agents who have it open. The stream tells us when that list changes.
 */
export function usePresence(ticketId: string, composing: boolean): Viewer[] {
  const queryClient = useQueryClient();
  const composingRef = useRef(composing);
  composingRef.current = composing;

  const viewers = useQuery({
    queryKey: ticketKeys.viewers(ticketId),
    queryFn: () => unwrap(api.GET('/api/v1/tickets/{id}/viewers', { params: { path: { id: ticketId } } })).then((r) => r.viewers as Viewer[]),
    staleTime: heartbeatMs,
  });

  // Heartbeats and the final DELETE go out one after another: a beat still in flight must not
  // reach the server after we left and bring this tab back as a ghost viewer for 30 s.
  const beatNow = useRef<() => void>(() => undefined);
  useEffect(() => {
    let stopped = false;
    let queue: Promise<unknown> = Promise.resolve();
    const send = async () => {
      try {
        const result = await unwrap(api.PUT('/api/v1/tickets/{id}/viewers/{tabId}', { params: { path: { id: ticketId, tabId } }, body: { composing: composingRef.current } }));
        if (!stopped) queryClient.setQueryData(ticketKeys.viewers(ticketId), result.viewers as Viewer[]);
      } catch {
        // Presence is a courtesy: a failed heartbeat must not disturb the agent's work.
      }
    };
    const beat = () => {
      if (!stopped) queue = queue.then(send);
    };
    beatNow.current = beat;
    beat();
    const timer = setInterval(beat, heartbeatMs);
    return () => {
      stopped = true;
      beatNow.current = () => undefined;
      clearInterval(timer);
      void queue.then(() => api.DELETE('/api/v1/tickets/{id}/viewers/{tabId}', { params: { path: { id: ticketId, tabId } } })).catch(() => undefined);
    };
  }, [ticketId, queryClient]);

  // Typing started or stopped: tell the others now rather than at the next heartbeat.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    beatNow.current();
  }, [composing]);

  return viewers.data ?? [];
}
