import type { EnvelopeOf } from '../../jobs/event-definition.js';
import { businessMinutesBetween, type BusinessCalendar, slaBreached } from '../sla/index.js';
import type { surveyAnswered, surveyDelivered } from '../surveys/index.js';
import type { ticketCreated, ticketMessageAdded, ticketUpdated } from '../tickets/index.js';
import { bucketOf, resolutionBucket, type Measure } from './measures.js';

export type ReportEvent =
  | EnvelopeOf<typeof ticketCreated>
  | EnvelopeOf<typeof ticketUpdated>
  | EnvelopeOf<typeof ticketMessageAdded>
  | EnvelopeOf<typeof slaBreached>
  | EnvelopeOf<typeof surveyDelivered>
  | EnvelopeOf<typeof surveyAnswered>;

/** The dimensions a fact is counted under. */
export type Dimensions = {
  teamId: string | null;
  agentId: string | null;
  channel: string | null;
  type: string | null;
  categoryId: string | null;
  priority: string | null;
  fields: Record<string, string>;
};

/** What reporting remembers of a ticket between events (a `report_tickets` row). */
export type TicketState = Dimensions & {
  ticketId: string;
  createdAt: Date;
  status: string;
  firstResponseAt: Date | null;
  agentReplies: number;
  resolutions: number;
  breached: boolean;
  lastEventId: number;
};

export type Fact = Dimensions & {
  eventId: number;
  measure: Measure;
  ticketId: string | null;
  occurredAt: Date;
  value: number;
  bucket: number;
  agentReplies: number | null;
  nth: number | null;
  imported: boolean;
};

/** What a created ticket's event does not say, read once per batch from the ticket. */
export type CreatedExtras = { categoryId: string | null };

export type FoldInput = {
  events: readonly ReportEvent[];
  states: Map<string, TicketState>;
  extras: Map<string, CreatedExtras>;
  /** Keys of the ticket's custom select fields: the only custom values facts are grouped by. */
  selectKeys: ReadonlySet<string>;
  calendar: BusinessCalendar;
};

const openStatuses = new Set(['new', 'open', 'pending']);
const closedStatuses = new Set(['resolved', 'closed']);

/** Custom select values as strings, the others left out (free text would explode the rollups). */
export function selectValues(fields: Record<string, unknown> | undefined, selectKeys: ReadonlySet<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields ?? {})) if (selectKeys.has(key) && typeof value === 'string' && value !== '') out[key] = value;
  return out;
}

const dimensionsOf = (state: TicketState): Dimensions => ({
  teamId: state.teamId, agentId: state.agentId, channel: state.channel, type: state.type, categoryId: state.categoryId, priority: state.priority, fields: state.fields,
});

const asText = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * Turn events (in the order recorded) into facts and the tickets' new states. Pure: the batch
 * handler reads the states before and writes both after. An event about a ticket reporting never
 * saw created (it predates reporting and no backfill ran) gives no ticket facts.
 */
export function foldEvents({ events, states, extras, selectKeys, calendar }: FoldInput): { facts: Fact[]; changed: Set<string> } {
  const facts: Fact[] = [];
  const changed = new Set<string>();
  const ordered = [...events].sort((a, b) => a.eventId - b.eventId);
  for (const event of ordered) {
    const at = new Date(event.occurredAt);
    const imported = event.cause.startsWith('import:');
    const fact = (measure: Measure, dims: Dimensions, ticketId: string | null, value = 1, extra: { agentReplies?: number; nth?: number; bucket?: number } = {}) =>
      facts.push({ eventId: event.eventId, measure, ticketId, occurredAt: at, value, bucket: extra.bucket ?? bucketOf(measure, value), agentReplies: extra.agentReplies ?? null, nth: extra.nth ?? null, imported, ...dims });
    const durations = (prefix: 'first_response' | 'resolution', state: TicketState, extra: { agentReplies?: number; nth?: number } = {}) => {
      const seconds = Math.max(0, (at.getTime() - state.createdAt.getTime()) / 1000);
      const business = Math.max(0, businessMinutesBetween(calendar, state.createdAt, at) * 60);
      fact(`${prefix}.calendar`, dimensionsOf(state), state.ticketId, seconds, extra);
      fact(`${prefix}.business`, dimensionsOf(state), state.ticketId, business, extra);
    };

    switch (event.type) {
      case 'ticket.created': {
        if (states.has(event.aggregateId)) break; // replayed
        const p = event.payload;
        const state: TicketState = {
          ticketId: event.aggregateId, createdAt: at, status: 'new', teamId: p.teamId, agentId: p.assigneeId, channel: p.channel, type: p.type ?? null,
          categoryId: extras.get(event.aggregateId)?.categoryId ?? null, priority: p.priority, fields: selectValues(p.fields, selectKeys),
          firstResponseAt: null, agentReplies: 0, resolutions: 0, breached: false, lastEventId: event.eventId,
        };
        states.set(state.ticketId, state);
        changed.add(state.ticketId);
        fact('created', dimensionsOf(state), state.ticketId);
        break;
      }
      case 'ticket.message_added': {
        const state = states.get(event.aggregateId);
        if (!state || event.eventId <= state.lastEventId || event.payload.internal) break;
        state.lastEventId = event.eventId;
        changed.add(state.ticketId);
        if (event.payload.authorUserId && event.cause !== 'customer') {
          state.agentReplies += 1;
          fact('reply.agent', { ...dimensionsOf(state), agentId: event.payload.authorUserId }, state.ticketId);
          if (!state.firstResponseAt) {
            state.firstResponseAt = at;
            durations('first_response', state);
          }
        } else if (event.cause === 'customer') fact('reply.customer', dimensionsOf(state), state.ticketId);
        break;
      }
      case 'ticket.updated': {
        const state = states.get(event.aggregateId);
        if (!state || event.eventId <= state.lastEventId) break;
        state.lastEventId = event.eventId;
        changed.add(state.ticketId);
        const changes = event.payload.changes ?? {};
        // Dimensions first: a change made with the resolution counts under its new values.
        if (changes.teamId) state.teamId = asText(changes.teamId.to);
        if (changes.assigneeId) state.agentId = asText(changes.assigneeId.to);
        if (changes.priority) state.priority = asText(changes.priority.to);
        if (changes.categoryId) state.categoryId = asText(changes.categoryId.to);
        if (changes.type) state.type = asText(changes.type.to);
        for (const [name, change] of Object.entries(changes)) {
          const key = name.startsWith('fields.') ? name.slice('fields.'.length) : null;
          if (key && selectKeys.has(key)) {
            const to = asText(change.to);
            state.fields = { ...state.fields };
            if (to) state.fields[key] = to;
            else delete state.fields[key];
          }
        }
        if (changes.assigneeId && asText(changes.assigneeId.to)) fact('assigned', dimensionsOf(state), state.ticketId);
        const to = asText(changes.status?.to);
        if (to && to !== state.status) {
          const from = state.status;
          state.status = to;
          fact('status_changed', dimensionsOf(state), state.ticketId);
          if (closedStatuses.has(to) && !closedStatuses.has(from)) {
            state.resolutions += 1;
            const extra = { agentReplies: state.agentReplies, nth: state.resolutions };
            fact('resolved', dimensionsOf(state), state.ticketId, 1, { ...extra, bucket: resolutionBucket(state.resolutions, state.agentReplies, state.breached) });
            durations('resolution', state, extra);
          }
          if (openStatuses.has(to) && closedStatuses.has(from)) fact('reopened', dimensionsOf(state), state.ticketId);
        }
        break;
      }
      case 'sla.breached': {
        // Frozen at the moment of breach: the ticket's dimensions then, the firing's team and assignee.
        const state = states.get(event.aggregateId);
        const base = state ? dimensionsOf(state) : { channel: null, type: null, categoryId: null, priority: null, fields: {} };
        if (state && !state.breached) {
          // Remembered for the first resolution's bucket (SLA attainment); the state is written only when its last event id grows.
          state.breached = true;
          state.lastEventId = Math.max(state.lastEventId, event.eventId);
          changed.add(state.ticketId);
        }
        fact('sla.breached', { ...base, teamId: event.payload.teamId, agentId: event.payload.assigneeId }, event.aggregateId);
        break;
      }
      case 'survey.delivered':
      case 'survey.answered': {
        const p = event.payload;
        const state = p.ticketId ? states.get(p.ticketId) : undefined;
        const base = state ? dimensionsOf(state) : { type: null, categoryId: null, priority: null, fields: {} };
        const dims = { ...base, teamId: p.teamId, agentId: p.handlerId, channel: p.channel };
        if (event.type === 'survey.delivered') fact(`${p.kind}.delivered`, dims, p.ticketId);
        else fact(`${p.kind}.score`, dims, p.ticketId, event.payload.score);
        break;
      }
    }
  }
  return { facts, changed };
}
