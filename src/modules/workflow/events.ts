import { z } from 'zod';
import { defineEvent } from '../../jobs/event-definition.js';

/**
 * The workflow module's domain events. Definition changes are the audit trail of 设置 › 流程
 * (who saved, published or imported what); instance events come with the process engine's runs.
 */
const processFacts = { key: z.string(), ticketType: z.string() };

export const processCreated = defineEvent({ name: 'workflow.process_created', version: 1, aggregate: 'process', payload: processFacts });
/** The draft or the name changed; `changes` names which. */
export const processChanged = defineEvent({ name: 'workflow.process_changed', version: 1, aggregate: 'process', payload: { ...processFacts, changes: z.array(z.string()) } });
/** A new immutable version; new tickets of the type start on it. */
export const processPublished = defineEvent({ name: 'workflow.process_published', version: 1, aggregate: 'process', payload: { ...processFacts, version: z.number().int() } });
/** A definition came in as JSON (from another installation): created, or the draft replaced. */
export const processImported = defineEvent({ name: 'workflow.process_imported', version: 1, aggregate: 'process', payload: { ...processFacts, created: z.boolean() } });
