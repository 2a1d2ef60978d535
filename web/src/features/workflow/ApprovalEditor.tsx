import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Dropdown, Input, InputNumber, Radio, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { approvalModes, type ApprovalMode, type ApproverRule } from '../../../../src/workflow-model/definition.ts';
import type { RegistryField } from '../forms/designer/registry-field.ts';
import { ApprovalTimingFields } from './ApprovalTimingFields.tsx';
import type { TransitionInput } from './diagram.ts';
import { FieldSelect, isNumericField, isUserField, Property, RoleSelect } from './panel-parts.tsx';
import type { Named } from './StagePanel.tsx';

type ApprovalInput = NonNullable<TransitionInput['approval']>;
type PlanInput = { mode: ApprovalMode; n?: number; approvers: ApproverRule[] };
type Props = { value: TransitionInput['approval']; onChange: (next: TransitionInput['approval']) => void; fields: readonly RegistryField[]; teams: readonly Named[]; users: readonly Named[] };

const approverKinds = ['role', 'user', 'user_field', 'team_lead', 'account_manager'] as const satisfies ReadonlyArray<ApproverRule['kind']>;
const approverKey = { role: 'approverRole', user: 'approverUser', user_field: 'approverUserField', team_lead: 'approverTeamLead', account_manager: 'approverAccountManager' } as const;
const firstPlan: PlanInput = { mode: 'single', approvers: [{ kind: 'role', role: 'supervisor' }] };

function blankApprover(kind: ApproverRule['kind'], users: readonly Named[], fields: readonly RegistryField[]): ApproverRule {
  switch (kind) {
    case 'role':
      return { kind, role: 'supervisor' };
    case 'user':
      return { kind, userId: users[0]?.value ?? '' };
    case 'user_field':
      return { kind, field: fields.find(isUserField)?.key ?? '' };
    case 'team_lead':
      return { kind };
    case 'account_manager':
      return { kind };
  }
}

/** 审批: none, fixed approvers deciding in one of five ways, or tiers by a number field (赔偿金额 ≤ 500 / ≤ 5000 / 以上). */
export function ApprovalEditor({ value, onChange, fields, teams, users }: Props) {
  const { t } = useTranslation();
  const kind = value?.kind ?? 'none';
  const switchKind = (next: 'none' | ApprovalInput['kind']) => {
    if (next === 'none') onChange(undefined);
    else if (next === 'fixed') onChange({ kind: 'fixed', ...firstPlan });
    else onChange({ kind: 'tiered', field: fields.find(isNumericField)?.key ?? '', tiers: [{ ...firstPlan, upTo: '500' }, { ...firstPlan, upTo: null }] });
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="approval-editor">
      <Radio.Group
        aria-label={t('workflow.prop.approval')}
        value={kind}
        onChange={(e) => switchKind(e.target.value)}
        options={[{ value: 'none', label: t('workflow.prop.noApproval') }, { value: 'fixed', label: t('workflow.prop.fixedApproval') }, { value: 'tiered', label: t('workflow.prop.tieredApproval') }]}
      />
      {value?.kind === 'fixed' && <PlanEditor plan={value} onChange={(plan) => onChange({ ...value, ...plan })} fields={fields} teams={teams} users={users} />}
      {value?.kind === 'tiered' && (
        <>
          <Property name={t('workflow.prop.tierField')} hint={t('workflow.prop.tierFieldHint')}>
            <FieldSelect label={t('workflow.prop.tierField')} value={value.field || undefined} onChange={(field) => onChange({ ...value, field })} fields={fields} filter={isNumericField} />
          </Property>
          {value.tiers.map((tier, index) => {
            const last = index === value.tiers.length - 1;
            const setTier = (patch: Partial<typeof tier>) => onChange({ ...value, tiers: value.tiers.map((x, i) => (i === index ? { ...x, ...patch } : x)) });
            return (
              <Card
                key={index}
                size="small"
                title={
                  <Space>
                    {t('workflow.prop.tierUpTo')}
                    <Input size="small" aria-label={t('workflow.prop.tierUpTo')} style={{ width: 110 }} placeholder={t('workflow.prop.tierAbove')} value={tier.upTo ?? ''} onChange={(e) => setTier({ upTo: e.target.value.trim() || null })} />
                  </Space>
                }
                extra={value.tiers.length > 1 && <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('app.delete')} onClick={() => onChange({ ...value, tiers: value.tiers.filter((_, i) => i !== index) })} />}
              >
                {last && tier.upTo === null && <Tag>{t('workflow.prop.tierAbove')}</Tag>}
                <PlanEditor plan={tier} onChange={(plan) => setTier(plan)} fields={fields} teams={teams} users={users} />
              </Card>
            );
          })}
          <Button size="small" icon={<PlusOutlined />} onClick={() => onChange({ ...value, tiers: [...value.tiers, { ...firstPlan, upTo: null }] })}>{t('workflow.prop.addTier')}</Button>
          <Checkbox checked={value.delegation ?? true} onChange={(e) => onChange({ ...value, delegation: e.target.checked })}>{t('workflow.prop.delegation')}</Checkbox>
        </>
      )}
      {value?.kind === 'fixed' && <Checkbox checked={value.delegation ?? true} onChange={(e) => onChange({ ...value, delegation: e.target.checked })}>{t('workflow.prop.delegation')}</Checkbox>}
      {value && <ApprovalTimingFields value={value} onChange={onChange} />}
    </Space>
  );
}

/** One plan: how the approvers decide (单人 / 依次 / 会签 / 或签 / N 人) and the rules that find them. */
function PlanEditor({ plan, onChange, fields, teams, users }: { plan: PlanInput; onChange: (next: PlanInput) => void; fields: readonly RegistryField[]; teams: readonly Named[]; users: readonly Named[] }) {
  const { t } = useTranslation();
  const setApprover = (index: number, rule: ApproverRule) => onChange({ ...plan, approvers: plan.approvers.map((r, i) => (i === index ? rule : r)) });
  return (
    <>
      <Property name={t('workflow.prop.mode')} hint={t('workflow.prop.modeHint')}>
        <Select aria-label={t('workflow.prop.mode')} value={plan.mode} onChange={(mode: ApprovalMode) => onChange({ ...plan, mode })} options={approvalModes.map((mode) => ({ value: mode, label: t(`workflow.prop.${mode}`) }))} style={{ width: '100%' }} />
      </Property>
      {plan.mode === 'n_of_m' && (
        <Property name={t('workflow.prop.n')} hint={t('workflow.prop.nHint')}>
          <InputNumber aria-label={t('workflow.prop.n')} min={1} max={50} precision={0} value={plan.n ?? null} onChange={(n) => onChange({ ...plan, n: n ?? undefined })} />
        </Property>
      )}
      <Property name={t('workflow.prop.approvers')} hint={t('workflow.prop.approversHint')}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {plan.approvers.map((rule, index) => (
            <Space key={index} wrap>
              <Tag>{t(`workflow.prop.${approverKey[rule.kind]}`)}</Tag>
              {rule.kind === 'role' && <div style={{ minWidth: 140 }}><RoleSelect label={t('workflow.prop.approverRole')} value={rule.role} onChange={(role) => setApprover(index, { kind: 'role', role })} /></div>}
              {rule.kind === 'user' && <Select aria-label={t('workflow.prop.approverUser')} style={{ minWidth: 140 }} value={rule.userId || undefined} onChange={(userId: string) => setApprover(index, { kind: 'user', userId })} options={[...users]} showSearch={{ optionFilterProp: 'label' }} />}
              {rule.kind === 'user_field' && <div style={{ minWidth: 140 }}><FieldSelect label={t('workflow.prop.approverUserField')} value={rule.field || undefined} onChange={(field) => setApprover(index, { kind: 'user_field', field })} fields={fields} filter={isUserField} /></div>}
              {rule.kind === 'team_lead' && (
                // No team: the lead of the ticket's own team (部门总监); a named team's lead signs for that team (财务).
                <Select
                  aria-label={t('workflow.prop.approverLeadTeam')}
                  style={{ minWidth: 140 }}
                  value={rule.teamId ?? ''}
                  onChange={(teamId: string) => setApprover(index, teamId ? { kind: 'team_lead', teamId } : { kind: 'team_lead' })}
                  options={[{ value: '', label: t('workflow.prop.ticketTeam') }, ...teams]}
                  showSearch={{ optionFilterProp: 'label' }}
                />
              )}
              {plan.approvers.length > 1 && <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('app.delete')} onClick={() => onChange({ ...plan, approvers: plan.approvers.filter((_, i) => i !== index) })} />}
            </Space>
          ))}
          <Dropdown menu={{ items: approverKinds.map((kind) => ({ key: kind, label: t(`workflow.prop.${approverKey[kind]}`) })), onClick: ({ key }) => {
            const kind = approverKinds.find((k) => k === key);
            if (kind) onChange({ ...plan, approvers: [...plan.approvers, blankApprover(kind, users, fields)] });
          } }}>
            <Button size="small" icon={<PlusOutlined />}>{t('workflow.prop.addActor')}</Button>
          </Dropdown>
        </Space>
      </Property>
    </>
  );
}
