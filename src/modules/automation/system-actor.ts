import type { Actor } from '../auth/index.js';

/**
 * Who changes a ticket when a rule fires: the automation itself, through the owning modules'
 * services like anyone else (the cause, `rule:<id>`, says which rule). A fixed id that belongs to
 * no user (no one can sign in as it); an admin so every ticket is visible to it.
 */
export const automationSystemActor: Actor = { id: '00000000-0000-7000-8000-0000000a7011', email: 'automation@system.invalid', name: '自动化规则 Automation', role: 'admin', locale: 'zh-CN', teamIds: [] };
