import { Alert, App, Button, Form, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { describeError } from '../../shared/ui/describe-error.ts';
import { useUsers } from '../tickets/queries.ts';
import { useSchedule, type SavedReport, type ScheduleInput } from './builder-api.ts';

/** Times a schedule may name: every half hour (the reporting time zone). */
const times = Array.from({ length: 48 }, (_, i) => `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`);

/** "每周一 09:00" / "Weekly on Mon at 09:00": a schedule in one line. */
export function scheduleText(t: (key: string, options?: Record<string, unknown>) => string, s: NonNullable<SavedReport['schedule']>): string {
  if (s.frequency === 'weekly') return t('reports.builder.schedule.weeklyAt', { day: t(`reports.trends.weekdays.w${(s.weekday ?? 1) - 1}`), at: s.at });
  if (s.frequency === 'monthly') return t('reports.builder.schedule.monthlyAt', { day: s.monthDay ?? 1, at: s.at });
  return t('reports.builder.schedule.dailyAt', { at: s.at });
}

/**
 * 定时发送: daily, weekly or monthly at a time, to users who may see the report (and outside
 * addresses for admins). The server checks every recipient and says which one it refuses.
 */
export function ScheduleDialog({ report, open, onClose }: { report: SavedReport; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const users = useUsers(open);
  const schedule = useSchedule(report.id);
  const current = report.schedule;
  const [draft, setDraft] = useState<ScheduleInput>(() => ({
    frequency: current?.frequency ?? 'weekly', at: current?.at ?? '09:00', weekday: current?.weekday ?? 1, monthDay: current?.monthDay ?? 1,
    recipientUserIds: current?.recipientUserIds ?? [report.owner.id], recipientEmails: current?.recipientEmails ?? [],
  }));
  const set = (change: Partial<ScheduleInput>) => setDraft({ ...draft, ...change });
  const save = async () => {
    const { weekday, monthDay, ...rest } = draft;
    await schedule.mutateAsync({ ...rest, ...(draft.frequency === 'weekly' && { weekday }), ...(draft.frequency === 'monthly' && { monthDay }) });
    void message.success(t('reports.builder.schedule.saved'));
    onClose();
  };
  const stop = async () => {
    await schedule.mutateAsync(null);
    void message.success(t('reports.builder.schedule.stopped'));
    onClose();
  };
  return (
    <Modal open={open} onCancel={onClose} title={t('reports.builder.schedule.title')} destroyOnHidden data-testid="schedule-dialog"
      footer={(
        <Space wrap>
          {current && <Button danger onClick={() => void stop().catch(() => undefined)} loading={schedule.isPending}>{t('reports.builder.schedule.stop')}</Button>}
          <Button onClick={onClose}>{t('reports.builder.cancel')}</Button>
          <Button type="primary" onClick={() => void save().catch(() => undefined)} loading={schedule.isPending}>{t('reports.builder.schedule.save')}</Button>
        </Space>
      )}>
      <Form layout="vertical">
        <Form.Item label={t('reports.builder.schedule.frequency')} extra={t('reports.builder.schedule.help.frequency')}>
          <Radio.Group optionType="button" value={draft.frequency} onChange={(e) => set({ frequency: e.target.value })}
            options={(['daily', 'weekly', 'monthly'] as const).map((f) => ({ value: f, label: t(`reports.builder.schedule.frequencies.${f}`) }))} />
        </Form.Item>
        <Space wrap align="start">
          {draft.frequency === 'weekly' && (
            <Form.Item label={t('reports.builder.schedule.weekday')}>
              <Select aria-label={t('reports.builder.schedule.weekday')} style={{ width: 120 }} value={draft.weekday} onChange={(weekday) => set({ weekday })}
                options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`reports.trends.weekdays.w${d - 1}`) }))} />
            </Form.Item>
          )}
          {draft.frequency === 'monthly' && (
            <Form.Item label={t('reports.builder.schedule.monthDay')} extra={t('reports.builder.schedule.help.monthDay')}>
              <InputNumber aria-label={t('reports.builder.schedule.monthDay')} min={1} max={28} value={draft.monthDay} onChange={(v) => set({ monthDay: v ?? 1 })} />
            </Form.Item>
          )}
          <Form.Item label={t('reports.builder.schedule.at')} extra={t('reports.builder.schedule.help.at')}>
            <Select aria-label={t('reports.builder.schedule.at')} style={{ width: 120 }} value={draft.at} onChange={(at) => set({ at })} options={times.map((x) => ({ value: x, label: x }))} />
          </Form.Item>
        </Space>
        <Form.Item label={t('reports.builder.schedule.recipients')} extra={t('reports.builder.schedule.help.recipients')}>
          <Select mode="multiple" aria-label={t('reports.builder.schedule.recipients')} value={draft.recipientUserIds} onChange={(ids) => set({ recipientUserIds: ids })} loading={users.isPending}
            optionFilterProp="label" options={(users.data ?? [{ id: report.owner.id, name: report.owner.name }]).map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
        {can('reports.manage') && (
          <Form.Item label={t('reports.builder.schedule.emails')} extra={t('reports.builder.schedule.help.emails')}>
            <Select mode="tags" open={false} aria-label={t('reports.builder.schedule.emails')} value={draft.recipientEmails} onChange={(emails) => set({ recipientEmails: emails })} />
          </Form.Item>
        )}
      </Form>
      {current && <Typography.Paragraph type="secondary">{t('reports.builder.schedule.next', { when: new Date(current.dueAt).toLocaleString() })}</Typography.Paragraph>}
      {schedule.isError && <Alert type="error" showIcon data-testid="schedule-error" title={describeError(schedule.error, t).message} />}
    </Modal>
  );
}
