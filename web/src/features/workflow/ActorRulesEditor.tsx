import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Dropdown, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActorRule } from '../../../../src/workflow-model/definition.ts';
import type { RegistryField } from '../forms/designer/registry-field.ts';
import { FieldSelect, isUserField, RoleSelect } from './panel-parts.tsx';
import type { Named } from './StagePanel.tsx';

type Props = { value: readonly ActorRule[]; onChange: (next: ActorRule[]) => void; label: string; fields: readonly RegistryField[]; teams: readonly Named[]; stages: readonly Named[] };
const kinds = ['stage_assignee', 'role', 'team', 'user_field', 'stage_actor'] as const satisfies ReadonlyArray<ActorRule['kind']>;
const kindKey = { stage_assignee: 'actorAssignee', role: 'approverRole', team: 'actorTeam', user_field: 'actorUserField', stage_actor: 'actorStage' } as const;

function blank(kind: ActorRule['kind'], teams: readonly Named[], fields: readonly RegistryField[], stages: readonly Named[]): ActorRule {
  switch (kind) {
    case 'stage_assignee':
      return { kind };
    case 'role':
      return { kind, role: 'supervisor' };
    case 'team':
      return { kind, teamId: teams[0]?.value ?? '' };
    case 'user_field':
      return { kind, field: fields.find(isUserField)?.key ?? '' };
    case 'stage_actor':
      return { kind, stage: stages[0]?.value ?? '' };
  }
}

/** Who may (or may not) take a transition: a list of rules, any of which matches. */
export function ActorRulesEditor({ value, onChange, label, fields, teams, stages }: Props) {
  const { t } = useTranslation();
  const setAt = (index: number, rule: ActorRule) => onChange(value.map((r, i) => (i === index ? rule : r)));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {value.map((rule, index) => (
        <Space key={index} wrap>
          <Tag>{t(`workflow.prop.${kindKey[rule.kind]}`, { stage: '…', role: '' })}</Tag>
          {rule.kind === 'role' && <RoleSelect label={label} value={rule.role} onChange={(role) => setAt(index, { kind: 'role', role })} />}
          {rule.kind === 'team' && <Select aria-label={label} style={{ minWidth: 160 }} value={rule.teamId || undefined} onChange={(teamId: string) => setAt(index, { kind: 'team', teamId })} options={[...teams]} />}
          {rule.kind === 'user_field' && <div style={{ minWidth: 160 }}><FieldSelect label={label} value={rule.field || undefined} onChange={(field) => setAt(index, { kind: 'user_field', field })} fields={fields} filter={isUserField} /></div>}
          {rule.kind === 'stage_actor' && <Select aria-label={label} style={{ minWidth: 160 }} value={rule.stage || undefined} onChange={(stage: string) => setAt(index, { kind: 'stage_actor', stage })} options={[...stages]} />}
          <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('app.delete')} onClick={() => onChange(value.filter((_, i) => i !== index))} />
        </Space>
      ))}
      <Dropdown menu={{ items: kinds.map((kind) => ({ key: kind, label: t(`workflow.prop.${kindKey[kind]}`, { stage: '…', role: '' }) })), onClick: ({ key }) => {
        const kind = kinds.find((k) => k === key);
        if (kind) onChange([...value, blank(kind, teams, fields, stages)]);
      } }}>
        <Button size="small" icon={<PlusOutlined />}>{t('workflow.prop.addActor')}</Button>
      </Dropdown>
    </Space>
  );
}
