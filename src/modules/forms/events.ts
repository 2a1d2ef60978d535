import { z } from 'zod';
import { defineEvent } from '../../jobs/event-definition.js';

/**
 * The forms module's domain events: the field registry and ticket types. Each payload says enough
 * for a subscriber to act without reading the registry (the tickets module keeps an index for every
 * filterable ticket field; the search index follows searchable ones).
 */
const fieldFacts = {
  entity: z.enum(['ticket', 'contact', 'organisation']),
  key: z.string(),
  type: z.string(),
  filterable: z.boolean(),
  searchable: z.boolean(),
};

export const fieldCreated = defineEvent({ name: 'forms.field_created', version: 1, aggregate: 'custom_field', payload: fieldFacts });

/** A field's definition changed: `changes` lists the properties (label, options, filterable …). */
export const fieldChanged = defineEvent({ name: 'forms.field_changed', version: 1, aggregate: 'custom_field', payload: { ...fieldFacts, changes: z.array(z.string()) } });

/** Archived: its values stay, it takes no new ones. */
export const fieldArchived = defineEvent({ name: 'forms.field_archived', version: 1, aggregate: 'custom_field', payload: fieldFacts });

/** Deleted outright: only possible while no record held a value. */
export const fieldDeleted = defineEvent({ name: 'forms.field_deleted', version: 1, aggregate: 'custom_field', payload: fieldFacts });

export const typeCreated = defineEvent({ name: 'forms.type_created', version: 1, aggregate: 'ticket_type', payload: { key: z.string() } });
export const typeChanged = defineEvent({ name: 'forms.type_changed', version: 1, aggregate: 'ticket_type', payload: { key: z.string(), changes: z.array(z.string()) } });
/** A new immutable form version; new tickets of the type get it. */
export const typePublished = defineEvent({ name: 'forms.type_published', version: 1, aggregate: 'ticket_type', payload: { key: z.string(), version: z.number().int() } });
