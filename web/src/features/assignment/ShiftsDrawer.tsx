import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Divider, Drawer, Input, List, Radio, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/ui/describe-error.ts';
import { ErrorState, Loading } from '../../shared/ui/states.tsx';
import { useAssignmentActions, useShifts, type Agent, type Shifts } from './queries.ts';

type Interval = { start: string; end: string };
const officeHours: Interval[][] = [[], [{ start: '09:00', end: '18:00' }], [{ start: '09:00', end: '18:00' }], [{ start: '09:00', end: '18:00' }], [{ start: '09:00', end: '18:00' }], [{ start: '09:00', end: '18:00' }], []];
const mondayFirst = [1, 2, 3, 4, 5, 6, 0];

/** 排班: an agent's weekly pattern (a grid of days and hours) and their leave and extra shifts. */
export function ShiftsDrawer({ agent, onClose }: { agent: Agent; onClose: () => void }) {
  const { t } = useTranslation();
  const shifts = useShifts(agent.userId);
  return (
    <Drawer open size={560} title={t('assignment.shifts.title', { name: agent.name })} onClose={onClose}>
      {shifts.isError ? <ErrorState error={shifts.error} onRetry={() => shifts.refetch()} /> : !shifts.data ? <Loading /> : <ShiftsEditor userId={agent.userId} shifts={shifts.data} />}
    </Drawer>
  );
}

function ShiftsEditor({ userId, shifts }: { userId: string; shifts: Shifts }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actions = useAssignmentActions();
  const [weekly, setWeekly] = useState<Interval[][] | null>(shifts.weekly);
  const [kind, setKind] = useState<'leave' | 'extra'>('leave');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [note, setNote] = useState('');
  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      message.success(done);
    } catch (error) {
      message.error(describeError(error, t).message);
    }
  };
  const setDay = (day: number, intervals: Interval[]) => setWeekly((weekly ?? officeHours).map((d, i) => (i === day ? intervals : d)));
  const week: Interval[][] = weekly ?? officeHours;
  return (
    <>
      <Radio.Group value={weekly === null ? 'always' : 'weekly'} onChange={(e) => setWeekly(e.target.value === 'always' ? null : officeHours)}>
        <Radio value="always">{t('assignment.shifts.alwaysOn')}</Radio>
        <Radio value="weekly">{t('assignment.shifts.weekly')}</Radio>
      </Radio.Group>
      {weekly !== null ? (
        <div role="grid" style={{ marginTop: 12 }}>
          <Typography.Paragraph type="secondary">{t('assignment.shifts.weeklyHint')}</Typography.Paragraph>
          {mondayFirst.map((day) => (
            <div role="row" key={day} style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 6 }}>
              <span style={{ width: 72 }}>{t(`assignment.shifts.day${day}`)}</span>
              {week[day]!.length === 0 ? <Typography.Text type="secondary">{t('assignment.shifts.rest')}</Typography.Text> : null}
              {week[day]!.map((interval, i) => (
                <Space key={i} size={2}>
                  <Input size="small" style={{ width: 64 }} maxLength={5} aria-label={`${t(`assignment.shifts.day${day}`)} ${t('assignment.shifts.from')}`} value={interval.start} onChange={(e) => setDay(day, week[day]!.map((x, j) => (j === i ? { ...x, start: e.target.value.trim() } : x)))} />
                  –
                  <Input size="small" style={{ width: 64 }} maxLength={5} aria-label={`${t(`assignment.shifts.day${day}`)} ${t('assignment.shifts.to')}`} value={interval.end} onChange={(e) => setDay(day, week[day]!.map((x, j) => (j === i ? { ...x, end: e.target.value.trim() } : x)))} />
                  <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('app.delete')} onClick={() => setDay(day, week[day]!.filter((_, j) => j !== i))} />
                </Space>
              ))}
              <Button size="small" type="dashed" onClick={() => setDay(day, [...week[day]!, { start: '09:00', end: '18:00' }])}>{t('assignment.shifts.addInterval')}</Button>
            </div>
          ))}
        </div>
      ) : null}
      <Button type="primary" style={{ marginTop: 12 }} onClick={() => run(() => actions.saveWeekly(userId, weekly === null ? null : [week[0]!, week[1]!, week[2]!, week[3]!, week[4]!, week[5]!, week[6]!]), t('assignment.shifts.saved'))}>
        {t('app.save')}
      </Button>
      <Divider>{t('assignment.shifts.exceptions')}</Divider>
      <List
        size="small"
        locale={{ emptyText: t('assignment.shifts.noExceptions') }}
        dataSource={shifts.exceptions}
        renderItem={(item) => (
          <List.Item actions={[<Button key="delete" size="small" type="text" icon={<DeleteOutlined />} aria-label={t('app.delete')} onClick={() => run(() => actions.deleteException(userId, item.id), t('admin.deletedOk'))} />]}>
            {t(`assignment.shifts.${item.kind}`)} · {dayjs(item.startsAt).format('YYYY-MM-DD HH:mm')} – {dayjs(item.endsAt).format('YYYY-MM-DD HH:mm')} {item.note ? `· ${item.note}` : ''}
          </List.Item>
        )}
      />
      <Space wrap style={{ marginTop: 8 }}>
        <Select size="small" value={kind} onChange={setKind} aria-label={t('assignment.shifts.kind')} options={[{ value: 'leave', label: t('assignment.shifts.leave') }, { value: 'extra', label: t('assignment.shifts.extra') }]} />
        <DatePicker.RangePicker size="small" showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" value={range} onChange={(value) => setRange(value)} aria-label={t('assignment.shifts.range')} />
        <Input size="small" style={{ width: 120 }} placeholder={t('assignment.shifts.note')} value={note} onChange={(e) => setNote(e.target.value)} />
        <Button
          size="small"
          disabled={!range?.[0] || !range?.[1]}
          onClick={() => run(async () => {
            await actions.addException(userId, { kind, startsAt: range![0]!.toISOString(), endsAt: range![1]!.toISOString(), note });
            setRange(null);
            setNote('');
          }, t('assignment.shifts.saved'))}
        >
          {t('assignment.shifts.add')}
        </Button>
      </Space>
    </>
  );
}
