import type { SystemActors } from '../../app/system-actors.js';
import type { Actor } from '../auth/index.js';
import { getRuleNames } from './rules.js';

/**
 * Who changes a ticket when a rule fires: the automation itself, through the owning modules'
 * services like anyone else (the cause, `rule:<id>`, says which rule). A fixed id that belongs to
 * no user (no one can sign in as it); an admin so every ticket is visible to it.
 */
export const automationSystemActor: Actor = { id: '00000000-0000-7000-8000-0000000a7011', email: 'automation@system.invalid', name: '自动化规则 Automation', role: 'admin', locale: 'zh-CN', teamIds: [] };

/**
 * A rule acts as itself: the automation's actor under the rule's own id (no user has it), so a
 * timeline entry's actor names the rule (`GET /actor-names`, kind `rule:<id>`) as an event's cause `rule:<id>` does.
 */
export function ruleActor(rule: { id: string; name: string }): Actor {
  return { ...automationSystemActor, id: rule.id, name: rule.name };
}

/**
 * Name the automation's actors on the timeline (`GET /actor-names`): itself (kind `automation`)
 * and each rule under its own id (kind `rule:<id>`, by its current name: 规则「VIP 升级」).
 */
export function registerAutomationActors(registry: SystemActors): void {
  registry.register({ id: automationSystemActor.id, kind: 'automation', labels: { 'zh-CN': '自动化规则', en: 'Automation' } });
  registry.registerResolver(async (db, ids) => [...(await getRuleNames(db, ids))].map(([id, name]) => ({ id, kind: `rule:${id}`, labels: { 'zh-CN': `规则「${name}」`, en: `Rule “${name}”` } })));
}
