import { invalidField } from '../../app/errors.js';
import type { Db } from '../../db/database.js';
import type { Actor } from '../auth/index.js';
import { uuidPattern } from './get-ticket.js';
import { findOwnSavedView, listSavedViews, type SavedView } from './saved-views.js';
import type { TicketFilters } from './ticket-filters.js';
import type { TicketSort } from './ticket-sort.js';
import { openStatuses, ticketStatuses, type TicketStatus } from './ticket-status.js';

/**
 * Ticket views (queues). The built-in ones are defined here and nowhere else; their filters are
 * relative to the caller (`me`, `mine`), so the same definition serves every agent. Saved views
 * are personal (saved-views.ts).
 */
const resolvedStatuses: TicketStatus[] = ticketStatuses.filter((s) => !openStatuses.includes(s));
const unresolved: TicketStatus[] = [...openStatuses];

export const builtinViews = [
  { key: 'mine', nameZh: '我的工单', nameEn: 'My tickets', filters: { assigneeId: 'me', status: unresolved }, sort: 'priority' },
  { key: 'unassigned', nameZh: '未分配', nameEn: 'Unassigned', filters: { assigneeId: 'none', status: unresolved }, sort: 'createdAt' },
  { key: 'my_teams', nameZh: '我的团队', nameEn: 'My teams', filters: { teamId: 'mine', status: unresolved }, sort: 'priority' },
  { key: 'open', nameZh: '全部未解决', nameEn: 'All unsolved', filters: { status: unresolved }, sort: '-updatedAt' },
  { key: 'due_soon', nameZh: '即将超时', nameEn: 'Due soon', filters: { sla: 'due_soon', status: unresolved }, sort: 'slaDueAt' },
  { key: 'breached', nameZh: '已超时', nameEn: 'Overdue', filters: { sla: 'breached', status: unresolved }, sort: 'slaDueAt' },
  { key: 'solved', nameZh: '已解决', nameEn: 'Solved', filters: { status: resolvedStatuses }, sort: '-updatedAt' },
] as const satisfies ReadonlyArray<{ key: string; nameZh: string; nameEn: string; filters: TicketFilters; sort: TicketSort }>;

export type BuiltinViewKey = (typeof builtinViews)[number]['key'];
export const builtinViewKeys = builtinViews.map((v) => v.key) as [BuiltinViewKey, ...BuiltinViewKey[]];

/** A view as the API shows it: built-in (id = key) or saved (id = uuid). */
export type TicketViewDefinition =
  | { id: string; kind: 'builtin'; key: BuiltinViewKey; nameZh: string; nameEn: string; filters: TicketFilters; sort: TicketSort }
  | ({ kind: 'saved' } & SavedView);

function builtin(view: (typeof builtinViews)[number]): TicketViewDefinition {
  return { id: view.key, kind: 'builtin', key: view.key, nameZh: view.nameZh, nameEn: view.nameEn, filters: structuredClone(view.filters) as TicketFilters, sort: view.sort };
}

/** Every view the caller has: the built-in ones first, then their saved ones in their order. */
export async function listTicketViews(db: Db, actor: Actor): Promise<TicketViewDefinition[]> {
  const saved = await listSavedViews(db, actor);
  return [...builtinViews.map(builtin), ...saved.map((v) => ({ kind: 'saved' as const, ...v }))];
}

/**
 * A view reference from a request (built-in key or own saved view id) → its filters and sort.
 * Someone else's view, or none, is a 400 naming `field`.
 */
export async function resolveView(db: Db, actor: Actor, ref: string, field: string): Promise<TicketViewDefinition> {
  const found = builtinViews.find((v) => v.key === ref);
  if (found) return builtin(found);
  const saved = uuidPattern.test(ref) ? await findOwnSavedView(db, actor, ref) : null;
  if (!saved) throw invalidField(field, 'ticket_view.not_found');
  return { kind: 'saved', ...saved };
}
