import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EscalationAction, EscalationStep } from './policy-draft.ts';
import type { PolicyReferences } from './policy-references.ts';

type Props = { steps: EscalationStep[]; onChange: (next: EscalationStep[]) => void; references: PolicyReferences; refused: Set<number> };

const stepTargets = ['any', 'first_response', 'next_response', 'resolution'] as const;
const notifyTo = ['assignee', 'supervisors', 'team_lead', 'user'] as const;
const reassignTo = ['team_lead', 'user'] as const;

/** Escalation steps at and after a breach: when, for which target, what to do, and whether to wait for business hours. */
export function EscalationEditor({ steps, onChange, references, refused }: Props) {
  const { t } = useTranslation();
  const set = (index: number, next: EscalationStep) => onChange(steps.map((step, i) => (i === index ? next : step)));
  const last = steps.at(-1);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('sla.policies.escalation.hint')}</Typography.Text>
      {steps.map((step, index) => (
        <Card
          key={index}
          size="small"
          style={refused.has(index) ? { borderColor: '#ff4d4f' } : undefined}
          title={t('sla.policies.place.step', { n: index + 1 })}
          extra={<Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('sla.policies.escalation.remove')} title={t('sla.policies.escalation.remove')} onClick={() => onChange(steps.filter((_, i) => i !== index))} />}
        >
          <Space wrap>
            <span>{t('sla.policies.escalation.after')}</span>
            <InputNumber aria-label={t('sla.policies.escalation.after')} min={0} max={525600} precision={0} value={step.afterMinutes} onChange={(afterMinutes) => set(index, { ...step, afterMinutes: afterMinutes ?? 0 })} />
            <span>{t('sla.policies.escalation.target')}</span>
            <Select style={{ width: 130 }} value={step.target} onChange={(target) => set(index, { ...step, target })} options={stepTargets.map((target) => ({ value: target, label: t(`sla.policies.escalation.targets.${target}`) }))} />
            <Checkbox checked={step.businessHoursOnly} onChange={(e) => set(index, { ...step, businessHoursOnly: e.target.checked })}>{t('sla.policies.escalation.businessHoursOnly')}</Checkbox>
          </Space>
          <Space orientation="vertical" style={{ width: '100%', marginTop: 8 }}>
            {step.actions.map((action, a) => (
              <ActionRow
                key={a}
                action={action}
                references={references}
                onChange={(next) => set(index, { ...step, actions: step.actions.map((old, i) => (i === a ? next : old)) })}
                onRemove={step.actions.length > 1 ? () => set(index, { ...step, actions: step.actions.filter((_, i) => i !== a) }) : undefined}
              />
            ))}
            <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => set(index, { ...step, actions: [...step.actions, { type: 'notify', to: 'supervisors' }] })}>
              {t('sla.policies.escalation.addAction')}
            </Button>
          </Space>
        </Card>
      ))}
      <Button
        size="small"
        type="dashed"
        icon={<PlusOutlined />}
        // A further step usually follows the previous one by half an hour and reaches further up.
        onClick={() => onChange([...steps, { afterMinutes: last ? last.afterMinutes + 30 : 0, target: 'any', businessHoursOnly: true, actions: [{ type: 'notify', to: last ? 'supervisors' : 'assignee' }] }])}
      >
        {t('sla.policies.escalation.add')}
      </Button>
    </Space>
  );
}

function ActionRow({ action, references, onChange, onRemove }: { action: EscalationAction; references: PolicyReferences; onChange: (next: EscalationAction) => void; onRemove: (() => void) | undefined }) {
  const { t } = useTranslation();
  const changeType = (type: EscalationAction['type']) =>
    onChange(type === 'set_priority' ? { type, priority: references.priorities[0]?.value ?? '' } : type === 'reassign' ? { type, to: 'team_lead' } : { type, to: 'assignee' });
  const toOptions = (list: readonly string[]) => list.map((to) => ({ value: to, label: t(`sla.policies.escalation.to.${to}`) }));
  return (
    <Space wrap>
      <Select<EscalationAction['type']>
        style={{ width: 130 }}
        value={action.type}
        onChange={changeType}
        options={(['notify', 'reassign', 'set_priority'] as const).map((type) => ({ value: type, label: t(`sla.policies.escalation.actions.${type}`) }))}
      />
      {action.type === 'set_priority' ? (
        <Select style={{ width: 140 }} value={action.priority} onChange={(priority: string) => onChange({ ...action, priority })} options={references.priorities} />
      ) : (
        <>
          <Select
            style={{ width: 140 }}
            value={action.to}
            onChange={(to: string) => onChange(action.type === 'notify' ? { type: 'notify', to: to as (typeof notifyTo)[number] } : { type: 'reassign', to: to as (typeof reassignTo)[number] })}
            options={toOptions(action.type === 'notify' ? notifyTo : reassignTo)}
          />
          {action.to === 'user' ? (
            <Select
              style={{ width: 180 }}
              showSearch={{ optionFilterProp: 'label' }}
              status={action.userId ? undefined : 'error'}
              placeholder={t('sla.policies.escalation.pickUser')}
              value={action.userId}
              onChange={(userId: string) => onChange({ ...action, userId })}
              options={references.users}
            />
          ) : null}
        </>
      )}
      {onRemove ? <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('sla.policies.escalation.removeAction')} title={t('sla.policies.escalation.removeAction')} onClick={onRemove} /> : null}
    </Space>
  );
}
