import type { JobContext } from '../../jobs/registry.js';
import { markRobotSend, type RobotSend, type TeamRobotChannel, type TeamRobotDeps } from '../channels/index.js';
import { DingtalkApiError, postToWebhook } from './dingtalk-api.js';
import { robotMarkdown } from './robot-messages.js';
import { robotDigest } from './robot-send-limiter.js';
import { signedRobotWebhookUrl } from './robot-signature.js';
import { dingtalkDigestJob, dingtalkRobot, loadTeamRobot } from './team-robots.js';

export const teamRobotNotifyJob = 'dingtalk.notify_team';
const lastAttempt = 8;

/** Posts one send to the team's custom robot, signed (加签) at the moment of sending; a sandbox robot records it instead. */
async function deliverRobotSend(deps: TeamRobotDeps, job: JobContext['job'], teamId: string, send: RobotSend): Promise<void> {
  if (send.status !== 'queued') return;
  const robot = await loadTeamRobot(deps.database.db, deps.config, teamId);
  if (!robot?.enabled) return markRobotSend(deps.database, send.id, 'failed', 'robot removed or disabled');
  if (robot.sandbox) return markRobotSend(deps.database, send.id, 'sandbox', null);
  try {
    await postToWebhook(deps, signedRobotWebhookUrl(robot.webhookUrl, robot.secret, deps.clock.now().getTime()), send.body);
  } catch (error) {
    const transient = !(error instanceof DingtalkApiError) || error.transient;
    if (transient && job.attempts < lastAttempt) throw error;
    return markRobotSend(deps.database, send.id, 'failed', error instanceof Error ? error.message : String(error));
  }
  await markRobotSend(deps.database, send.id, 'sent', null);
}

/** Teams' custom robots (自定义机器人, 加签) on the shared team notifications (channels/team-robot-triggers.ts). */
export const dingtalkTeamRobot: TeamRobotChannel = {
  robot: dingtalkRobot,
  digestJob: dingtalkDigestJob,
  titleKeys: { created: 'dingtalk.notify.ticket_created', warning: 'dingtalk.notify.sla_warning', breached: 'dingtalk.notify.sla_breached' },
  message: (title, label, url) => robotMarkdown(`${title} ${label}`, `#### ${title}\n${url ? `[${label}](${url})` : label}`),
  digest: (lines, total) => robotDigest(lines, total),
  deliver: deliverRobotSend,
};
