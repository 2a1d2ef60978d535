import { Card, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states.tsx';
import { AdminGate } from '../admin/AdminGate.tsx';
import { useTeams } from '../tickets/queries.ts';
import { MembersTable } from './MembersTable.tsx';
import { TeamSettingsForm, useSkillFieldOptions } from './TeamSettingsForm.tsx';
import { useTeamAssignment } from './queries.ts';

/** 设置 › 分配: per team its strategy and settings; per member capacity, weight, skills and shifts. */
export default function AssignmentSettingsPage() {
  return (
    <AdminGate permission="assignment.manage">
      <AssignmentSettings />
    </AdminGate>
  );
}

function AssignmentSettings() {
  const { t } = useTranslation();
  const teams = useTeams();
  const [teamId, setTeamId] = useState<string | undefined>();
  if (teams.isError) return <ErrorState error={teams.error} onRetry={() => teams.refetch()} />;
  if (!teams.data) return <Loading />;
  if (teams.data.length === 0) return <EmptyState title={t('assignment.settings.noTeams')} />;
  const chosen = teamId ?? teams.data[0]!.id;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('assignment.settings.title')}>
        <Space>
          <Typography.Text>{t('assignment.settings.team')}</Typography.Text>
          <Select data-testid="assignment-team" style={{ minWidth: 200 }} value={chosen} onChange={setTeamId} aria-label={t('assignment.settings.chooseTeam')} options={teams.data.map((team) => ({ value: team.id, label: team.name }))} />
        </Space>
        <TeamPanel teamId={chosen} />
      </Card>
    </Space>
  );
}

function TeamPanel({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const team = useTeamAssignment(teamId);
  const allSkillFields = useSkillFieldOptions();
  if (team.isError) return <ErrorState error={team.error} onRetry={() => team.refetch()} />;
  if (!team.data) return <Loading />;
  const skillFields = team.data.strategy === 'skills' ? allSkillFields.filter((f) => team.data.skillFields.includes(f.value)) : [];
  return (
    <div style={{ marginTop: 16 }}>
      <TeamSettingsForm team={team.data} />
      <Typography.Title level={5} style={{ marginTop: 24 }}>{t('assignment.settings.members')}</Typography.Title>
      <MembersTable teamId={teamId} skillFields={skillFields} />
    </div>
  );
}
