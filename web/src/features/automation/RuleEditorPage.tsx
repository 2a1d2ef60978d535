import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Input, Popconfirm, Radio, Row, Space, Switch, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { operatorsFor } from '../../../../src/conditions/operators.ts';
import { ApiError } from '../../shared/api/client.ts';
import { describeError } from '../../shared/ui/describe-error.ts';
import { ErrorState, Loading } from '../../shared/ui/states.tsx';
import { AdminGate } from '../admin/AdminGate.tsx';
import { ConditionLeaves } from '../forms/designer/ConditionLeaves.tsx';
import { labelIn } from '../forms/designer/registry-field.ts';
import { useTicketTypes } from '../forms/queries.ts';
import { useCalendars } from '../sla/queries.ts';
import { useTicketChannels } from '../tickets/ticket-channels.ts';
import { useCategories, usePriorities, useTeams, useUsers } from '../tickets/queries.ts';
import { ActionsEditor } from './ActionsEditor.tsx';
import { conditionOfDraft, draftOfCondition, type ConditionDraft } from './condition-draft.ts';
import { useRule, useRuleActions, useRuleFields, type Rule, type RuleAction, type RuleBody } from './queries.ts';
import { conditionFieldsOf, type ReferenceOptions } from './rule-field-options.ts';
import { triggerKey } from './rule-order.ts';
import { BackfillProgress } from './BackfillProgress.tsx';
import { RuleHistory } from './RuleHistory.tsx';
import { defaultTimeTrigger, TimeTriggerFields, type TimeTrigger } from './TimeTriggerFields.tsx';
import { TryRulePane } from './TryRulePane.tsx';

const allTriggers = ['ticket.created', 'ticket.updated', 'customer.replied', 'agent.replied', 'note.added', 'sla.warning', 'sla.breached', 'survey.answered'] as const satisfies ReadonlyArray<NonNullable<RuleBody['triggers']>[number]>;

export default function RuleEditorPage() {
  return (
    <AdminGate permission="automation.manage">
      <RuleEditor />
    </AdminGate>
  );
}

/** Both languages' names of a record, for the shared condition rows. */
const both = (zh: string, en?: string | null) => ({ 'zh-CN': zh, en: en || zh });

function useReferences(): ReferenceOptions | null {
  const { t } = useTranslation();
  const categories = useCategories();
  const priorities = usePriorities();
  const teams = useTeams();
  const users = useUsers();
  const types = useTicketTypes();
  const channels = useTicketChannels();
  if (!categories.data || !priorities.data || !teams.data || !users.data || !types.data || !channels.data) return null;
  return {
    category: categories.data.map((c) => ({ value: c.id, label: both(c.nameZh, c.nameEn) })),
    priority: priorities.data.map((p) => ({ value: p.key, label: both(p.nameZh, p.nameEn) })),
    team: teams.data.map((team) => ({ value: team.id, label: both(team.name) })),
    assignee: users.data.map((user) => ({ value: user.id, label: both(user.name) })),
    channel: channels.data.map((c) => ({ value: c.key, label: both(c.labels?.['zh-CN'] ?? t(`channel.${c.key}`, { defaultValue: c.key }), c.labels?.en) })),
    type: types.data.map((type) => ({ value: type.key, label: both(type.label['zh-CN'], type.label.en) })),
  };
}

type Draft = { name: string; description: string; kind: 'event' | 'time'; triggers: NonNullable<RuleBody['triggers']>; timeTrigger: TimeTrigger | null; condition: ConditionDraft | null; storedCondition: unknown; actions: RuleAction[]; stopAfter: boolean; enabled: boolean };

function draftOf(rule: Rule | undefined): Draft {
  if (!rule) return { name: '', description: '', kind: 'event', triggers: ['ticket.created'], timeTrigger: null, condition: { match: 'all', conditions: [] }, storedCondition: { all: [] }, actions: [], stopAfter: false, enabled: true };
  return { name: rule.name, description: rule.description, kind: rule.kind, triggers: rule.triggers, timeTrigger: rule.timeTrigger, condition: draftOfCondition(rule.conditions), storedCondition: rule.conditions, actions: rule.actions, stopAfter: rule.stopAfter, enabled: rule.enabled };
}

/** The rule editor (/settings/automation/:id, `new` for a new rule): what, when, then; preview and test beside it; history below. */
function RuleEditor() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id = 'new' } = useParams();
  const isNew = id === 'new';
  const rule = useRule(isNew ? null : id);
  const fields = useRuleFields();
  const calendars = useCalendars();
  const references = useReferences();
  const actions = useRuleActions();
  const [draft, setDraft] = useState<Draft>(() => draftOf(undefined));
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => setDraft(draftOf(rule.data)), [rule.data]);
  const conditionFields = useMemo(() => (fields.data && references ? conditionFieldsOf(fields.data, references) : []), [fields.data, references]);

  if ((!isNew && rule.isPending) || fields.isPending || !references) return <Loading />;
  if (rule.isError) return <ErrorState error={rule.error} onRetry={() => rule.refetch()} />;
  if (fields.isError) return <ErrorState error={fields.error} onRetry={() => fields.refetch()} />;

  const conditions = draft.condition ? conditionOfDraft(draft.condition) : draft.storedCondition;
  const isTime = draft.kind === 'time';
  const body: RuleBody = { name: draft.name, description: draft.description, kind: draft.kind, triggers: isTime ? [] : draft.triggers, timeTrigger: isTime ? draft.timeTrigger : null, conditions, actions: draft.actions, stopAfter: draft.stopAfter, enabled: draft.enabled };
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  // A change (changed, changed from/to) can only be judged where a ticket update fires the rule.
  const operatorsOf = (type: Parameters<typeof operatorsFor>[0]) => operatorsFor(type).filter((op) => (!isTime && draft.triggers.includes('ticket.updated')) || !op.startsWith('changed'));
  const calendarOptions = (calendars.data ?? []).map((calendar) => ({ value: calendar.id, label: calendar.nameZh }));

  async function save() {
    setBusy(true);
    setProblems([]);
    try {
      if (isNew) {
        const created = await actions.create(body);
        message.success(t('automation.created'));
        navigate(`/settings/automation/${created.id}`, { replace: true });
      } else {
        await actions.update(rule.data!, body);
        message.success(t('automation.saved'));
      }
    } catch (error) {
      const errors = error instanceof ApiError ? (error.problem.errors ?? []) : [];
      setProblems(errors.length ? errors.map((e) => `${e.path}: ${e.message}`) : [describeError(error, t).message]);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    try {
      await actions.remove(rule.data!);
      message.success(t('automation.deleted'));
      navigate('/settings/automation');
    } catch (error) {
      message.error(describeError(error, t).message);
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate('/settings/automation')}>{t('automation.back')}</Button>
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card
            title={isNew ? t('automation.new') : draft.name || t('automation.edit')}
            extra={
              <Space>
                {!isNew && <Typography.Text type="secondary">{t('automation.version', { version: rule.data?.version })}</Typography.Text>}
                {!isNew && (
                  <Popconfirm title={t('automation.deleteConfirm', { name: rule.data?.name })} onConfirm={remove}>
                    <Button danger>{t('automation.delete')}</Button>
                  </Popconfirm>
                )}
                <Button type="primary" onClick={save} loading={busy} data-testid="save-rule">{t('automation.save')}</Button>
              </Space>
            }
          >
            <Space orientation="vertical" style={{ width: '100%' }} size="middle">
              <Input aria-label={t('automation.name')} placeholder={t('automation.name')} value={draft.name} onChange={(event) => set({ name: event.target.value })} />
              <Input.TextArea aria-label={t('automation.description')} placeholder={t('automation.description')} autoSize value={draft.description} onChange={(event) => set({ description: event.target.value })} />
              <div>
                <Typography.Text strong>{t('automation.time.kindLabel')}</Typography.Text>
                <div style={{ marginTop: 4 }}>
                  <Radio.Group
                    optionType="button"
                    value={draft.kind}
                    onChange={(event) => set({ kind: event.target.value, timeTrigger: draft.timeTrigger ?? defaultTimeTrigger(calendarOptions[0]?.value) })}
                    options={[{ value: 'event', label: t('automation.time.kindEvent') }, { value: 'time', label: t('automation.time.kindTime') }]}
                  />
                </div>
                <Typography.Text type="secondary">{t(isTime ? 'automation.time.kindTimeHint' : 'automation.time.kindEventHint')}</Typography.Text>
              </div>
              {isTime && draft.timeTrigger ? (
                <TimeTriggerFields value={draft.timeTrigger} onChange={(timeTrigger) => set({ timeTrigger })} calendars={calendarOptions} />
              ) : (
                <div>
                  <Typography.Text strong>{t('automation.triggersLabel')}</Typography.Text>
                  <Checkbox.Group style={{ display: 'block', marginTop: 4 }} value={draft.triggers} onChange={(triggers) => set({ triggers: allTriggers.filter((trigger) => triggers.includes(trigger)) })} options={allTriggers.map((trigger) => ({ value: trigger, label: t(triggerKey(trigger)) }))} />
                </div>
              )}
              <div>
                <Typography.Text strong>{t('automation.conditionsLabel')}</Typography.Text>
                {draft.condition ? (
                  <ConditionLeaves match={draft.condition.match} conditions={draft.condition.conditions} fields={conditionFields} operatorsOf={operatorsOf} calendars={calendarOptions} onChange={(condition) => set({ condition })} />
                ) : (
                  <Alert type="info" title={t('automation.nestedConditions')} description={<Typography.Paragraph code style={{ whiteSpace: 'pre-wrap' }}>{JSON.stringify(draft.storedCondition, null, 2)}</Typography.Paragraph>} />
                )}
              </div>
              <div>
                <Typography.Text strong>{t('automation.actionsLabel')}</Typography.Text>
                <ActionsEditor actions={draft.actions} onChange={(next) => set({ actions: next })} fields={conditionFields} references={references} />
              </div>
              <Space wrap>
                <Switch checked={draft.enabled} onChange={(enabled) => set({ enabled })} aria-label={t('automation.enabled')} /> {t('automation.enabled')}
                <Checkbox checked={draft.stopAfter} onChange={(event) => set({ stopAfter: event.target.checked })}>{t('automation.stopAfter')}</Checkbox>
                <Typography.Text type="secondary">{t('automation.stopAfterHint')}</Typography.Text>
              </Space>
              {problems.length > 0 && <Alert type="error" data-testid="rule-problems" title={problems.map((problem) => <div key={problem}>{problem}</div>)} />}
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <TryRulePane draft={{ triggers: isTime ? [] : draft.triggers, conditions, actions: draft.actions }} fieldLabel={(key) => labelIn(conditionFields.find((field) => field.key === key)?.label, i18n.language) || key} />
        </Col>
      </Row>
      {!isNew && rule.data?.kind === 'time' && <BackfillProgress ruleId={id} />}
      {!isNew && <Card>{<RuleHistory ruleId={id} />}</Card>}
    </Space>
  );
}
