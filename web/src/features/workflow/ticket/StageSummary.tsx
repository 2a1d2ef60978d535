import { ClockCircleOutlined } from '@ant-design/icons';
import { Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/session.ts';
import { useTeams, useUsers } from '../../tickets/queries.ts';
import { countdown } from './stage-countdown.ts';
import type { RunStage } from './ticket-process-api.ts';

/** One stage the ticket waits at: its name, who works on it, and its SLA countdown. */
export function StageSummary({ stage }: { stage: RunStage }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const name = stage.name[language] || stage.name['zh-CN'];
  return (
    <Space direction="vertical" size={2} style={{ width: '100%' }}>
      <Space wrap size={6}>
        <Typography.Text type="secondary">{t('workflow.ticket.stage')}</Typography.Text>
        <Typography.Text strong data-testid="process-stage-name">{name}</Typography.Text>
        {stage.sla ? <StageCountdown sla={stage.sla} /> : null}
      </Space>
      <Typography.Text type="secondary" data-testid="process-stage-worker">
        {t('workflow.ticket.worker')}: <StageWorker stage={stage} />
      </Typography.Text>
      {stage.requiredFields.length ? (
        <Typography.Text type="secondary" data-testid="process-stage-required">
          {t('workflow.ticket.requiredFields', { fields: stage.requiredFields.map((field) => field.label[language] || field.label['zh-CN']).join(language === 'en' ? ', ' : '、') })}
        </Typography.Text>
      ) : null}
    </Space>
  );
}

function StageWorker({ stage }: { stage: RunStage }) {
  const { t } = useTranslation();
  const can = useCan();
  const users = useUsers(can('directory.read') && stage.assigneeUserId !== null);
  const teams = useTeams(can('directory.read') && stage.assigneeTeamId !== null);
  if (stage.assigneeUserId) return <>{users.data?.find((user) => user.id === stage.assigneeUserId)?.name ?? t('workflow.ticket.unknown')}</>;
  if (stage.assigneeTeamId) return <>{t('workflow.ticket.team', { team: teams.data?.find((team) => team.id === stage.assigneeTeamId)?.name ?? t('workflow.ticket.unknown') })}</>;
  if (stage.assigneeRole) return <>{t('workflow.ticket.role', { role: t(`role.${stage.assigneeRole}`, { defaultValue: stage.assigneeRole }) })}</>;
  return <>{t('workflow.ticket.anyone')}</>;
}

/**
 * Minutes left of the stage's target, ticking each minute, to the due time the SLA module's timer
 * gives (business time of the ticket's calendar); 已超时 once the timer fired its breach, even if
 * this browser's clock is behind; paused while the ticket's SLA is.
 */
function StageCountdown({ sla }: { sla: NonNullable<RunStage['sla']> }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  const title = t('workflow.ticket.slaTarget', { minutes: sla.targetMinutes });
  if (!sla.dueAt) return <Tag icon={<ClockCircleOutlined />} title={title} data-testid="process-stage-sla">{t('workflow.ticket.slaPaused')}</Tag>;
  const left = countdown(sla.dueAt, now);
  const over = left.overdue || sla.state === 'breached';
  const time = left.hours ? t('workflow.ticket.hour', { h: left.hours, m: left.minutes }) : t('workflow.ticket.minute', { m: left.minutes });
  const text = !over ? t('workflow.ticket.slaLeft', { time }) : left.overdue ? t('workflow.ticket.slaOver', { time }) : t('workflow.ticket.slaBreached');
  return (
    <Tag color={over ? 'error' : sla.state === 'warning' ? 'warning' : 'processing'} icon={<ClockCircleOutlined />} title={title} data-testid="process-stage-sla">
      {text}
    </Tag>
  );
}
