import { App, Button, Form, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/ui/describe-error.ts';
import { labelIn } from '../forms/field-labels.ts';
import { useTicketFields } from '../forms/queries.ts';
import { useCalendars } from '../sla/queries.ts';
import { useAssignmentActions, type TeamAssignment, type TeamAssignmentBody } from './queries.ts';

const strategies = ['off', 'round_robin', 'least_open', 'skills', 'weighted'] as const;
/** Built-in ticket fields skills may name, and custom field types with options (the server checks the same). */
const builtinSkillFields = ['priority', 'channel', 'categoryId'];
const optionTypes = new Set(['select', 'multiselect', 'cascader', 'radio']);

/** The ticket fields a team may match skills on, as `{value, label}` (custom ones as `fields.<key>`). */
export function useSkillFieldOptions(): Array<{ value: string; label: string }> {
  const { t, i18n } = useTranslation();
  const fields = useTicketFields();
  const custom = (fields.data ?? []).filter((f) => !f.builtIn && optionTypes.has(f.type)).map((f) => ({ value: `fields.${f.key}`, label: labelIn(f.label, i18n.language) }));
  return [...builtinSkillFields.map((key) => ({ value: key, label: t(`field.${key}`, { defaultValue: t(`ticket.${key}`) }) })), ...custom];
}

/** A team's strategy, skill fields, reassignment after silence and calendar. */
export function TeamSettingsForm({ team }: { team: TeamAssignment }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TeamAssignmentBody>();
  const actions = useAssignmentActions();
  const calendars = useCalendars();
  const skillFields = useSkillFieldOptions();
  const strategy = Form.useWatch('strategy', form) ?? team.strategy;

  async function save(values: TeamAssignmentBody) {
    try {
      await actions.saveTeam(team, { ...values, reassignAfterMinutes: values.reassignAfterMinutes ?? null, calendarId: values.calendarId ?? null });
      message.success(t('assignment.settings.saved'));
    } catch (error) {
      const described = describeError(error, t);
      message.error(described.message);
    }
  }

  return (
    <Form form={form} layout="vertical" initialValues={team} onFinish={save} key={`${team.teamId}:${team.version}`} style={{ maxWidth: 560 }}>
      <Form.Item name="strategy" label={t('assignment.settings.strategy')} extra={t('assignment.settings.strategyHint')}>
        <Select data-testid="assignment-strategy" options={strategies.map((value) => ({ value, label: t(`assignment.strategy.${value}`) }))} />
      </Form.Item>
      {strategy === 'skills' ? (
        <Form.Item name="skillFields" label={t('assignment.settings.skillFields')} extra={t('assignment.settings.skillFieldsHint')}>
          <Select mode="multiple" options={skillFields} />
        </Form.Item>
      ) : null}
      <Form.Item name="reassignAfterMinutes" label={t('assignment.settings.reassignAfter')} extra={t('assignment.settings.reassignHint')}>
        <InputNumber min={1} max={10_080} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="calendarId" label={t('assignment.settings.calendar')}>
        <Select allowClear placeholder={t('assignment.settings.defaultCalendar')} options={(calendars.data ?? []).map((c) => ({ value: c.id, label: i18n.language === 'en' && c.nameEn ? c.nameEn : c.nameZh }))} />
      </Form.Item>
      <Typography.Paragraph type="secondary">{t('assignment.settings.queued', { count: team.queued })}</Typography.Paragraph>
      <Button type="primary" htmlType="submit" data-testid="assignment-save">{t('app.save')}</Button>
    </Form>
  );
}
