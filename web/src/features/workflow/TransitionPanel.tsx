import { Alert, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Condition } from '../../../../src/conditions/types.ts';
import { draftOfCondition, type ConditionDraft } from '../automation/condition-draft.ts';
import { ConditionLeaves } from '../forms/designer/ConditionLeaves.tsx';
import type { RegistryField } from '../forms/designer/registry-field.ts';
import { ActorRulesEditor } from './ActorRulesEditor.tsx';
import { ApprovalEditor } from './ApprovalEditor.tsx';
import type { TransitionInput } from './diagram.ts';
import { FieldsSelect, Property } from './panel-parts.tsx';
import type { Named } from './StagePanel.tsx';

type Props = { transition: TransitionInput; onChange: (next: TransitionInput) => void; fields: readonly RegistryField[]; teams: readonly Named[]; users: readonly Named[]; stages: readonly Named[] };

/** The condition rows as the condition language's tree (`{all: []}` while no row is filled: it always holds). */
function conditionOf(draft: ConditionDraft): Condition {
  const leaves: Condition[] = draft.conditions.map(({ field, op, value }) => (value === undefined ? { field, op } : { field, op, value }));
  return draft.match === 'any' ? { any: leaves } : { all: leaves };
}

/** 流转: the button's text, direction, who may take it, its condition, required fields, approval and actions. */
export function TransitionPanel({ transition, onChange, fields, teams, users, stages }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<TransitionInput>) => onChange({ ...transition, ...patch });
  // No condition shows as "当 总是" with the rows' own 添加条件; the last row removed removes the condition.
  const draft: ConditionDraft | null = transition.condition === undefined ? { match: 'all', conditions: [] } : draftOfCondition(transition.condition);
  const actions = transition.actions ?? [];
  return (
    <>
      <Property name={t('workflow.prop.label')} hint={t('workflow.prop.labelHint')}>
        <Input aria-label={t('workflow.prop.label')} value={transition.label['zh-CN']} onChange={(e) => set({ label: { ...transition.label, 'zh-CN': e.target.value } })} />
      </Property>
      <Property name={t('workflow.prop.labelEn')} hint={t('workflow.prop.labelEnHint')}>
        <Input aria-label={t('workflow.prop.labelEn')} value={transition.label.en ?? ''} onChange={(e) => set({ label: { ...transition.label, en: e.target.value } })} />
      </Property>
      <Property name={t('workflow.prop.transitionKind')} hint={t('workflow.prop.transitionKindHint')}>
        <Radio.Group optionType="button" size="small" value={transition.kind ?? 'forward'} onChange={(e) => set({ kind: e.target.value })} options={[{ value: 'forward', label: t('workflow.prop.forward') }, { value: 'return', label: t('workflow.prop.return') }]} />
      </Property>
      <Property name={t('workflow.prop.condition')} hint={t('workflow.prop.conditionHint')} testId="transition-condition">
        {draft ? (
          <ConditionLeaves match={draft.match} conditions={draft.conditions} fields={fields} onChange={(next) => set({ condition: next.conditions.length ? conditionOf(next) : undefined })} />
        ) : (
          // A tree the rows cannot show (nested groups, written through the API) is kept as it is.
          <Alert type="info" title={<Typography.Paragraph code style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{JSON.stringify(transition.condition, null, 2)}</Typography.Paragraph>} />
        )}
      </Property>
      <Property name={t('workflow.prop.transitionRequired')} hint={t('workflow.prop.transitionRequiredHint')}>
        <FieldsSelect label={t('workflow.prop.transitionRequired')} value={transition.requiredFields ?? []} onChange={(requiredFields) => set({ requiredFields })} fields={fields} />
      </Property>
      <Property name={t('workflow.prop.allow')} hint={t('workflow.prop.allowHint')}>
        <ActorRulesEditor label={t('workflow.prop.allow')} value={transition.allow ?? [{ kind: 'stage_assignee' }]} onChange={(allow) => set({ allow })} fields={fields} teams={teams} stages={stages} />
      </Property>
      <Property name={t('workflow.prop.exclude')} hint={t('workflow.prop.excludeHint')}>
        <ActorRulesEditor label={t('workflow.prop.exclude')} value={transition.exclude ?? []} onChange={(exclude) => set({ exclude })} fields={fields} teams={teams} stages={stages} />
      </Property>
      <Property name={t('workflow.prop.approval')} hint={t('workflow.prop.approvalHint')}>
        <ApprovalEditor value={transition.approval} onChange={(approval) => set({ approval })} fields={fields} teams={teams} users={users} />
      </Property>
      <Property name={t('workflow.prop.actions')} hint={t('workflow.prop.actionsHint')}>
        <Typography.Text type="secondary">{actions.length ? t('workflow.prop.actionsCount', { count: actions.length }) : t('workflow.prop.actionsNone')}</Typography.Text>
      </Property>
    </>
  );
}
