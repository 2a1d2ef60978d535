import { CloudDownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Collapse, DatePicker, Popconfirm, Space, Tag, Tooltip, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { datesInYear, officialNameOf, withDate, withoutDate, yearsToShow, type Calendar, type CalendarDraft, type YearSchedule } from './calendar-draft.ts';
import { calendarProblem } from './calendar-problem.ts';
import { useCalendarActions, type ImportBody } from './queries.ts';

type Props = {
  draft: CalendarDraft;
  onChange: (next: CalendarDraft) => void;
  /** The saved calendar the draft is based on; null while creating one. */
  saved: Calendar | null;
  dirty: boolean;
  bundled: readonly YearSchedule[];
  onImported: (calendar: Calendar) => void;
};

/** Holidays and 调休 workdays grouped by year, with the official schedule import per bundled year. */
export function HolidayEditor({ draft, onChange, saved, dirty, bundled, onImported }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const actions = useCalendarActions();
  const [importing, setImporting] = useState<number | 'file' | null>(null);
  const bundledYears = bundled.map((schedule) => schedule.year);
  const years = yearsToShow(draft, bundledYears, new Date());
  // Imports change the saved calendar directly; unsaved edits would be lost or overwritten.
  const importBlocked = !saved ? t('sla.holidays.createFirst') : dirty ? t('sla.holidays.saveFirst') : null;

  async function importSchedule(body: ImportBody, counts: { year: number; holidays: number; workdays: number }, spinner: number | 'file') {
    if (!saved) return;
    setImporting(spinner);
    try {
      onImported(await actions.importSchedule(saved, body));
      message.success(t('sla.holidays.imported', counts));
    } catch (error) {
      message.error(calendarProblem(error, t));
    } finally {
      setImporting(null);
    }
  }

  async function importFile(file: File) {
    let body: ImportBody;
    try {
      body = JSON.parse(await file.text()) as ImportBody;
    } catch (error) {
      message.error(t('sla.holidays.fileInvalid', { message: error instanceof Error ? error.message : String(error) }));
      return;
    }
    await importSchedule(body, { year: body.year, holidays: body.holidays?.length ?? 0, workdays: body.workdays?.length ?? 0 }, 'file');
  }

  const dateTag = (list: 'holidays' | 'workdays', date: string) => {
    const name = officialNameOf(bundled, date);
    return (
      <Tag key={date} color={list === 'holidays' ? 'red' : 'blue'} closable closeIcon={<span aria-label={t('sla.holidays.remove', { date })}>×</span>} onClose={(e) => { e.preventDefault(); onChange(withoutDate(draft, list, date)); }} style={{ marginBottom: 4 }}>
        {date.slice(5)} {dayjs(date).format('ddd')}{name ? ` ${name}` : ''}
      </Tag>
    );
  };

  const nextYear = Math.max(new Date().getFullYear(), ...bundledYears) + 1;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="small">
      <Typography.Text type="secondary">{t('sla.holidays.hint')}</Typography.Text>
      <Alert type="info" showIcon title={t('sla.holidays.bundledYears', { years: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(bundledYears.map(String)), next: nextYear })} />
      <Space wrap>
        <DatePicker placeholder={t('sla.holidays.addHoliday')} value={null as Dayjs | null} onChange={(value: Dayjs | null) => value && onChange(withDate(draft, 'holidays', value.format('YYYY-MM-DD')))} />
        <DatePicker placeholder={t('sla.holidays.addWorkday')} value={null as Dayjs | null} onChange={(value: Dayjs | null) => value && onChange(withDate(draft, 'workdays', value.format('YYYY-MM-DD')))} />
        <Tooltip title={importBlocked ?? t('sla.holidays.importFileHint')}>
          <Upload accept=".json,application/json" showUploadList={false} disabled={Boolean(importBlocked)} beforeUpload={(file) => { void importFile(file); return false; }}>
            <Button icon={<UploadOutlined />} disabled={Boolean(importBlocked)} loading={importing === 'file'}>{t('sla.holidays.importFile')}</Button>
          </Upload>
        </Tooltip>
      </Space>
      <Collapse
        size="small"
        defaultActiveKey={years.filter((year) => year >= new Date().getFullYear()).map(String)}
        items={years.map((year) => {
          const holidays = datesInYear(draft.holidays, year);
          const workdays = datesInYear(draft.workdays, year);
          const official = bundled.find((schedule) => schedule.year === year);
          const noData = holidays.length === 0 && workdays.length === 0;
          return {
            key: String(year),
            label: (
              <Space wrap>
                <strong>{t('sla.holidays.year', { year })}</strong>
                {noData ? <Tag color="warning">{t('sla.noHolidayData')}</Tag> : <Typography.Text type="secondary">{t('sla.holidays.counts', { holidays: holidays.length, workdays: workdays.length })}</Typography.Text>}
              </Space>
            ),
            extra: official ? (
              <span onClick={(e) => e.stopPropagation()}>
                <Popconfirm title={t('sla.holidays.importOfficialConfirm', { year })} disabled={Boolean(importBlocked)} onConfirm={() => importSchedule({ source: 'china', year }, { year, holidays: official.holidays.length, workdays: official.workdays.length }, year)}>
                  <Tooltip title={importBlocked}>
                    <Button size="small" icon={<CloudDownloadOutlined />} disabled={Boolean(importBlocked)} loading={importing === year}>{t('sla.holidays.importOfficial')}</Button>
                  </Tooltip>
                </Popconfirm>
              </span>
            ) : null,
            children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {noData ? <Alert type="warning" showIcon title={t('sla.holidays.noData', { year })} /> : null}
                <div>
                  <Typography.Text strong style={{ marginRight: 8 }}>{t('sla.holidays.holidays')}</Typography.Text>
                  {holidays.length ? holidays.map((date) => dateTag('holidays', date)) : <Typography.Text type="secondary">{t('sla.holidays.none')}</Typography.Text>}
                </div>
                <div>
                  <Typography.Text strong style={{ marginRight: 8 }}>{t('sla.holidays.workdays')}</Typography.Text>
                  {workdays.length ? workdays.map((date) => dateTag('workdays', date)) : <Typography.Text type="secondary">{t('sla.holidays.none')}</Typography.Text>}
                </div>
              </Space>
            ),
          };
        })}
      />
    </Space>
  );
}
