import { Form, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RuleBody } from './queries.ts';

export type TimeTrigger = NonNullable<RuleBody['timeTrigger']>;

const anchors = ['status', 'unassigned', 'created', 'customer_replied', 'agent_replied'] as const satisfies ReadonlyArray<TimeTrigger['anchor']>;
const statuses = ['new', 'open', 'pending', 'resolved'] as const;
const units = ['minutes', 'hours', 'business_minutes', 'business_hours', 'business_days'] as const satisfies ReadonlyArray<TimeTrigger['unit']>;

/** What a new time rule starts from: the first example, 等待客户 3 个工作日. */
export const defaultTimeTrigger = (calendarId: string | undefined): TimeTrigger => ({ anchor: 'status', status: 'pending', amount: 3, unit: 'business_days', ...(calendarId && { calendarId }) });

/** A time rule's trigger (定时规则): where the delay counts from, how long, in which calendar; each explained in one line. */
export function TimeTriggerFields({ value, onChange, calendars }: { value: TimeTrigger; onChange: (next: TimeTrigger) => void; calendars: Array<{ value: string; label: string }> }) {
  const { t } = useTranslation();
  const business = value.unit.startsWith('business_');
  const set = (patch: Partial<TimeTrigger>) => onChange({ ...value, ...patch });
  return (
    <Form layout="vertical" component="div" data-testid="time-trigger">
      <Form.Item label={t('automation.time.anchorLabel')} extra={t('automation.time.anchorHint')}>
        <Select
          aria-label={t('automation.time.anchorLabel')}
          value={value.anchor}
          onChange={(anchor) => set({ anchor, status: anchor === 'status' ? (value.status ?? 'pending') : undefined })}
          options={anchors.map((anchor) => ({ value: anchor, label: t(`automation.time.anchors.${anchor}`) }))}
        />
      </Form.Item>
      {value.anchor === 'status' && (
        <Form.Item label={t('automation.time.statusLabel')} extra={t('automation.time.statusHint')}>
          <Select aria-label={t('automation.time.statusLabel')} value={value.status} onChange={(status) => set({ status })} options={statuses.map((status) => ({ value: status, label: t(`automation.time.statuses.${status}`) }))} />
        </Form.Item>
      )}
      <Form.Item label={t('automation.time.delayLabel')} extra={t('automation.time.delayHint')}>
        <Space.Compact>
          <InputNumber aria-label={t('automation.time.delayLabel')} min={1} max={100000} precision={0} value={value.amount} onChange={(amount) => set({ amount: amount ?? 1 })} />
          <Select aria-label={t('automation.time.units.minutes')} style={{ minWidth: 140 }} value={value.unit} onChange={(unit) => set({ unit })} options={units.map((unit) => ({ value: unit, label: t(`automation.time.units.${unit}`) }))} />
        </Space.Compact>
      </Form.Item>
      {business && (
        <Form.Item label={t('automation.time.calendarLabel')} extra={t('automation.time.calendarHint')}>
          <Select aria-label={t('automation.time.calendarLabel')} value={value.calendarId} onChange={(calendarId) => set({ calendarId })} options={calendars} />
        </Form.Item>
      )}
    </Form>
  );
}
