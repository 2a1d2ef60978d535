import { App, Badge, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/ui/describe-error.ts';
import { sendHeartbeat, useMyStatus, useSetMyStatus, type AgentStatus } from './queries.ts';

const statuses: readonly AgentStatus[] = ['online', 'busy', 'away', 'offline'];
const colours: Record<AgentStatus, 'success' | 'warning' | 'default' | 'error'> = { online: 'success', busy: 'error', away: 'warning', offline: 'default' };
/** The server turns 在线 to 离开 after 10 minutes without a sign of life: one a minute while the console is open. */
const heartbeatMs = 60_000;

/**
 * The agent's status in the header (在线 / 忙碌 / 离开 / 离线); only 在线 agents receive tickets.
 * `compact` (a phone's header) shows the status as its coloured dot alone; the list still names each.
 */
export function StatusSwitch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const status = useMyStatus();
  const setStatus = useSetMyStatus();

  useEffect(() => {
    const beat = () => {
      if (document.visibilityState === 'visible') void sendHeartbeat();
    };
    const timer = window.setInterval(beat, heartbeatMs);
    document.addEventListener('visibilitychange', beat);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', beat);
    };
  }, []);

  if (!status.data) return null;
  return (
    <Select<AgentStatus>
      size="small"
      variant="borderless"
      aria-label={t('assignment.status.label')}
      data-testid="agent-status"
      value={status.data.status}
      style={{ minWidth: compact ? 44 : 96 }}
      popupMatchSelectWidth={false}
      labelRender={compact ? ({ value }) => <Badge status={colours[value as AgentStatus]} /> : undefined}
      title={status.data.paused ? t('assignment.status.paused') : undefined}
      options={statuses.map((value) => ({ value, label: <Badge status={colours[value]} text={t(`assignment.status.${value}`)} /> }))}
      onChange={async (value) => {
        try {
          await setStatus(value);
          message.success(t('assignment.status.changed', { status: t(`assignment.status.${value}`) }));
        } catch (error) {
          message.error(describeError(error, t).message);
        }
      }}
    />
  );
}
