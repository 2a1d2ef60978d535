import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database.js';
import { getContactsByIds, listRecords } from '../customers/index.js';
import { describeTicketTypes, listFieldFacts } from '../forms/index.js';
import type { TicketSnapshot } from '../tickets/index.js';
import { presentCalendar } from './calendars.js';
import type { BusinessCalendar } from './calendar/index.js';
import { listPolicies, type PolicyRow } from './policies.js';
import type { PriorityTargets, TargetKind } from './policy-model.js';
import { slaCalendars } from './schema.js';
import { namesCustomFields, selectPolicy, type SelectablePolicy, type TicketFacts } from './select-policy.js';
import { customConditionField, customConditionKey, type SlaConditionField } from './condition-fields.js';
import type { ConditionTypes } from '../../forms/field-kinds.js';

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

/**
 * A ticket's registry fields as policy conditions name them (besides priority, category and
 * channel): team, assignee, requester, tags, creation time, its type's key and every custom value
 * as `fields.<key>`.
 */
export function ticketFieldValues(ticket: TicketSnapshot, typeKey: string | null): Record<string, unknown> {
  const custom = Object.entries(ticket.fields ?? {}).map(([key, value]) => [customConditionKey(key), value]);
  return { team: ticket.teamId, assignee: ticket.assigneeId, requester: ticket.requesterId, tags: ticket.tags ?? [], created: ticket.createdAt.toISOString(), type: typeKey, ...Object.fromEntries(custom) };
}

/** What a ticket's facts need besides the ticket (its requester, its type's key), read once for many tickets. */
export type FactLookups = { contacts: Awaited<ReturnType<typeof getContactsByIds>>; typeKeys: ReadonlyMap<string, string> };

/** The lookups of `tickets` in two queries at most, whatever their number (a batch of ticket events). */
export async function factLookupsOf(db: Db, tickets: readonly TicketSnapshot[]): Promise<FactLookups> {
  const requesterIds = [...new Set(tickets.flatMap((ticket) => (ticket.requesterId ? [ticket.requesterId] : [])))];
  const typeIds = [...new Set(tickets.flatMap((ticket) => (ticket.typeId ? [ticket.typeId] : [])))];
  const contacts = requesterIds.length ? await getContactsByIds(db, requesterIds) : new Map();
  const types = typeIds.length ? await describeTicketTypes(db, typeIds) : new Map<string, { key: string }>();
  return { contacts, typeKeys: new Map([...types].map(([id, type]) => [id, type.key])) };
}

/**
 * A ticket's facts as policies match them: its own fields and its customer's tier, organisation
 * and contracts (`lookups`: its requester and type read beforehand, else read here).
 */
export async function ticketFacts(db: Db, ticket: TicketSnapshot, today: string, lookups?: FactLookups): Promise<TicketFacts> {
  const known = lookups ?? (await factLookupsOf(db, [ticket]));
  const contact = ticket.requesterId ? known.contacts.get(ticket.requesterId) : undefined;
  const organizationId = contact?.organization?.id ?? null;
  const owners = { contactIds: contact ? [contact.id] : [], organizationIds: organizationId ? [organizationId] : [], type: 'contract' };
  const contracts = contact ? await listRecords(db, owners) : [];
  const contractTypes = contracts
    .filter((record) => !record.expiresOn || record.expiresOn >= today)
    .map((record) => record.payload?.contractType ?? record.payload?.type)
    .filter((type): type is string => typeof type === 'string' && type.length > 0);
  const typeKey = ticket.typeId ? (known.typeKeys.get(ticket.typeId) ?? null) : null;
  return { priority: ticket.priority, categoryPath: ticket.categoryPath, customerTier: contact?.tierKey ?? null, channel: ticket.channel, organizationId, contractTypes, fields: ticketFieldValues(ticket, typeKey) };
}

/** The custom fields policies may name, by type only (values were checked against options when the policy was saved): one query, made only when a policy names one. */
export async function customFieldsForSelection(db: Db, policies: readonly SelectablePolicy[], types: ConditionTypes): Promise<SlaConditionField[]> {
  if (!namesCustomFields(policies)) return [];
  return (await listFieldFacts(db, 'ticket')).flatMap((field) => customConditionField(field, {}, types) ?? []);
}

/** The calendar a policy counts in: its own, else whichever calendar is the default. */
export async function loadCalendar(db: Db, calendarId: string | null): Promise<{ id: string; calendar: BusinessCalendar } | null> {
  const [row] = await db.select().from(slaCalendars).where(calendarId ? eq(slaCalendars.id, calendarId) : eq(slaCalendars.isDefault, true));
  return row ? { id: row.id, calendar: presentCalendar(row).calendar } : null;
}

/**
 * The policy that applies to a ticket's facts, or the one chosen for it (null: "no SLA", a normal outcome), chosen over
 * policies and calendars read once for a whole batch of ticket events or a bulk replay: one
 * calendar object each, so it is compiled once.
 */
export async function policyChooser(tx: Tx, types: ConditionTypes): Promise<(facts: TicketFacts, chosenPolicyId?: string) => Promise<AppliedPolicy | null>> {
  const policies = await listPolicies(tx);
  const customFields = await customFieldsForSelection(tx, policies, types);
  const calendars = new Map<string | null, { id: string; calendar: BusinessCalendar } | null>();
  return async (facts, chosenPolicyId) => {
    // A policy chosen for the ticket (apply-policy.ts) wins while it exists and is active.
    const chosen = chosenPolicyId ? policies.find((candidate) => candidate.id === chosenPolicyId && candidate.active) : undefined;
    const policy = chosen ?? selectPolicy(policies, { ...facts, customFields });
    const targets = policy?.targets[facts.priority];
    if (!policy || !targets) return null;
    if (!calendars.has(policy.calendarId)) calendars.set(policy.calendarId, await loadCalendar(tx, policy.calendarId));
    const calendar = calendars.get(policy.calendarId);
    return calendar ? { policy, calendarId: calendar.id, calendar: calendar.calendar, targets } : null;
  };
}
