import { Button, Card, Checkbox, Input, Space, Table, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states.tsx';
import { useTeams } from '../tickets/queries.ts';
import type { TeamRobotRow, TeamRobotSource } from './admin-sources.ts';
import { useActionFeedback } from './use-action-feedback.ts';

/** One secret input of a team's robot: never shown back, so an empty input keeps the stored value. */
export type RobotSecretField<Robot, Field extends string> = {
  name: Field;
  /** Catalogue key of the column title. */
  label: string;
  /** Test id `${kind}-robot-${testId}-${teamId}`. */
  testId: string;
  placeholder: (robot: Robot | undefined) => string;
  width: number;
};

/**
 * 团队群机器人 on a chat channel's settings page (DingTalk, WeCom): per team, the robot's secrets
 * (`fields`), its sandbox switch and what `tags` says of it (DingTalk: 已加签), save and remove.
 * `textPrefix` names the channel's keys (robotsTitle, robotsIntro, robotsEmpty, team, noRobot,
 * save, remove, removed). A successful save empties the inputs: the secrets are stored, not shown.
 */
export function TeamRobotsCard<Robot extends TeamRobotRow, Field extends string>({ kind, textPrefix, useSource, fields, tags }: {
  kind: string;
  textPrefix: string;
  /** The channel's query hook, called by this card (see StaffLinksCard). */
  useSource: () => TeamRobotSource<Robot, Field>;
  fields: Array<RobotSecretField<Robot, Field>>;
  tags?: (robot: Robot) => ReactNode;
}) {
  const { t } = useTranslation();
  const run = useActionFeedback();
  const teams = useTeams();
  const source = useSource();
  const { robots } = source;
  const [drafts, setDrafts] = useState<Record<string, Partial<Record<Field, string>>>>({});
  const key = (name: string) => `${textPrefix}.${name}`;

  function body() {
    if (teams.isError || robots.isError) return <ErrorState error={teams.error ?? robots.error} onRetry={() => { void teams.refetch(); void robots.refetch(); }} />;
    if (!teams.data || !robots.data) return <Loading />;
    if (teams.data.length === 0) return <EmptyState title={t(key('robotsEmpty'))} />;
    const byTeam = new Map(robots.data.map((r) => [r.teamId, r]));
    const draft = (teamId: string): Partial<Record<Field, string>> => drafts[teamId] ?? {};
    const typed = (teamId: string) => fields.some((field) => draft(teamId)[field.name]?.trim());

    const save = (teamId: string, changes: { sandbox?: boolean } = {}) => run(async () => {
      const secrets: Partial<Record<Field, string>> = {};
      for (const field of fields) {
        const value = draft(teamId)[field.name]?.trim();
        if (value) secrets[field.name] = value;
      }
      await source.setRobot(teamId, byTeam.get(teamId), { ...secrets, ...changes });
      setDrafts((current) => ({ ...current, [teamId]: {} }));
    }, 'channels.saved');
    const remove = (teamId: string) => run(() => source.removeRobot(teamId), key('removed'));

    return (
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={teams.data}
        columns={[
          { title: t(key('team')), dataIndex: 'name' },
          ...fields.map((field) => ({
            title: t(field.label),
            render: (_: unknown, team: { id: string }) => (
              <Input.Password
                data-testid={`${kind}-robot-${field.testId}-${team.id}`}
                placeholder={field.placeholder(byTeam.get(team.id))}
                value={draft(team.id)[field.name] ?? ''}
                onChange={(e) => setDrafts((current) => ({ ...current, [team.id]: { ...current[team.id], [field.name]: e.target.value } }))}
                style={{ maxWidth: field.width }}
              />
            ),
          })),
          {
            title: t('channels.sandbox'),
            render: (_: unknown, team: { id: string }) => {
              const robot = byTeam.get(team.id);
              if (!robot) return <Typography.Text type="secondary">{t(key('noRobot'))}</Typography.Text>;
              return (
                <Space>
                  <Checkbox checked={robot.sandbox} onChange={(e) => save(team.id, { sandbox: e.target.checked })}>{robot.sandbox ? <Tag color="orange">{t('channels.sandbox')}</Tag> : null}</Checkbox>
                  {tags?.(robot)}
                </Space>
              );
            },
          },
          {
            title: '',
            render: (_: unknown, team: { id: string }) => (
              <Space>
                <Button size="small" type="primary" onClick={() => save(team.id)} disabled={!typed(team.id)} data-testid={`${kind}-robot-save-${team.id}`}>{t(key('save'))}</Button>
                {byTeam.has(team.id) ? <Button size="small" onClick={() => remove(team.id)} data-testid={`${kind}-robot-remove-${team.id}`}>{t(key('remove'))}</Button> : null}
              </Space>
            ),
          },
        ]}
      />
    );
  }

  return (
    <Card title={t(key('robotsTitle'))} data-testid={`${kind}-team-robots`}>
      <Typography.Paragraph type="secondary">{t(key('robotsIntro'))}</Typography.Paragraph>
      {body()}
    </Card>
  );
}
