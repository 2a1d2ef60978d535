import { App, Button, InputNumber, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/ui/describe-error.ts';
import { EmptyState } from '../../shared/ui/states.tsx';
import { ChatLimitsEditor } from './ChatLimitsEditor.tsx';
import { ShiftsDrawer } from './ShiftsDrawer.tsx';
import { useAgents, useAssignmentActions, type Agent, type AgentProfileBody } from './queries.ts';

/** A team's members with their capacity, chat limits per channel, weight, skills (per skill field) and shifts, saved per row. */
export function MembersTable({ teamId, skillFields }: { teamId: string; skillFields: Array<{ value: string; label: string }> }) {
  const { t } = useTranslation();
  const agents = useAgents(teamId);
  const [shiftsOf, setShiftsOf] = useState<Agent | null>(null);
  if (agents.data && agents.data.length === 0) return <EmptyState title={t('assignment.settings.noMembers')} />;
  return (
    <>
      <Table<Agent>
        rowKey="userId"
        size="small"
        loading={agents.isLoading}
        dataSource={agents.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('assignment.board.name'), dataIndex: 'name' },
          { title: t('assignment.settings.profile'), render: (_, agent) => <AgentEditor key={`${agent.userId}:${agent.version}`} agent={agent} skillFields={skillFields} onShifts={() => setShiftsOf(agent)} /> },
        ]}
      />
      {shiftsOf ? <ShiftsDrawer agent={shiftsOf} onClose={() => setShiftsOf(null)} /> : null}
    </>
  );
}

function AgentEditor({ agent, skillFields, onShifts }: { agent: Agent; skillFields: Array<{ value: string; label: string }>; onShifts: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actions = useAssignmentActions();
  const [draft, setDraft] = useState<AgentProfileBody>({ capacity: agent.capacity, chatCapacity: agent.chatCapacity, chatCapacities: agent.chatCapacities, weight: agent.weight, skills: agent.skills });
  const number = (key: 'capacity' | 'chatCapacity' | 'weight', min: number, max: number) => (
    <InputNumber size="small" min={min} max={max} aria-label={`${agent.name} ${t(`assignment.settings.${key}`)}`} value={draft[key]} onChange={(value) => setDraft({ ...draft, [key]: value ?? min })} style={{ width: 72 }} />
  );
  async function save() {
    try {
      await actions.saveAgent(agent, draft);
      message.success(t('assignment.settings.profileSaved'));
    } catch (error) {
      message.error(describeError(error, t).message);
    }
  }
  return (
    <Space wrap size={[12, 4]}>
      <span title={t('assignment.settings.capacity')}>{t('assignment.settings.capacity')} {number('capacity', 0, 1000)}</span>
      <span title={t('assignment.settings.chatCapacityHint')}>{t('assignment.settings.chatCapacity')} {number('chatCapacity', 0, 100)}</span>
      <ChatLimitsEditor agent={agent} value={draft.chatCapacities ?? {}} onChange={(chatCapacities) => setDraft({ ...draft, chatCapacities })} />
      <span>{t('assignment.settings.weight')} {number('weight', 1, 100)}</span>
      {skillFields.map((field) => (
        <span key={field.value}>
          {field.label}{' '}
          <Select
            size="small"
            mode="tags"
            style={{ minWidth: 140 }}
            aria-label={`${agent.name} ${t('assignment.settings.skills')} ${field.label}`}
            placeholder={t('assignment.settings.skillsPlaceholder')}
            value={draft.skills?.[field.value] ?? []}
            onChange={(values: string[]) => setDraft({ ...draft, skills: { ...draft.skills, [field.value]: values } })}
          />
        </span>
      ))}
      <Button size="small" onClick={onShifts}>{t('assignment.settings.editShifts')}</Button>
      <Button size="small" type="primary" onClick={save} data-testid={`agent-save-${agent.userId}`}>{t('app.save')}</Button>
    </Space>
  );
}
