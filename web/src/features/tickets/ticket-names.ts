import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client.ts';

/**
 * The names of the users and teams one ticket mentions, for roles without `directory.read`
 * (field engineers): the server answers only for a ticket the caller may see, names only.
 * Keyed by the ticket's version, so a new assignee or team is named after a change.
 */
export function useTicketNames(ticketId: string, version: number, enabled: boolean) {
  return useQuery({
    queryKey: ['tickets', 'names', ticketId, version],
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/tickets/{id}/names', { params: { path: { id: ticketId } } })),
    staleTime: 60_000,
  });
}

export function nameIn(list: readonly { id: string; name: string }[] | undefined, id: string): string | undefined {
  return list?.find((x) => x.id === id)?.name;
}
