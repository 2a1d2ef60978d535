import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isWallTime, weekdaysMondayFirst, type CalendarDraft, type Interval } from './calendar-draft.ts';

/** One day's working intervals: rows of start–end, add and remove. `refused` holds indexes the server rejected. */
function IntervalsEditor({ intervals, onChange, refused, label }: { intervals: Interval[]; onChange: (next: Interval[]) => void; refused: (index: number) => boolean; label: string }) {
  const { t } = useTranslation();
  const set = (index: number, part: keyof Interval, value: string) => onChange(intervals.map((interval, i) => (i === index ? { ...interval, [part]: value.trim() } : interval)));
  const status = (index: number, value: string) => (refused(index) || (value !== '' && !isWallTime(value)) ? 'error' : undefined);
  const last = intervals.at(-1);
  return (
    <Space orientation="vertical" size={4}>
      {intervals.length === 0 ? <Typography.Text type="secondary">{t('sla.weekly.rest')}</Typography.Text> : null}
      {intervals.map((interval, index) => (
        <Space key={index} size={4}>
          <Input aria-label={`${label} ${t('sla.weekly.start')} ${index + 1}`} style={{ width: 76 }} placeholder="09:00" maxLength={5} value={interval.start} status={status(index, interval.start)} onChange={(e) => set(index, 'start', e.target.value)} />
          <span>–</span>
          <Input aria-label={`${label} ${t('sla.weekly.end')} ${index + 1}`} style={{ width: 76 }} placeholder="18:00" maxLength={5} value={interval.end} status={status(index, interval.end)} onChange={(e) => set(index, 'end', e.target.value)} />
          <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('sla.weekly.remove')} title={t('sla.weekly.remove')} onClick={() => onChange(intervals.filter((_, i) => i !== index))} />
        </Space>
      ))}
      <Button
        size="small"
        type="dashed"
        icon={<PlusOutlined />}
        // A new row continues the day: after lunch comes the afternoon.
        onClick={() => onChange([...intervals, last ? { start: last.end === '12:00' ? '13:00' : last.end, end: '18:00' } : { start: '09:00', end: '18:00' }])}
      >
        {t('sla.weekly.add')}
      </Button>
    </Space>
  );
}

export function WeeklyHoursEditor({ draft, onChange, refusedPaths }: { draft: CalendarDraft; onChange: (next: CalendarDraft) => void; refusedPaths: Set<string> }) {
  const { t } = useTranslation();
  const setDay = (weekday: number, intervals: Interval[]) => onChange({ ...draft, weekly: draft.weekly.map((day, i) => (i === weekday ? intervals : day)) });
  const monday = draft.weekly[1] ?? [];
  const dayName = (weekday: number) => t(`sla.weekly.days.${weekday}`);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="small">
      <Typography.Text type="secondary">{t('sla.weekly.hint')}</Typography.Text>
      <table style={{ borderCollapse: 'collapse' }}>
        <tbody>
          {weekdaysMondayFirst.map((weekday) => (
            <tr key={weekday} style={{ borderTop: '1px solid #f0f0f0' }}>
              <th scope="row" style={{ textAlign: 'left', verticalAlign: 'top', padding: '8px 16px 8px 0', fontWeight: 500, whiteSpace: 'nowrap' }}>{dayName(weekday)}</th>
              <td style={{ padding: '8px 0' }}>
                <IntervalsEditor label={dayName(weekday)} intervals={draft.weekly[weekday] ?? []} onChange={(next) => setDay(weekday, next)} refused={(i) => refusedPaths.has(`weekly.${weekday}.${i}`)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Button size="small" onClick={() => onChange({ ...draft, weekly: draft.weekly.map((day, i) => (i >= 2 && i <= 5 ? monday.map((interval) => ({ ...interval })) : day)) })}>
        {t('sla.weekly.copyMonday')}
      </Button>
      <Typography.Text strong style={{ marginTop: 8 }}>{t('sla.weekly.makeUpTitle')}</Typography.Text>
      <Radio.Group
        value={draft.makeUpDaySchedule ? 'custom' : 'monday'}
        onChange={(e) => onChange({ ...draft, makeUpDaySchedule: e.target.value === 'custom' ? monday.map((interval) => ({ ...interval })) : null })}
        options={[
          { value: 'monday', label: t('sla.weekly.makeUpSameAsMonday') },
          { value: 'custom', label: t('sla.weekly.makeUpCustom') },
        ]}
      />
      {draft.makeUpDaySchedule ? (
        <IntervalsEditor label={t('sla.weekly.makeUpTitle')} intervals={draft.makeUpDaySchedule} onChange={(next) => onChange({ ...draft, makeUpDaySchedule: next })} refused={(i) => refusedPaths.has(`makeUpDaySchedule.${i}`)} />
      ) : null}
    </Space>
  );
}
