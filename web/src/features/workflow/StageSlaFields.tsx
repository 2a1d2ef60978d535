import { InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { stageEscalationRecipients, type StageEscalation } from '../../../../src/workflow-model/definition.ts';
import { usePriorities } from '../tickets/queries.ts';
import type { NodeInput } from './diagram.ts';
import { Property } from './panel-parts.tsx';
import type { Named } from './StagePanel.tsx';

type StageInput = Extract<NodeInput, { kind: 'stage' }>;
type EscalationInput = NonNullable<StageInput['slaEscalation']>;

/**
 * A stage's SLA (issue 19 §1): its target in business minutes, when to warn the stage's assignee,
 * and what happens when it is missed (tell the team lead or supervisors, move to a team, raise the
 * priority). The SLA module counts it on the ticket's calendar; the rest shows once there is a target.
 */
export function StageSlaFields({ stage, set, teams }: { stage: StageInput; set: (patch: Partial<StageInput>) => void; teams: readonly Named[] }) {
  const { t, i18n } = useTranslation();
  const priorities = usePriorities();
  const escalation: EscalationInput = stage.slaEscalation ?? {};
  const setEscalation = (patch: Partial<StageEscalation>) => {
    const next = { ...escalation, ...patch };
    const empty = !next.notify?.length && !next.reassignTeamId && !next.raisePriority;
    set({ slaEscalation: empty ? undefined : next });
  };
  const zh = i18n.language !== 'en';
  return (
    <>
      <Property name={t('workflow.prop.sla')} hint={t('workflow.prop.slaHint')}>
        <InputNumber aria-label={t('workflow.prop.sla')} min={1} max={525_600} precision={0} value={stage.slaTargetMinutes ?? null} onChange={(value) => set({ slaTargetMinutes: value ?? undefined })} style={{ width: '100%' }} />
      </Property>
      {stage.slaTargetMinutes ? (
        <>
          <Property name={t('workflow.prop.slaWarning')} hint={t('workflow.prop.slaWarningHint')}>
            <InputNumber aria-label={t('workflow.prop.slaWarning')} min={1} max={99} precision={0} suffix="%" value={stage.slaWarningPercent ?? null} onChange={(value) => set({ slaWarningPercent: value ?? undefined })} style={{ width: '100%' }} />
          </Property>
          <Property name={t('workflow.prop.slaNotify')} hint={t('workflow.prop.slaNotifyHint')}>
            <Select
              mode="multiple"
              aria-label={t('workflow.prop.slaNotify')}
              value={escalation.notify ?? []}
              onChange={(notify: StageEscalation['notify']) => setEscalation({ notify })}
              options={stageEscalationRecipients.filter((who) => who !== 'assignee').map((who) => ({ value: who, label: t(`workflow.prop.slaNotify_${who}`) }))}
              style={{ width: '100%' }}
            />
          </Property>
          <Property name={t('workflow.prop.slaReassign')} hint={t('workflow.prop.slaReassignHint')}>
            <Select allowClear aria-label={t('workflow.prop.slaReassign')} placeholder={t('workflow.prop.slaKeep')} value={escalation.reassignTeamId} onChange={(reassignTeamId?: string) => setEscalation({ reassignTeamId })} options={[...teams]} style={{ width: '100%' }} />
          </Property>
          <Property name={t('workflow.prop.slaPriority')} hint={t('workflow.prop.slaPriorityHint')}>
            <Select
              allowClear
              aria-label={t('workflow.prop.slaPriority')}
              placeholder={t('workflow.prop.slaKeep')}
              value={escalation.raisePriority}
              onChange={(raisePriority?: string) => setEscalation({ raisePriority })}
              options={(priorities.data ?? []).filter((p) => p.active).map((p) => ({ value: p.key, label: zh ? p.nameZh : p.nameEn || p.nameZh }))}
              style={{ width: '100%' }}
            />
          </Property>
        </>
      ) : null}
    </>
  );
}
