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

/** A ticket started on a process version; `stages`: where its tokens wait. Aggregate: the ticket. */
export const processStarted = defineEvent({ name: 'workflow.process_started', version: 1, aggregate: 'ticket', payload: { processId: z.string(), version: z.number().int(), stages: z.array(z.string()) } });
/** A transition was taken on a ticket (cause `process:<id>`): from which stage, the stages entered, the fields it wrote, the reason of a return. */
export const transitionTaken = defineEvent({
  name: 'workflow.transition_taken',
  version: 1,
  aggregate: 'ticket',
  payload: { processId: z.string(), version: z.number().int(), transition: z.string(), from: z.string(), entered: z.array(z.string()), fields: z.array(z.string()), reason: z.string().optional(), completed: z.boolean() },
});
/** An admin moved a running ticket from one published version to another: each token's stage before and after. */
export const instanceMigrated = defineEvent({
  name: 'workflow.instance_migrated',
  version: 1,
  aggregate: 'ticket',
  payload: { processId: z.string(), fromVersion: z.number().int(), toVersion: z.number().int(), stages: z.array(z.object({ from: z.string(), to: z.string() })) },
});
