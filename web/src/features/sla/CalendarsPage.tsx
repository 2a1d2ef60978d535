import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Drawer, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states.tsx';
import { AdminGate } from '../admin/AdminGate.tsx';
import { CalendarEditor } from './CalendarEditor.tsx';
import { summariseWeek, yearsMissingData, type Calendar } from './calendar-draft.ts';
import { calendarProblem } from './calendar-problem.ts';
import { localizedName } from './localized-name.ts';
import { useBundledSchedules, useCalendarActions, useCalendars } from './queries.ts';

export default function CalendarsPage() {
  return (
    <AdminGate permission="admin.sla">
      <Calendars />
    </AdminGate>
  );
}

function Calendars() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const calendars = useCalendars();
  const bundled = useBundledSchedules();
  const actions = useCalendarActions();
  const [editing, setEditing] = useState<string | 'new' | null>(null);

  if (calendars.isPending || bundled.isPending) return <Loading />;
  if (calendars.isError) return <ErrorState error={calendars.error} onRetry={() => calendars.refetch()} />;
  if (bundled.isError) return <ErrorState error={bundled.error} onRetry={() => bundled.refetch()} />;

  const name = (calendar: Calendar) => localizedName(calendar, i18n.language).name;
  async function act(work: Promise<unknown>, done: string) {
    try {
      await work;
      message.success(done);
    } catch (error) {
      message.error(calendarProblem(error, t));
    }
  }

  const editingCalendar = editing && editing !== 'new' ? (calendars.data.find((c) => c.id === editing) ?? null) : null;
  const newButton = <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('sla.newCalendar')}</Button>;
  return (
    <Card title={t('sla.calendars')} extra={newButton}>
      <Typography.Paragraph type="secondary">{t('sla.intro')}</Typography.Paragraph>
      {calendars.data.length === 0 ? (
        <EmptyState title={t('sla.empty')} hint={t('sla.emptyHint')} action={newButton} />
      ) : (
        <Table<Calendar>
          rowKey="id"
          dataSource={calendars.data}
          pagination={false}
          scroll={{ x: 760 }}
          columns={[
            {
              title: t('sla.name'),
              key: 'name',
              render: (_: unknown, c) => (
                <Space orientation="vertical" size={0}>
                  <Space size={4}>
                    <Button type="link" style={{ padding: 0 }} onClick={() => setEditing(c.id)}>{name(c)}</Button>
                    {c.isDefault ? <Tag color="blue">{t('sla.isDefault')}</Tag> : null}
                  </Space>
                  {localizedName(c, i18n.language).other ? <Typography.Text type="secondary">{localizedName(c, i18n.language).other}</Typography.Text> : null}
                </Space>
              ),
            },
            { title: t('sla.timeZone'), dataIndex: 'timeZone' },
            { title: t('sla.hours'), key: 'hours', render: (_: unknown, c) => <WeekSummary calendar={c} /> },
            {
              title: t('sla.holidayData'),
              key: 'years',
              render: (_: unknown, c) => (
                <Space size={4} wrap>
                  {c.alwaysOpen ? null : c.holidayYears.map((year) => <Tag key={year}>{year}</Tag>)}
                  {yearsMissingData(c, new Date()).map((year) => (
                    <Tooltip key={year} title={t('sla.holidays.noData', { year })}>
                      <Tag color="warning">{year} {t('sla.noHolidayData')}</Tag>
                    </Tooltip>
                  ))}
                </Space>
              ),
            },
            {
              title: t('app.actions'),
              key: 'actions',
              render: (_: unknown, c) => (
                <Space>
                  <Button size="small" onClick={() => setEditing(c.id)}>{t('app.edit')}</Button>
                  {c.isDefault ? null : (
                    <Button size="small" onClick={() => act(actions.update(c, { isDefault: true }), t('sla.madeDefault', { name: name(c) }))}>{t('sla.makeDefault')}</Button>
                  )}
                  {c.isDefault ? (
                    <Tooltip title={t('sla.cannotDeleteDefault')}>
                      <Button size="small" danger disabled>{t('app.delete')}</Button>
                    </Tooltip>
                  ) : (
                    <Popconfirm title={t('sla.deleteConfirm', { name: name(c) })} onConfirm={() => act(actions.remove(c), t('sla.deleted'))}>
                      <Button size="small" danger>{t('app.delete')}</Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
      <Drawer
        open={editing !== null}
        size={780}
        destroyOnHidden
        title={editing === 'new' ? t('sla.newTitle') : t('sla.editTitle', { name: editingCalendar ? name(editingCalendar) : '' })}
        onClose={() => setEditing(null)}
      >
        {editing === 'new' ? (
          <CalendarEditor key="new" latest={null} bundled={bundled.data.schedules} onCreated={(created) => setEditing(created.id)} />
        ) : editingCalendar ? (
          <CalendarEditor key={editingCalendar.id} latest={editingCalendar} bundled={bundled.data.schedules} onCreated={() => undefined} />
        ) : editing ? (
          <ErrorState notFound />
        ) : null}
      </Drawer>
    </Card>
  );
}

function WeekSummary({ calendar }: { calendar: Calendar }) {
  const { t } = useTranslation();
  if (calendar.alwaysOpen) return <Tag color="green">{t('sla.alwaysOpenTag')}</Tag>;
  const groups = summariseWeek(calendar.weekly);
  if (groups.length === 0) return <Typography.Text type="warning">{t('sla.closedAllWeek')}</Typography.Text>;
  const day = (weekday: number) => t(`sla.weekly.days.${weekday}`);
  return (
    <Space orientation="vertical" size={0}>
      {groups.map((group) => (
        <span key={group.days.join()}>
          {group.days.length > 1 ? `${day(group.days[0]!)}–${day(group.days.at(-1)!)}` : day(group.days[0]!)}{' '}
          {group.intervals.map((interval) => `${interval.start}–${interval.end}`).join(', ')}
        </span>
      ))}
    </Space>
  );
}
