import { defineEvent } from './event-definition.js';

/** Events of the job queue itself (operators' actions on it). */
export const jobRetried = defineEvent({ name: 'job.retried', version: 1, aggregate: 'job', payload: {} });
