import type { EventDefinition, EventEnvelope, PayloadOfShape, PayloadShape } from '../../jobs/event-definition.js';
import { eventReader, type EventReader } from '../../jobs/registry.js';
import { contactCreated, contactUpdated } from '../customers/index.js';
import { slaBreached, slaWarning } from '../sla/index.js';
import { surveyAnswered } from '../surveys/index.js';
import { ticketCreated, ticketMessageAdded, ticketUpdated } from '../tickets/index.js';

/**
 * The typed events an endpoint may subscribe to, and the thin data each one sends (ids, the ticket
 * number, what changed, never message text or custom values: a receiver that needs more asks the
 * API with its own token). docs/webhooks.md documents every shape; keep them in step.
 */
type Data = Record<string, unknown>;

/** A committed event on its way to endpoints: its facts and its data, made once the ticket number is known. */
export type OutgoingEvent = {
  eventId: number;
  type: string;
  occurredAt: string;
  cause: string;
  /** The ticket whose number the data carries, when the event's payload does not say it. */
  numberOf: string | null;
  data: (ticketNumber: string | null) => Data;
};

export type WebhookEventType = {
  type: string;
  labels: { 'zh-CN': string; en: string };
  /** The data's keys, for the catalogue answer and the docs. */
  fields: readonly string[];
  /** How the delivery job reads this event type; `wanted` says whether any enabled endpoint listens. */
  reader: (wanted: () => boolean) => EventReader<OutgoingEvent>;
};

function entry<N extends string, S extends PayloadShape>(spec: {
  definition: EventDefinition<N, S>;
  labels: { 'zh-CN': string; en: string };
  fields: readonly string[];
  numberOf?: (event: EventEnvelope<N, PayloadOfShape<S>>) => string;
  data: (event: EventEnvelope<N, PayloadOfShape<S>>, ticketNumber: string | null) => Data;
}): WebhookEventType {
  const outgoing = (event: EventEnvelope<N, PayloadOfShape<S>>): OutgoingEvent => ({
    eventId: event.eventId,
    type: event.type,
    occurredAt: event.occurredAt,
    cause: event.cause,
    numberOf: spec.numberOf?.(event) ?? null,
    data: (number) => spec.data(event, number),
  });
  return {
    type: spec.definition.name,
    labels: spec.labels,
    fields: spec.fields,
    reader: (wanted) => {
      const base = eventReader(spec.definition, { when: () => wanted() });
      return { definition: base.definition, ...(base.accepts && { accepts: base.accepts }), read: (stored) => outgoing(base.read(stored)) };
    },
  };
}

/** Built-in ticket fields whose old and new values a `ticket.updated` carries (ids and keys, all short). */
const reportedChanges = new Set(['status', 'priority', 'assigneeId', 'teamId', 'categoryId', 'typeId', 'requesterId', 'organizationId']);

export const webhookEventTypes: readonly WebhookEventType[] = [
  entry({
    definition: ticketCreated,
    labels: { 'zh-CN': '工单已创建', en: 'Ticket created' },
    fields: ['ticketId', 'number', 'channel', 'priority', 'teamId', 'assigneeId', 'ticketType'],
    data: (e) => ({ ticketId: e.aggregateId, number: e.payload.number, channel: e.payload.channel, priority: e.payload.priority, teamId: e.payload.teamId, assigneeId: e.payload.assigneeId, ticketType: e.payload.type ?? null }),
  }),
  entry({
    definition: ticketUpdated,
    labels: { 'zh-CN': '工单已更新', en: 'Ticket updated' },
    fields: ['ticketId', 'number', 'fields', 'changes'],
    numberOf: (e) => e.aggregateId,
    data: (e, number) => ({
      ticketId: e.aggregateId,
      number,
      fields: e.payload.fields,
      changes: Object.fromEntries(Object.entries(e.payload.changes ?? {}).filter(([field]) => reportedChanges.has(field))),
    }),
  }),
  entry({
    definition: ticketMessageAdded,
    labels: { 'zh-CN': '工单新消息', en: 'Ticket message added' },
    fields: ['ticketId', 'number', 'messageId', 'internal', 'channel', 'authorUserId', 'authorContactId'],
    numberOf: (e) => e.aggregateId,
    data: (e, number) => ({
      ticketId: e.aggregateId,
      number,
      messageId: e.payload.messageId,
      internal: e.payload.internal,
      channel: e.payload.channel,
      authorUserId: e.payload.authorUserId ?? null,
      authorContactId: e.payload.authorContactId ?? null,
    }),
  }),
  entry({
    definition: contactCreated,
    labels: { 'zh-CN': '客户已创建', en: 'Contact created' },
    fields: ['contactId', 'identityKinds', 'source'],
    data: (e) => ({ contactId: e.aggregateId, identityKinds: e.payload.identities.map((i) => i.kind), source: e.payload.source ?? null }),
  }),
  entry({
    definition: contactUpdated,
    labels: { 'zh-CN': '客户已更新', en: 'Contact updated' },
    fields: ['contactId', 'fields'],
    data: (e) => ({ contactId: e.aggregateId, fields: [...new Set([...Object.keys(e.payload.from), ...Object.keys(e.payload.to)])] }),
  }),
  entry({
    definition: slaWarning,
    labels: { 'zh-CN': 'SLA 即将超时', en: 'SLA warning' },
    fields: ['ticketId', 'number', 'target', 'dueAt', 'assigneeId', 'teamId'],
    numberOf: (e) => e.aggregateId,
    data: (e, number) => ({ ticketId: e.aggregateId, number, target: e.payload.target, dueAt: e.payload.dueAt, assigneeId: e.payload.assigneeId, teamId: e.payload.teamId }),
  }),
  entry({
    definition: slaBreached,
    labels: { 'zh-CN': 'SLA 已超时', en: 'SLA breached' },
    fields: ['ticketId', 'number', 'target', 'dueAt', 'assigneeId', 'teamId'],
    numberOf: (e) => e.aggregateId,
    data: (e, number) => ({ ticketId: e.aggregateId, number, target: e.payload.target, dueAt: e.payload.dueAt, assigneeId: e.payload.assigneeId, teamId: e.payload.teamId }),
  }),
  entry({
    definition: surveyAnswered,
    labels: { 'zh-CN': '满意度调查已回答', en: 'Survey answered' },
    fields: ['surveyId', 'kind', 'score', 'low', 'ticketId', 'contactId', 'channel'],
    data: (e) => ({ surveyId: e.aggregateId, kind: e.payload.kind, score: e.payload.score, low: e.payload.low, ticketId: e.payload.ticketId, contactId: e.payload.contactId, channel: e.payload.channel }),
  }),
];

/** The test event of "send test event": never subscribed, always deliverable. */
export const testEventType = 'webhook.test';

export const webhookEventTypeNames: ReadonlySet<string> = new Set(webhookEventTypes.map((t) => t.type));

export function webhookEventTypeOf(type: string): WebhookEventType | undefined {
  return webhookEventTypes.find((t) => t.type === type);
}
