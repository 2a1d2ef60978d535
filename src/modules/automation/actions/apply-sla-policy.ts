import { z } from 'zod';
import { applySlaPolicy } from '../../sla/index.js';
import { recordTicketActivity } from '../../tickets/index.js';
import type { ActionSpec } from './action-spec.js';

const schema = z.object({ type: z.literal('apply_sla_policy'), policyId: z.uuid() });

/**
 * 应用 SLA 策略: the chosen policy applies to the ticket instead of the one the policies' conditions
 * select, and its timers are recounted under it (the SLA module's `applySlaPolicy`, which owns the
 * choice). The timeline says “规则「VIP 升级」将 SLA 策略改为 VIP 金牌” (the policy's names as they
 * were when it fired). A policy deleted since the rule was saved fails the action
 * (`sla.policy.not_found` in the firing log); choosing the policy already chosen changes nothing.
 */
export const applySlaPolicyAction: ActionSpec<typeof schema> = {
  type: 'apply_sla_policy',
  schema,
  check: (action, refs, path) => (refs.slaPolicies.has(action.policyId.toLowerCase()) ? [] : [{ path: `${path}.policyId`, code: 'automation.action.unknown_sla_policy' }]),
  async run(action, context) {
    const at = new Date();
    const applied = await applySlaPolicy(context.database, context.rules.fieldTypes, { ticketId: context.ticketId, policyId: action.policyId, cause: context.cause, actorId: context.actor.id, at });
    if (applied.changed) {
      const detail = { ruleId: context.ruleId, policyId: applied.policy.id, policyName: { 'zh-CN': applied.policy.nameZh, en: applied.policy.nameEn } };
      await context.database.transaction((tx) => recordTicketActivity(tx, { ticketId: context.ticketId, type: 'rule_sla_policy', detail, actorId: context.actor.id, at }));
    }
    return { policyId: applied.policy.id, ...(!applied.changed && { unchanged: true }) };
  },
};
