/**
 * Ticket lifecycle: new → open → pending ⇄ open → resolved → closed. A resolved ticket may be
 * reopened; a closed ticket is final (a follow-up becomes a new ticket).
 */
export const ticketStatuses = ['new', 'open', 'pending', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

const allowedTransitions: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['open', 'pending', 'resolved', 'closed'],
  open: ['pending', 'resolved', 'closed'],
  pending: ['open', 'resolved', 'closed'],
  resolved: ['open', 'closed'],
  closed: [],
};

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return from === to || allowedTransitions[from].includes(to);
}

export const openStatuses: readonly TicketStatus[] = ['new', 'open', 'pending'];
