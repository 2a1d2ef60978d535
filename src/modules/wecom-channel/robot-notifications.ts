import type { Clock } from '../../app/clock.js';
import type { Config } from '../../app/config.js';
import { translate } from '../../app/i18n/catalogue.js';
import type { Database } from '../../db/database.js';
import type { EventHandler, JobContext, JobHandler } from '../../jobs/registry.js';
import { enqueueDigest, markRobotSend, offerRobotMessage, takeRobotDigest, vendorRequest, type RobotSend } from '../channels/index.js';
import type { slaBreached, slaWarning } from '../sla/index.js';
import { findTicketBrief, type ticketCreated } from '../tickets/index.js';
import { wecomDigestJob, wecomRobot } from './robot-allowance.js';
import { loadTeamRobot } from './team-robots.js';
import { clip, ticketLink } from './ticket-links.js';
import { WecomApiError, wecomAnswer, wecomUrl } from './wecom-api.js';

export const robotNotifyJob = 'wecom.notify_team';
const lastAttempt = 8;
/** A digest lists at most this many notifications, and no more than fit the robot's markdown limit (4096 bytes); the rest are counted. */
const digestListMax = 30;
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

type Deps = { database: Database; config: Config; clock: Clock };

/** Posts one send to the robot's webhook (a sandbox robot records it instead); transient failures retry the job. */
async function deliverRobotSend(deps: Deps, job: JobContext['job'], teamId: string, send: RobotSend): Promise<void> {
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

/** Offers a team notification to its robot: sent now within 20 a minute, else held for the digest. */
export async function notifyTeam(deps: Deps, job: JobContext['job'], input: { teamId: string; sourceKey: string; titleKey: string; ticketId: string }): Promise<void> {
  const brief = await findTicketBrief(deps.database.db, input.ticketId);
  if (!brief) return;
  const title = translate('zh-CN', input.titleKey);
  const url = ticketLink(deps.config, brief.id);
  // Square brackets would end the markdown link's text early.
  const label = `#${brief.number} ${clip(brief.subject, 60).replace(/\[/g, '【').replace(/\]/g, '】')}`;
  const line = url ? `${title}：[${label}](${url})` : `${title}：${label}`;
  const offer = await offerRobotMessage(deps.database, { robot: wecomRobot(input.teamId), digest: wecomDigestJob(input.teamId), sourceKey: input.sourceKey, line, body: markdown(`**${title}**\n> ${url ? `[${label}](${url})` : label}`), now: deps.clock.now() });
  if (offer.kind === 'send') await deliverRobotSend(deps, job, input.teamId, offer.send);
}

export function robotDigestHandler(config: Config, clock: Clock): JobHandler {
  return async (payload, { database, job }) => {
    const teamId = String(payload.teamId);
    const compose = (lines: string[], total: number) => markdown(digestMarkdown(lines, total));
    const taken = await takeRobotDigest(database, { robot: wecomRobot(teamId), now: clock.now(), listMax: digestListMax, compose });
    if (!taken) return;
    if ('retryAt' in taken) {
      await database.transaction((tx) => enqueueDigest(tx, wecomDigestJob(teamId), taken.retryAt));
      return;
    }
    await deliverRobotSend({ database, config, clock }, job, teamId, taken);
  };
}

/** Team notifications: a new ticket for the team, an SLA warning or breach on a team's ticket. */
export function robotNotificationHandlers(config: Config, clock: Clock) {
  const deps = (database: Database) => ({ database, config, clock });
  const created: EventHandler<typeof ticketCreated> = async (event, { database, job }) => {
    if (event.payload.teamId) await notifyTeam(deps(database), job, { teamId: event.payload.teamId, sourceKey: `event:${event.eventId}`, titleKey: 'wecom.notify.ticket_created', ticketId: event.aggregateId });
  };
  const warning: EventHandler<typeof slaWarning> = async (event, { database, job }) => {
    if (event.payload.teamId) await notifyTeam(deps(database), job, { teamId: event.payload.teamId, sourceKey: `event:${event.eventId}`, titleKey: 'wecom.notify.sla_warning', ticketId: event.aggregateId });
  };
  const breached: EventHandler<typeof slaBreached> = async (event, { database, job }) => {
    if (event.payload.teamId) await notifyTeam(deps(database), job, { teamId: event.payload.teamId, sourceKey: `event:${event.eventId}`, titleKey: 'wecom.notify.sla_breached', ticketId: event.aggregateId });
  };
  return { created, warning, breached };
}
