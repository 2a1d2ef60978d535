import { Alert, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { localizedName } from '../sla/localized-name.ts';
import { usePolicies } from '../sla/policy-queries.ts';
import type { RuleAction } from './queries.ts';

type ApplySlaPolicy = Extract<RuleAction, { type: 'apply_sla_policy' }>;

/** The policy an "apply an SLA policy" action chooses, from the SLA policies (inactive ones marked: they apply once active again). */
export function SlaPolicyInput({ action, onChange }: { action: ApplySlaPolicy; onChange: (action: ApplySlaPolicy) => void }) {
  const { t, i18n } = useTranslation();
  const policies = usePolicies();
  if (policies.isError) return <Alert type="warning" showIcon title={t('automation.actions.slaPoliciesUnavailable')} />;
  const options = (policies.data ?? []).map((policy) => {
    const name = localizedName(policy, i18n.language).name;
    return { value: policy.id, label: policy.active ? name : t('automation.actions.slaPolicyInactive', { name }) };
  });
  return (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      style={{ minWidth: 240 }}
      loading={policies.isLoading}
      aria-label={t('automation.actions.slaPolicy')}
      placeholder={t('automation.actions.slaPolicy')}
      notFoundContent={t('automation.actions.noSlaPolicies')}
      value={action.policyId || undefined}
      options={options}
      onChange={(policyId: string) => onChange({ ...action, policyId })}
    />
  );
}
