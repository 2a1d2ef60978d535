import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';

/**
 * A merged contact's or organisation's id answers 308 and fetch follows it, so the data that comes
 * back is the survivor's: show it under the survivor's own address (the state tells the page it
 * arrived from a merged record). True while that switch is pending, so the page waits.
 */
export function useFollowMerge<T>(routeId: string, loaded: { id: string; data: T } | undefined, survivorKey: (id: string) => QueryKey, path: (id: string) => string): boolean {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const survivorId = loaded?.id;
  const data = loaded?.data; // stable between renders (the query's data), unlike `loaded`
  useEffect(() => {
    if (data === undefined || !survivorId || survivorId === routeId) return;
    queryClient.setQueryData(survivorKey(survivorId), data);
    navigate(path(survivorId), { replace: true, state: { mergedFrom: routeId } });
  }, [data, survivorId, routeId, navigate, queryClient, survivorKey, path]);
  return Boolean(survivorId && survivorId !== routeId);
}
