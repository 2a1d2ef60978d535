/** Public surface of the SLA module. Step 1 (issue 6): the business-calendar engine. */
export * from './calendar/index.js';
