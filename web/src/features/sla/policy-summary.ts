import type { TFunction } from 'i18next';
import type { Condition, Policy, TargetKey } from './policy-draft.ts';
import type { PolicyReferences } from './policy-references.ts';

/** "4 小时 30 分钟" / "4 h 30 min". */
export function formatMinutes(total: number, t: TFunction): string {
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  const parts = [hours ? `${hours} ${t('sla.policies.targets.hours')}` : '', minutes ? `${minutes} ${t('sla.policies.targets.minutes')}` : ''];
  return parts.filter(Boolean).join(' ');
}

/** One condition in words: "客户等级 属于 VIP、重点", "紧急程度 等于 高". */
export function describeCondition(condition: Condition, references: PolicyReferences, t: TFunction): string {
  const label = (options: readonly { value: string; label: string }[], value: string) => options.find((o) => o.value === value)?.label ?? value;
  const field = references.conditionFields.find((f) => f.key === condition.field);
  const values = condition.values.map(String);
  const names = (() => {
    switch (condition.field) {
      case 'priority':
        return values.map((v) => label(references.priorities, v));
      case 'customerTier':
        return values.map((v) => label(references.tiers, v));
      case 'categoryId':
        return values.map((v) => references.categoryNames.get(v) ?? v);
      case 'channel':
        return values.map((v) => label(references.channels, v));
      case 'organizationId':
        return values.length ? [t('sla.policies.organizationsCount', { count: values.length })] : [];
    }
    if (field?.choices) return values.map((v) => label(field.choices!, v));
    if (field?.type === 'team') return values.map((v) => label(references.teams, v));
    if (field?.type === 'user') return values.map((v) => label(references.users, v));
    return condition.values.map((v) => (typeof v === 'boolean' ? t(v ? 'sla.policies.condition.yes' : 'sla.policies.condition.no') : String(v)));
  })();
  const fieldName = field?.name ?? t(`sla.policies.condition.fields.${condition.field}`, { defaultValue: condition.field });
  return `${fieldName} ${t(`sla.policies.condition.ops.${condition.op}`)} ${names.join(condition.op === 'between' ? ' – ' : '、')}`.trim();
}

/** Per priority with targets: its name and each target set, most urgent first. */
export function describeTargets(policy: Pick<Policy, 'targets'>, references: PolicyReferences, t: TFunction): string[] {
  const order = references.priorities.map((p) => p.value);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  const keys = Object.keys(policy.targets).sort((a, b) => rank(a) - rank(b));
  return keys.map((key) => {
    const entry = policy.targets[key] ?? {};
    const name = references.priorities.find((p) => p.value === key)?.label ?? key;
    const set = (['firstResponseMinutes', 'nextResponseMinutes', 'resolutionMinutes'] as TargetKey[]).filter((target) => entry[target] !== undefined);
    return `${name}: ${set.map((target) => `${t(`sla.policies.targets.${target}`)} ${formatMinutes(entry[target]!, t)}`).join(' · ')}`;
  });
}
