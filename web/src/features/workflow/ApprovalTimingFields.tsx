import { InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TransitionInput } from './diagram.ts';
import { Property } from './panel-parts.tsx';

type ApprovalInput = NonNullable<TransitionInput['approval']>;

/** 催办 and escalation of a pending approver, in business hours of the ticket's calendar (empty: never). */
export function ApprovalTimingFields({ value, onChange }: { value: ApprovalInput; onChange: (next: ApprovalInput) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Property name={t('workflow.prop.approvalReminder')} hint={t('workflow.prop.approvalReminderHint')}>
        <InputNumber aria-label={t('workflow.prop.approvalReminder')} min={1} max={720} precision={0} value={value.reminderAfterHours ?? null} onChange={(hours) => onChange({ ...value, reminderAfterHours: hours ?? undefined })} style={{ width: '100%' }} />
      </Property>
      <Property name={t('workflow.prop.approvalEscalate')} hint={t('workflow.prop.approvalEscalateHint')}>
        <InputNumber aria-label={t('workflow.prop.approvalEscalate')} min={1} max={720} precision={0} value={value.escalateAfterHours ?? null} onChange={(hours) => onChange({ ...value, escalateAfterHours: hours ?? undefined })} style={{ width: '100%' }} />
      </Property>
    </>
  );
}
