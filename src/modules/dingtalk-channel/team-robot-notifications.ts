import type { Clock } from '../../app/clock.js';
import type { Config } from '../../app/config.js';
import { translate } from '../../app/i18n/catalogue.js';
import type { Database } from '../../db/database.js';
import type { EventHandler, JobContext, JobHandler } from '../../jobs/registry.js';
import { clip, enqueueDigest, markRobotSend, offerRobotMessage, takeRobotDigest, ticketLink, type RobotSend } from '../channels/index.js';
import type { slaBreached, slaWarning } from '../sla/index.js';
import { findTicketBrief, type ticketCreated } from '../tickets/index.js';
import { DingtalkApiError, postToWebhook } from './dingtalk-api.js';
import { robotMarkdown } from './robot-messages.js';
import { robotDigest } from './robot-send-limiter.js';
import { signedRobotWebhookUrl } from './robot-signature.js';
import { dingtalkDigestJob, dingtalkRobot, loadTeamRobot } from './team-robots.js';

export const teamRobotNotifyJob = 'dingtalk.notify_team';
const lastAttempt = 8;
/** A digest lists at most this many notifications; the rest are counted. */
const digestListMax = 30;

type Deps = { database: Database; config: Config; clock: Clock };

/** Posts one send to the team's custom robot, signed (加签) at the moment of sending; a sandbox robot records it instead. */
async function deliverRobotSend(deps: Deps, job: JobContext['job'], teamId: string, send: RobotSend): Promise<void> {
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

/** Offers a team notification to its robot: sent now within 20 a minute, else held for the digest. */
export async function notifyTeamRobot(deps: Deps, job: JobContext['job'], input: { teamId: string; sourceKey: string; titleKey: string; ticketId: string }): Promise<void> {
  const brief = await findTicketBrief(deps.database.db, input.ticketId);
  if (!brief) return;
  const title = translate('zh-CN', input.titleKey);
  const url = ticketLink(deps.config, brief.id);
  // Square brackets would end the markdown link's text early.
  const label = `#${brief.number} ${clip(brief.subject, 60).replace(/\[/g, '【').replace(/\]/g, '】')}`;
  const line = url ? `${title}：[${label}](${url})` : `${title}：${label}`;
  const body = robotMarkdown(`${title} ${label}`, `#### ${title}\n${url ? `[${label}](${url})` : label}`);
  const offer = await offerRobotMessage(deps.database, { robot: dingtalkRobot(input.teamId), digest: dingtalkDigestJob(input.teamId), sourceKey: input.sourceKey, line, body, now: deps.clock.now() });
  if (offer.kind === 'send') await deliverRobotSend(deps, job, input.teamId, offer.send);
}

export function teamRobotDigestHandler(config: Config, clock: Clock): JobHandler {
  return async (payload, { database, job }) => {
    const teamId = String(payload.teamId);
    const taken = await takeRobotDigest(database, { robot: dingtalkRobot(teamId), now: clock.now(), listMax: digestListMax, compose: (lines, total) => robotDigest(lines, total) });
    if (!taken) return;
    if ('retryAt' in taken) {
      await database.transaction((tx) => enqueueDigest(tx, dingtalkDigestJob(teamId), taken.retryAt));
      return;
    }
    await deliverRobotSend({ database, config, clock }, job, teamId, taken);
  };
}

/** Team notifications: a new ticket for the team, an SLA warning or breach on a team's ticket. */
export function teamRobotNotificationHandlers(config: Config, clock: Clock) {
  const deps = (database: Database) => ({ database, config, clock });
  const created: EventHandler<typeof ticketCreated> = async (event, { database, job }) => {
    if (event.payload.teamId) await notifyTeamRobot(deps(database), job, { teamId: event.payload.teamId, sourceKey: `event:${event.eventId}`, titleKey: 'dingtalk.notify.ticket_created', ticketId: event.aggregateId });
  };
  const warning: EventHandler<typeof slaWarning> = async (event, { database, job }) => {
    if (event.payload.teamId) await notifyTeamRobot(deps(database), job, { teamId: event.payload.teamId, sourceKey: `event:${event.eventId}`, titleKey: 'dingtalk.notify.sla_warning', ticketId: event.aggregateId });
  };
  const breached: EventHandler<typeof slaBreached> = async (event, { database, job }) => {
    if (event.payload.teamId) await notifyTeamRobot(deps(database), job, { teamId: event.payload.teamId, sourceKey: `event:${event.eventId}`, titleKey: 'dingtalk.notify.sla_breached', ticketId: event.aggregateId });
  };
  return { created, warning, breached };
}
