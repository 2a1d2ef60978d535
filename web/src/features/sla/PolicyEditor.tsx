import { Alert, App, Button, Checkbox, Divider, Form, Input, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client.ts';
import { calendarProblem, fieldErrorsOf } from './calendar-problem.ts';
import { ConditionsEditor } from './ConditionsEditor.tsx';
import { EscalationEditor } from './EscalationEditor.tsx';
import { bodyOfDraft, draftOfPolicy, newPolicyDraft, policyPlaceOf, samePolicyDraft, ticketStatuses, type Policy, type PolicyDraft } from './policy-draft.ts';
import { PolicyErrorList } from './PolicyErrorList.tsx';
import { usePolicyActions } from './policy-queries.ts';
import type { PolicyReferences } from './policy-references.ts';
import { TargetsEditor } from './TargetsEditor.tsx';

type Props = {
  /** The policy as the server has it now; null while creating one. */
  latest: Policy | null;
  references: PolicyReferences;
  onCreated: (policy: Policy) => void;
};

/** Which rows the server refused, so each editor can mark them. */
function refusedPlaces(paths: string[]) {
  const places = paths.map(policyPlaceOf);
  return {
    conditions: new Set(places.flatMap((p) => (p.kind === 'condition' ? [p.condition] : []))),
    targets: new Set(places.flatMap((p) => (p.kind === 'target' ? [p.priority] : []))),
    steps: new Set(places.flatMap((p) => (p.kind === 'step' ? [p.step] : []))),
  };
}

/**
 * Edits one policy. The draft remembers the version it started from: saving sends that version,
 * so another admin's change in between answers 412 instead of being overwritten.
 */
export function PolicyEditor({ latest, references, onCreated }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actions = usePolicyActions();
  const [basedOn, setBasedOn] = useState<Policy | null>(latest);
  const [draft, setDraft] = useState<PolicyDraft>(() => (latest ? draftOfPolicy(latest) : newPolicyDraft()));
  const [conflict, setConflict] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<{ path: string; message: string }[]>([]);
  const [saving, setSaving] = useState(false);
  const base = useMemo(() => (basedOn ? draftOfPolicy(basedOn) : newPolicyDraft()), [basedOn]);
  const dirty = !samePolicyDraft(draft, base);

  // Follow the server while there is nothing of ours to lose (after a save, another admin's change).
  useEffect(() => {
    if (latest && basedOn && latest.version !== basedOn.version && !dirty) {
      setBasedOn(latest);
      setDraft(draftOfPolicy(latest));
    }
  }, [latest, basedOn, dirty]);

  function adopt(policy: Policy) {
    setBasedOn(policy);
    setDraft(draftOfPolicy(policy));
    setConflict(false);
    setFieldErrors([]);
  }

  async function save() {
    setSaving(true);
    setFieldErrors([]);
    try {
      if (basedOn) {
        adopt(await actions.update(basedOn, bodyOfDraft(draft)));
        message.success(t('sla.policies.saved'));
      } else {
        // New policies go first: a specific policy after a catch-all would never apply.
        const created = await actions.create({ ...bodyOfDraft(draft), position: 0 });
        message.success(t('sla.policies.created'));
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

  const refused = refusedPlaces(fieldErrors.map((error) => error.path));
  const nameMissing = draft.nameZh.trim() === '';
  const set = <K extends keyof PolicyDraft>(key: K, value: PolicyDraft[K]) => setDraft({ ...draft, [key]: value });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {conflict ? (
        <Alert
          type="error"
          showIcon
          title={t('sla.policies.conflictTitle')}
          description={t('sla.policies.conflictBody')}
          action={latest ? <Button size="small" onClick={() => adopt(latest)}>{t('sla.reload')}</Button> : null}
        />
      ) : null}
      {basedOn ? null : <Alert type="info" showIcon title={t('sla.policies.newFirstHint')} />}
      {fieldErrors.length ? <PolicyErrorList errors={fieldErrors} references={references} /> : null}
      <Form layout="vertical" component="div">
        <Form.Item label={t('sla.nameZh')} required validateStatus={nameMissing && dirty ? 'error' : undefined} help={nameMissing && dirty ? t('sla.nameRequired') : undefined}>
          <Input value={draft.nameZh} maxLength={100} onChange={(e) => set('nameZh', e.target.value)} />
        </Form.Item>
        <Form.Item label={t('sla.nameEn')}>
          <Input value={draft.nameEn} maxLength={100} onChange={(e) => set('nameEn', e.target.value)} />
        </Form.Item>
        <Form.Item label={t('sla.policies.active')}>
          <Switch checked={draft.active} onChange={(active) => set('active', active)} />
        </Form.Item>
        <Form.Item label={t('sla.policies.calendar')} extra={t('sla.policies.calendarHint')}>
          <Select<string>
            style={{ maxWidth: 320 }}
            value={draft.calendarId ?? ''}
            onChange={(id) => set('calendarId', id || null)}
            options={[{ value: '', label: t('sla.policies.defaultCalendar') }, ...references.calendars.map((c) => ({ value: c.value, label: c.label }))]}
          />
        </Form.Item>
        <Form.Item label={t('sla.policies.pauseStatuses')} extra={t('sla.policies.pauseHint')}>
          <Checkbox.Group value={draft.pauseStatuses} onChange={(statuses) => set('pauseStatuses', ticketStatuses.filter((s) => statuses.includes(s)))} options={ticketStatuses.map((status) => ({ value: status, label: t(`status.${status}`) }))} />
        </Form.Item>
        <Form.Item label={t('sla.policies.warning')} extra={t('sla.policies.warningHint')}>
          <InputNumber min={1} max={99} precision={0} value={draft.warningPercent} onChange={(percent) => set('warningPercent', percent ?? null)} suffix="%" />
        </Form.Item>
      </Form>
      <Divider titlePlacement="start">{t('sla.policies.conditions')}</Divider>
      <ConditionsEditor conditions={draft.conditions} onChange={(conditions) => set('conditions', conditions)} references={references} refused={refused.conditions} />
      <Divider titlePlacement="start">{t('sla.policies.targets.title')}</Divider>
      <TargetsEditor targets={draft.targets} onChange={(targets) => set('targets', targets)} references={references} refused={refused.targets} />
      <Divider titlePlacement="start">{t('sla.policies.escalation.title')}</Divider>
      <EscalationEditor steps={draft.escalation} onChange={(escalation) => set('escalation', escalation)} references={references} refused={refused.steps} />
      <Space style={{ position: 'sticky', bottom: 0, background: '#fff', padding: '12px 0', width: '100%', borderTop: '1px solid #f0f0f0', zIndex: 2 }}>
        <Button type="primary" onClick={save} loading={saving} disabled={(!dirty && basedOn !== null) || nameMissing || conflict}>{t('sla.save')}</Button>
        {dirty && basedOn ? <Button onClick={() => adopt(latest ?? basedOn)}>{t('sla.discard')}</Button> : null}
        {dirty ? <Typography.Text type="warning">{t('sla.unsaved')}</Typography.Text> : null}
      </Space>
    </Space>
  );
}
