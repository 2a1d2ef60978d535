import { z } from 'zod';

/**
 * Why a change happened: an agent, the customer, the system (a job, a channel), an SLA firing, or
 * a rule, a process or an import (with its id). The coming rules engine tells its own changes from
 * an agent's by this, so it never reacts to itself.
 */
export type EventCause = 'agent' | 'customer' | 'system' | 'sla' | `rule:${string}` | `process:${string}` | `import:${string}`;

export const eventCauseSchema = z.union([
  z.enum(['agent', 'customer', 'system', 'sla']),
  z.templateLiteral(['rule:', z.string().min(1)]),
  z.templateLiteral(['process:', z.string().min(1)]),
  z.templateLiteral(['import:', z.string().min(1)]),
]);

/** What a stored event says besides its payload, as old rows and old queued jobs may hold it. */
export type StoredEventFacts = { type: string; actorId: string | null; payload: Record<string, unknown> };

/** Who caused an event: the cause, and the contact when a customer acted. */
export type CauseOf = { cause: EventCause; contactId: string | null };

export type PayloadShape = z.ZodRawShape;

/**
 * One kind of domain event: its name, the version of its payload, the aggregate it happens to,
 * and its payload's shape (zod). Declared by the module that records it, in its `events.ts`.
 */
export type EventDefinition<N extends string = string, S extends PayloadShape = PayloadShape> = {
  readonly name: N;
  readonly version: number;
  readonly aggregate: string;
  /** Recording refuses keys the shape does not name (a typo would otherwise vanish silently). */
  readonly recordSchema: z.ZodObject<S, z.core.$strict>;
  /** Reading tolerates and drops keys it does not know (rows written by another version). */
  readonly readSchema: z.ZodObject<S, z.core.$strip>;
  /** Turns a payload stored at version `from` into the shape of version `from + 1`. */
  readonly upgrades: Readonly<Record<number, (payload: Record<string, unknown>) => Record<string, unknown>>>;
  /** The cause of a row written before events carried one (default: an actor means an agent). */
  readonly causeOfOldRow: (stored: StoredEventFacts) => CauseOf;
};

export type AnyEventDefinition = EventDefinition<string, PayloadShape>;
/** The payload a handler receives for a payload shape. */
export type PayloadOfShape<S extends PayloadShape> = z.output<z.ZodObject<S, z.core.$strip>>;
export type PayloadOf<D extends AnyEventDefinition> = D extends EventDefinition<string, infer S> ? PayloadOfShape<S> : never;
export type PayloadInputOf<D extends AnyEventDefinition> = z.input<D['recordSchema']>;

/** A committed domain event as a subscriber's handler receives it: parsed, upgraded, typed. */
export type EventEnvelope<N extends string = string, P = Record<string, unknown>> = {
  eventId: number;
  type: N;
  /** The payload version the event was recorded with (the payload is upgraded to the current one). */
  version: number;
  aggregateType: string;
  aggregateId: string;
  cause: EventCause;
  /** The acting user (an agent, or the system actor of an SLA step), if any. */
  actorId: string | null;
  /** The acting contact when a customer acted. */
  contactId: string | null;
  payload: P;
  /** When the event was recorded (its transaction's time), as an ISO string. */
  occurredAt: string;
};

export type EnvelopeOf<D extends AnyEventDefinition> = D extends EventDefinition<infer N, infer S> ? EventEnvelope<N, PayloadOfShape<S>> : never;

/** An event without its payload: what batch subscribers (e.g. the search indexer) get. */
export type EventFacts = Omit<EventEnvelope, 'payload'>;

/** Rows written before typed events carried no cause: an actor then meant an agent, none the system. */
export function defaultCauseOfOldRow(stored: StoredEventFacts): CauseOf {
  return { cause: stored.actorId ? 'agent' : 'system', contactId: null };
}

export function defineEvent<const N extends string, S extends PayloadShape>(spec: {
  name: N;
  version: number;
  aggregate: string;
  payload: S;
  upgrades?: Record<number, (payload: Record<string, unknown>) => Record<string, unknown>>;
  causeOfOldRow?: (stored: StoredEventFacts) => CauseOf;
}): EventDefinition<N, S> {
  if (!Number.isInteger(spec.version) || spec.version < 1) throw new Error(`event ${spec.name}: version must be a positive integer`);
  return {
    name: spec.name,
    version: spec.version,
    aggregate: spec.aggregate,
    recordSchema: z.strictObject(spec.payload),
    readSchema: z.object(spec.payload),
    upgrades: spec.upgrades ?? {},
    causeOfOldRow: spec.causeOfOldRow ?? defaultCauseOfOldRow,
  };
}

/** A programming error: an event whose payload does not match its declaration. Nothing is written. */
export class InvalidEventPayload extends Error {
  constructor(
    readonly event: string,
    readonly issues: readonly z.core.$ZodIssue[],
    stage: 'record' | 'read',
  ) {
    const detail = issues.map((i) => `${['payload', ...i.path.map(String)].join('.')}: ${i.message}`).join('; ');
    super(`${stage === 'record' ? 'cannot record' : 'cannot read'} event ${event}: ${detail}`);
    this.name = 'InvalidEventPayload';
  }
}

/**
 * The envelope as the relay stores it in a job (and as jobs queued before typed events hold it:
 * no version, cause or contact). Unknown keys are ignored.
 */
export const storedEnvelopeSchema = z.object({
  eventId: z.coerce.number(),
  type: z.string(),
  version: z.number().int().positive().nullish(),
  aggregateType: z.string(),
  aggregateId: z.string(),
  cause: z.string().nullish(),
  actorId: z.string().nullish(),
  contactId: z.string().nullish(),
  payload: z.record(z.string(), z.unknown()).nullish(),
  occurredAt: z.string(),
});
export type StoredEnvelope = z.input<typeof storedEnvelopeSchema>;

/** A stored cause, or the old row's cause when it has none (or one this version does not know). */
export function causeOf(definition: Pick<AnyEventDefinition, 'causeOfOldRow'>, stored: StoredEventFacts & { cause?: string | null; contactId?: string | null }): CauseOf {
  const parsed = eventCauseSchema.safeParse(stored.cause);
  if (parsed.success) return { cause: parsed.data, contactId: stored.contactId ?? null };
  return definition.causeOfOldRow(stored);
}

/** Bring a stored payload from its version to the definition's, step by step, then parse it. */
export function upgradePayload<N extends string, S extends PayloadShape>(definition: EventDefinition<N, S>, payload: Record<string, unknown>, storedVersion: number): PayloadOfShape<S> {
  let current = payload;
  for (let version = storedVersion; version < definition.version; version++) {
    const step = definition.upgrades[version];
    if (step) current = step(current);
  }
  const parsed = definition.readSchema.safeParse(current);
  if (!parsed.success) throw new InvalidEventPayload(definition.name, parsed.error.issues, 'read');
  return parsed.data;
}

/**
 * A stored envelope (a job's payload) as the typed envelope of `definition`: an old one gets a
 * version (1), a cause (from what it says) and an upgraded payload instead of failing.
 */
export function readEnvelope<N extends string, S extends PayloadShape>(definition: EventDefinition<N, S>, stored: unknown): EventEnvelope<N, PayloadOfShape<S>> {
  const envelope = storedEnvelopeSchema.parse(stored);
  if (envelope.type !== definition.name) throw new Error(`event ${envelope.type} read as ${definition.name}`);
  const facts = { type: envelope.type, actorId: envelope.actorId ?? null, payload: envelope.payload ?? {} };
  const version = envelope.version ?? 1;
  const { cause, contactId } = causeOf(definition, { ...facts, cause: envelope.cause, contactId: envelope.contactId });
  return {
    eventId: envelope.eventId,
    type: definition.name,
    version,
    aggregateType: envelope.aggregateType,
    aggregateId: envelope.aggregateId,
    cause,
    actorId: facts.actorId,
    contactId,
    payload: upgradePayload(definition, facts.payload, version),
    occurredAt: envelope.occurredAt,
  };
}
