import { Alert, Button, DatePicker, InputNumber, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Calendar } from './calendar-draft.ts';
import { calendarProblem } from './calendar-problem.ts';
import { addBusinessTime } from './queries.ts';

/** "If a ticket arrives then with N business minutes to go, when is it due?" against the saved calendar. */
export function BusinessTimeCheck({ calendar, dirty }: { calendar: Calendar; dirty: boolean }) {
  const { t, i18n } = useTranslation();
  const [from, setFrom] = useState<Dayjs>(() => dayjs().startOf('minute'));
  const [minutes, setMinutes] = useState<number>(240);
  const [result, setResult] = useState<{ dueAt: string } | { error: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function compute() {
    setBusy(true);
    try {
      setResult({ dueAt: await addBusinessTime(calendar.id, from.format(), minutes) });
    } catch (error) {
      setResult({ error: calendarProblem(error, t) });
    } finally {
      setBusy(false);
    }
  }

  // Shown in the calendar's own zone: that is the clock its hours are written in.
  const format = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { timeZone: calendar.timeZone, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="small">
      <Typography.Text type="secondary">{t('sla.check.hint')}</Typography.Text>
      {dirty ? <Typography.Text type="warning">{t('sla.check.unsaved')}</Typography.Text> : null}
      <Space wrap>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowClear={false} value={from} onChange={(value) => value && setFrom(value)} aria-label={t('sla.check.from')} placeholder={t('sla.check.from')} />
        <InputNumber min={0} max={10_000_000} precision={0} value={minutes} onChange={(value) => setMinutes(value ?? 0)} suffix={t('sla.check.minutes')} aria-label={t('sla.check.minutes')} />
        <Button onClick={compute} loading={busy}>{t('sla.check.compute')}</Button>
      </Space>
      {result && 'dueAt' in result ? <Alert type="success" showIcon title={t('sla.check.dueAt', { time: format(result.dueAt), zone: calendar.timeZone })} /> : null}
      {result && 'error' in result ? <Alert type="error" showIcon title={result.error} /> : null}
    </Space>
  );
}
