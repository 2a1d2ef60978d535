import { Button, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StageAssignee, StageNode } from '../../../../src/workflow-model/definition.ts';
import type { RegistryField } from '../forms/designer/registry-field.ts';
import type { NodeInput } from './diagram.ts';
import { FieldSelect, FieldsSelect, isUserField, Property, RoleSelect } from './panel-parts.tsx';
import { StageSlaFields } from './StageSlaFields.tsx';

type StageInput = Extract<NodeInput, { kind: 'stage' }>;
export type Named = { value: string; label: string };

type Props = {
  stage: StageInput;
  isStart: boolean;
  onChange: (next: StageInput) => void;
  onMakeStart: () => void;
  fields: readonly RegistryField[];
  sections: readonly Named[];
  teams: readonly Named[];
};

const assigneeKinds = ['team', 'role', 'user_field', 'account_manager'] as const satisfies ReadonlyArray<StageAssignee['kind']>;
const assigneeKey = { team: 'assigneeTeam', role: 'assigneeRole', user_field: 'assigneeUserField', account_manager: 'assigneeAccountManager' } as const;

/** A new assignee rule of a kind, with the first choice offered (validate marks an empty one). */
function assigneeOf(kind: StageAssignee['kind'], teams: readonly Named[], fields: readonly RegistryField[]): StageNode['assignee'] {
  switch (kind) {
    case 'team':
      return { kind, teamId: teams[0]?.value ?? '' };
    case 'role':
      return { kind, role: 'agent' };
    case 'user_field':
      return { kind, field: fields.find(isUserField)?.key ?? '' };
    case 'account_manager':
      return { kind };
  }
}

/** 环节: its name, form section, required and read-only fields, who works on it, its SLA target, warning and escalation. */
export function StagePanel({ stage, isStart, onChange, onMakeStart, fields, sections, teams }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<StageInput>) => onChange({ ...stage, ...patch });
  const assignee = stage.assignee;
  return (
    <>
      <Property name={t('workflow.prop.nameZh')} hint={t('workflow.prop.nameZhHint')}>
        <Input aria-label={t('workflow.prop.nameZh')} value={stage.name['zh-CN']} onChange={(e) => set({ name: { ...stage.name, 'zh-CN': e.target.value } })} />
      </Property>
      <Property name={t('workflow.prop.nameEn')} hint={t('workflow.prop.nameEnHint')}>
        <Input aria-label={t('workflow.prop.nameEn')} value={stage.name.en ?? ''} onChange={(e) => set({ name: { ...stage.name, en: e.target.value } })} />
      </Property>
      <Property name={t('workflow.designer.start')} hint={t('workflow.designer.startHint')}>
        <Button size="small" disabled={isStart} onClick={onMakeStart}>{isStart ? t('workflow.designer.start') : t('workflow.designer.setStart')}</Button>
      </Property>
      <Property name={t('workflow.prop.formSection')} hint={t('workflow.prop.formSectionHint')}>
        <Select aria-label={t('workflow.prop.formSection')} value={stage.formSection ?? ''} onChange={(value: string) => set({ formSection: value || undefined })} options={[{ value: '', label: t('workflow.prop.wholeForm') }, ...sections]} style={{ width: '100%' }} />
      </Property>
      <Property name={t('workflow.prop.requiredFields')} hint={t('workflow.prop.requiredFieldsHint')}>
        <FieldsSelect label={t('workflow.prop.requiredFields')} value={stage.requiredFields ?? []} onChange={(requiredFields) => set({ requiredFields })} fields={fields} />
      </Property>
      <Property name={t('workflow.prop.readOnlyFields')} hint={t('workflow.prop.readOnlyFieldsHint')}>
        <FieldsSelect label={t('workflow.prop.readOnlyFields')} value={stage.readOnlyFields ?? []} onChange={(readOnlyFields) => set({ readOnlyFields })} fields={fields} />
      </Property>
      <Property name={t('workflow.prop.assignee')} hint={t('workflow.prop.assigneeHint')}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Select
            aria-label={t('workflow.prop.assignee')}
            value={assignee?.kind ?? ''}
            onChange={(kind: StageAssignee['kind'] | '') => set({ assignee: kind ? assigneeOf(kind, teams, fields) : undefined })}
            options={[{ value: '', label: t('workflow.prop.assigneeNone') }, ...assigneeKinds.map((kind) => ({ value: kind, label: t(`workflow.prop.${assigneeKey[kind]}`) }))]}
            style={{ width: '100%' }}
          />
          {assignee?.kind === 'team' && <Select aria-label={t('workflow.prop.assigneeTeam')} value={assignee.teamId || undefined} onChange={(teamId: string) => set({ assignee: { kind: 'team', teamId } })} options={[...teams]} style={{ width: '100%' }} />}
          {assignee?.kind === 'role' && <RoleSelect label={t('workflow.prop.assigneeRole')} value={assignee.role} onChange={(role) => set({ assignee: { kind: 'role', role } })} />}
          {assignee?.kind === 'user_field' && <FieldSelect label={t('workflow.prop.assigneeUserField')} value={assignee.field || undefined} onChange={(field) => set({ assignee: { kind: 'user_field', field } })} fields={fields} filter={isUserField} />}
        </Space>
      </Property>
      <StageSlaFields stage={stage} set={set} teams={teams} />
    </>
  );
}
