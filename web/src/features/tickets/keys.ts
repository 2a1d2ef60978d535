/** Query keys of the tickets feature, in one factory so invalidation is explicit and complete. */
export const ticketKeys = {
  all: ['tickets'] as const,
  lists: () => [...ticketKeys.all, 'list'] as const,
  list: (params: Record<string, unknown>) => [...ticketKeys.lists(), params] as const,
  counts: () => [...ticketKeys.all, 'counts'] as const,
  views: () => [...ticketKeys.all, 'views'] as const,
  detail: (id: string) => [...ticketKeys.all, 'detail', id] as const,
  timeline: (id: string) => [...ticketKeys.all, 'timeline', id] as const,
  viewers: (id: string) => [...ticketKeys.all, 'viewers', id] as const,
  /** Under the ticket's detail key: every live update of the ticket refreshes it too. */
  replyPlan: (id: string) => [...ticketKeys.detail(id), 'reply-plan'] as const,
  requesterTickets: (contactId: string) => [...ticketKeys.all, 'requester', contactId] as const,
  directory: ['directory'] as const,
  users: () => [...ticketKeys.directory, 'users'] as const,
  teams: () => [...ticketKeys.directory, 'teams'] as const,
  categories: () => ['taxonomy', 'categories'] as const,
  priorities: () => ['taxonomy', 'priorities'] as const,
  /** The installed channels: they change only with a server restart. */
  channels: () => ['taxonomy', 'ticket-channels'] as const,
  /** Names of system actors (自动分配, SLA 升级, a rule) by id. */
  actorNames: (ids: readonly string[]) => ['actor-names', ...ids] as const,
};
