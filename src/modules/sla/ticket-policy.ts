import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database.js';
import { getContactsByIds, listRecords } from '../customers/index.js';
import type { TicketSnapshot } from '../tickets/index.js';
import { presentCalendar } from './calendars.js';
import type { BusinessCalendar } from './calendar/index.js';
import { listPolicies, type PolicyRow } from './policies.js';
import type { PriorityTargets, TargetKind } from './policy-model.js';
import { slaCalendars } from './schema.js';
import { selectPolicy, type TicketFacts } from './select-policy.js';

/** The policy that applies to a ticket, with the calendar it counts in and its targets for the ticket's priority. */
export type AppliedPolicy = { policy: PolicyRow; calendarId: string; calendar: BusinessCalendar; targets: PriorityTargets };

const targetField: Record<TargetKind, keyof PriorityTargets> = {
  first_response: 'firstResponseMinutes',
  next_response: 'nextResponseMinutes',
  resolution: 'resolutionMinutes',
};

export function targetMinutesOf(applied: AppliedPolicy, target: TargetKind): number | undefined {
  return applied.targets[targetField[target]];
}

/** A ticket's facts as policies match them: its own fields and its customer's tier, organisation and contracts. */
export async function ticketFacts(db: Db | Tx, ticket: TicketSnapshot, today: string): Promise<TicketFacts> {
  const contact = ticket.requesterId ? (await getContactsByIds(db as Db, [ticket.requesterId])).get(ticket.requesterId) : undefined;
  const organizationId = contact?.organization?.id ?? null;
  const owners = { contactIds: contact ? [contact.id] : [], organizationIds: organizationId ? [organizationId] : [], type: 'contract' };
  const contracts = contact ? await listRecords(db as Db, owners) : [];
  const contractTypes = contracts
    .filter((record) => !record.expiresOn || record.expiresOn >= today)
    .map((record) => record.payload?.contractType ?? record.payload?.type)
    .filter((type): type is string => typeof type === 'string' && type.length > 0);
  return { priority: ticket.priority, categoryPath: ticket.categoryPath, customerTier: contact?.tierKey ?? null, channel: ticket.channel, organizationId, contractTypes };
}

/** The calendar a policy counts in: its own, else whichever calendar is the default. */
export async function loadCalendar(db: Db | Tx, calendarId: string | null): Promise<{ id: string; calendar: BusinessCalendar } | null> {
  const [row] = await (db as Db).select().from(slaCalendars).where(calendarId ? eq(slaCalendars.id, calendarId) : eq(slaCalendars.isDefault, true));
  return row ? { id: row.id, calendar: presentCalendar(row).calendar } : null;
}

/** The applied policy for these facts, or null: "no SLA", a normal outcome. */
export async function applyPolicy(db: Db | Tx, facts: TicketFacts): Promise<AppliedPolicy | null> {
  const policy = selectPolicy(await listPolicies(db as Db), facts);
  if (!policy) return null;
  const targets = policy.targets[facts.priority];
  if (!targets) return null;
  const calendar = await loadCalendar(db, policy.calendarId);
  if (!calendar) return null;
  return { policy, calendarId: calendar.id, calendar: calendar.calendar, targets };
}
