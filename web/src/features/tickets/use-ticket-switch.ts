import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useNavigate } from 'react-router';
import { loadTicket, ticketIsLoaded } from './queries.ts';
import { neighbourTicket } from './ticket-navigation.ts';

/**
 * j / k on a ticket page: which ticket shows, and how the page moves to the next one.
 *
 * The next ticket shows at once, as an urgent render finished in one go, and the URL follows
 * through the router, whose navigations are transitions: rendered in 5 ms slices with a frame
 * between them and restarted by any other update (a query answering), which made a switch several
 * times slower than its render on a slow PC. Back/forward and links use the URL alone.
 *
 * It shows once its ticket, timeline and reply plan are in the cache (the page prefetches the
 * neighbours while the agent reads). An agent pressing j before that prefetch answered keeps the
 * current ticket, marked busy, until it has: showing the page's loading state instead unmounted
 * the whole ticket page and mounted it again with the data (every select, the composer, the
 * timeline: twice the work of a switch at 4× CPU throttle), and flashed a spinner.
 */
export function useTicketSwitch(routeId: string) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [switched, setSwitched] = useState<{ from: string; to: string } | null>(null);
  // Once the URL has caught up the route decides again (so Back to `from` shows `from`).
  if (switched && switched.to === routeId) setSwitched(null);
  const id = switched?.from === routeId ? switched.to : routeId;
  // What the page shows now, read when a switch's data has loaded: if the agent went elsewhere
  // meanwhile (Back, a link, another page), that switch is dropped.
  const shown = useRef<{ id: string; routeId: string } | null>(null);
  useLayoutEffect(() => {
    shown.current = { id, routeId };
  });
  useEffect(() => () => void (shown.current = null), []);
  // The switch waiting for its data (`from`: the ticket shown when it was asked for); a later
  // press replaces it.
  const waiting = useRef<{ from: string; to: string } | null>(null);
  const [loading, setLoading] = useState<{ from: string; to: string } | null>(null);

  const show = useCallback(
    (to: string) => {
      const route = shown.current?.routeId ?? routeId;
      setLoading(null);
      setSwitched({ from: route, to });
      navigate(`/tickets/${to}`);
    },
    [routeId, navigate],
  );
  // A switch whose data arrived later renders as urgently as one from a key press: outside an event
  // React would render it at default priority and run its effects (the mark of the first paint,
  // the neighbours' prefetch) only after the transitions already under way (the side panels).
  const showNow = useCallback((to: string) => flushSync(() => show(to)), [show]);
  /** Move `step` tickets along the list the agent came from (on from the ticket a press is loading). */
  const switchBy = useCallback(
    (step: 1 | -1) => {
      const target = neighbourTicket(waiting.current?.to ?? id, step);
      if (!target) return;
      if (target === id) {
        // Back to the ticket shown (k after a j still loading): stay, and drop that switch.
        waiting.current = null;
        setLoading(null);
        return;
      }
      if (ticketIsLoaded(queryClient, target)) {
        waiting.current = null;
        show(target);
        return;
      }
      const request = { from: id, to: target };
      waiting.current = request;
      setLoading(request);
      // A ticket gone or forbidden shows its error once opened, as a link to it would.
      void loadTicket(queryClient, target)
        .catch(() => undefined)
        .then(() => {
          if (waiting.current !== request) return;
          waiting.current = null;
          if (shown.current?.id === request.from) showNow(request.to);
          else setLoading(null);
        });
    },
    [id, queryClient, show, showNow],
  );
  return { id, switchBy, pending: loading !== null && loading.from === id };
}
