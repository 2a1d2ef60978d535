import { translate } from '../../app/i18n/catalogue.js';
import type { JobContext } from '../../jobs/registry.js';
import { markRobotSend, vendorRequest, type RobotSend, type TeamRobotChannel, type TeamRobotDeps } from '../channels/index.js';
import { wecomDigestJob, wecomRobot } from './robot-allowance.js';
import { loadTeamRobot } from './team-robots.js';
import { WecomApiError, wecomAnswer, wecomUrl } from './wecom-api.js';

export const robotNotifyJob = 'wecom.notify_team';
const lastAttempt = 8;
/** A digest shows no more lines than fit the robot's markdown limit (4096 bytes); the rest are counted. */
const markdownMaxBytes = 4096;

/** The digest's markdown: a heading with the count, then as many lines as fit, then how many did not. */
export function digestMarkdown(lines: string[], total: number): string {
  const heading = `**${translate('zh-CN', 'wecom.notify.digest', { count: total })}**`;
  const shown: string[] = [];
  const tail = (n: number) => (n > 0 ? [`> …（+${n}）`] : []);
  for (const line of lines) {
    const next = [heading, ...shown, `> ${line}`, ...tail(total - shown.length - 1)].join('\n');
    if (Buffer.byteLength(next, 'utf8') > markdownMaxBytes) break;
    shown.push(`> ${line}`);
  }
  return [heading, ...shown, ...tail(total - shown.length)].join('\n');
}

/** Posts one send to the robot's webhook (a sandbox robot records it instead); transient failures retry the job. */
async function deliverRobotSend(deps: TeamRobotDeps, job: JobContext['job'], teamId: string, send: RobotSend): Promise<void> {
  if (send.status !== 'queued') return;
  const robot = await loadTeamRobot(deps.database.db, deps.config, teamId);
  if (!robot?.enabled) return markRobotSend(deps.database, send.id, 'failed', 'robot removed or disabled');
  if (robot.sandbox) return markRobotSend(deps.database, send.id, 'sandbox', null);
  try {
    const url = wecomUrl(robot.apiBaseUrl, '/cgi-bin/webhook/send', { key: robot.webhookKey });
    wecomAnswer(await vendorRequest(deps.database.db, deps.config, url, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(send.body) }));
  } catch (error) {
    const transient = !(error instanceof WecomApiError) || error.transient;
    if (transient && job.attempts < lastAttempt) throw error;
    return markRobotSend(deps.database, send.id, 'failed', error instanceof Error ? error.message : String(error));
  }
  await markRobotSend(deps.database, send.id, 'sent', null);
}

const markdown = (content: string) => ({ msgtype: 'markdown', markdown: { content } });

/** Teams' group robots (群机器人) on the shared team notifications (channels/team-robot-triggers.ts). */
export const wecomTeamRobot: TeamRobotChannel = {
  robot: wecomRobot,
  digestJob: wecomDigestJob,
  titleKeys: { created: 'wecom.notify.ticket_created', warning: 'wecom.notify.sla_warning', breached: 'wecom.notify.sla_breached' },
  message: (title, label, url) => markdown(`**${title}**\n> ${url ? `[${label}](${url})` : label}`),
  digest: (lines, total) => markdown(digestMarkdown(lines, total)),
  deliver: deliverRobotSend,
};
