import { Alert, App, Button, Divider, Form, Input, Select, Space, Switch, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client.ts';
import { BusinessTimeCheck } from './BusinessTimeCheck.tsx';
import { bodyOf, draftOf, newDraft, refusedIntervals, sameDraft, sortedDraft, type Calendar, type CalendarDraft, type YearSchedule } from './calendar-draft.ts';
import { calendarProblem, fieldErrorsOf } from './calendar-problem.ts';
import { FieldErrorList } from './FieldErrorList.tsx';
import { HolidayEditor } from './HolidayEditor.tsx';
import { useCalendarActions } from './queries.ts';
import { WeeklyHoursEditor } from './WeeklyHoursEditor.tsx';

type Props = {
  /** The calendar as the server has it now; null while creating one. */
  latest: Calendar | null;
  bundled: readonly YearSchedule[];
  onCreated: (calendar: Calendar) => void;
};

function timeZones(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Singapore', 'Asia/Tokyo', 'Europe/London', 'America/New_York', 'UTC'];
  return [...new Set([current, 'Asia/Shanghai', ...known])];
}

/**
 * Edits one calendar. The draft remembers the version it started from: saving sends that version,
 * so another admin's change in between answers 412 instead of being overwritten.
 */
export function CalendarEditor({ latest, bundled, onCreated }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actions = useCalendarActions();
  const [basedOn, setBasedOn] = useState<Calendar | null>(latest);
  const [draft, setDraft] = useState<CalendarDraft>(() => (latest ? draftOf(latest) : newDraft(bundled)));
  const [conflict, setConflict] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<{ path: string; message: string }[]>([]);
  const [saving, setSaving] = useState(false);
  const base = useMemo(() => (basedOn ? draftOf(basedOn) : newDraft(bundled)), [basedOn, bundled]);
  const dirty = !sameDraft(draft, base);

  // Follow the server while there is nothing of ours to lose (after a save, an import, another admin's change).
  useEffect(() => {
    if (latest && basedOn && latest.version !== basedOn.version && !dirty) {
      setBasedOn(latest);
      setDraft(draftOf(latest));
    }
  }, [latest, basedOn, dirty]);

  function adopt(calendar: Calendar) {
    setBasedOn(calendar);
    setDraft(draftOf(calendar));
    setConflict(false);
    setFieldErrors([]);
  }

  async function save() {
    const sorted = sortedDraft(draft);
    setDraft(sorted);
    setSaving(true);
    setFieldErrors([]);
    try {
      if (basedOn) {
        adopt(await actions.update(basedOn, bodyOf(sorted)));
        message.success(t('sla.saved'));
      } else {
        const created = await actions.create(bodyOf(sorted));
        message.success(t('sla.created'));
        onCreated(created);
      }
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) setConflict(true);
      else if (fieldErrorsOf(error).length) setFieldErrors(fieldErrorsOf(error));
      else message.error(calendarProblem(error, t));
    } finally {
      setSaving(false);
    }
  }

  const refused = refusedIntervals(fieldErrors.map((error) => error.path));
  const nameMissing = draft.nameZh.trim() === '';
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {conflict ? (
        <Alert
          type="error"
          showIcon
          title={t('sla.conflictTitle')}
          description={t('sla.conflictBody')}
          action={latest ? <Button size="small" onClick={() => adopt(latest)}>{t('sla.reload')}</Button> : null}
        />
      ) : null}
      {fieldErrors.length ? <FieldErrorList errors={fieldErrors} draft={draft} /> : null}
      <Form layout="vertical" component="div">
        <Form.Item label={t('sla.nameZh')} required validateStatus={nameMissing && dirty ? 'error' : undefined} help={nameMissing && dirty ? t('sla.nameRequired') : undefined}>
          <Input value={draft.nameZh} maxLength={100} onChange={(e) => setDraft({ ...draft, nameZh: e.target.value })} />
        </Form.Item>
        <Form.Item label={t('sla.nameEn')}>
          <Input value={draft.nameEn} maxLength={100} onChange={(e) => setDraft({ ...draft, nameEn: e.target.value })} />
        </Form.Item>
        <Form.Item label={t('sla.timeZone')}>
          <Select showSearch value={draft.timeZone} options={timeZones(draft.timeZone).map((zone) => ({ value: zone, label: zone }))} onChange={(timeZone) => setDraft({ ...draft, timeZone })} style={{ maxWidth: 320 }} />
        </Form.Item>
        <Form.Item label={t('sla.alwaysOpen')} extra={t('sla.alwaysOpenHint')}>
          <Switch checked={draft.alwaysOpen} onChange={(alwaysOpen) => setDraft({ ...draft, alwaysOpen })} />
        </Form.Item>
        <Form.Item label={t('sla.isDefault')} extra={basedOn?.isDefault ? undefined : t('sla.defaultHint')}>
          {/* The default moves to another calendar; it is never switched off here. */}
          <Switch checked={draft.isDefault} disabled={basedOn?.isDefault} onChange={(isDefault) => setDraft({ ...draft, isDefault })} />
        </Form.Item>
      </Form>
      <div style={{ opacity: draft.alwaysOpen ? 0.5 : 1 }}>
        <Divider titlePlacement="start">{t('sla.weekly.title')}</Divider>
        <WeeklyHoursEditor draft={draft} onChange={setDraft} refusedPaths={refused} />
        <Divider titlePlacement="start">{t('sla.holidays.title')}</Divider>
        <HolidayEditor draft={draft} onChange={setDraft} saved={basedOn} dirty={dirty} bundled={bundled} onImported={adopt} />
      </div>
      {basedOn ? (
        <>
          <Divider titlePlacement="start">{t('sla.check.title')}</Divider>
          <BusinessTimeCheck calendar={basedOn} dirty={dirty} />
        </>
      ) : null}
      <Space style={{ position: 'sticky', bottom: 0, background: '#fff', padding: '12px 0', width: '100%', borderTop: '1px solid #f0f0f0' }}>
        <Button type="primary" onClick={save} loading={saving} disabled={(!dirty && basedOn !== null) || nameMissing || conflict}>{t('sla.save')}</Button>
        {dirty && basedOn ? <Button onClick={() => adopt(latest ?? basedOn)}>{t('sla.discard')}</Button> : null}
        {dirty ? <Typography.Text type="warning">{t('sla.unsaved')}</Typography.Text> : null}
      </Space>
    </Space>
  );
}
