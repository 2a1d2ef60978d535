/** The stored shape of a rule's actions (schema.ts types its JSON column with it). */
export type { RuleAction } from './index.js';
