import type { Actor } from '../auth/index.js';

/**
 * Who changes a ticket when a rule fires: the automation itself, through the owning modules'
 * services like anyone else (the cause, `rule:<id>`, says which rule). A fixed id that belongs to
 * no user (no one can sign in as it); an admin so every ticket is visible to it.
 */
export const automationSystemActor: Actor = { id: '00000000-0000-7000-8000-0000000a7011', email: 'automation@system.invalid', name: '自动化规则 Automation', role: 'admin', locale: 'zh-CN', teamIds: [] };

/**
 * A rule acts as itself: the automation's actor under the rule's own id (no user has it), so a
 * timeline entry's actor names the rule (`GET /rule-names`) as an event's cause `rule:<id>` does.
 */
export function ruleActor(rule: { id: string; name: string }): Actor {
  return { ...automationSystemActor, id: rule.id, name: rule.name };
}
