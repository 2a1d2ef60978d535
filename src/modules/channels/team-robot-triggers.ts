import type { Clock } from '../../app/clock.js';
import type { Config } from '../../app/config.js';
import { translate } from '../../app/i18n/catalogue.js';
import type { Database } from '../../db/database.js';
import { wantingOnly, type EventHandler, type JobContext, type JobHandler } from '../../jobs/registry.js';
import type { slaBreached, slaWarning } from '../sla/index.js';
import { findTicketBrief, type ticketCreated } from '../tickets/index.js';
import { enqueueDigest, offerRobotMessage, takeRobotDigest, type AllowanceRobot, type DigestJob, type RobotSend } from './robot-allowance.js';
import { clip, ticketLink } from './ticket-links.js';

/** A digest lists at most this many notifications; the rest are counted. */
const digestListMax = 30;

export type TeamRobotDeps = { database: Database; config: Config; clock: Clock };

/**
 * What a channel's team robot (WeCom 群机器人, DingTalk 自定义机器人) brings to the shared team
 * notifications: its allowance and digest job per team, its catalogue keys, the vendor's message
 * shapes, and how it posts one send (a sandbox robot records it; a transient failure throws, so
 * the job is retried).
 */
export type TeamRobotChannel = {
  robot: (teamId: string) => AllowanceRobot;
  digestJob: (teamId: string) => DigestJob;
  titleKeys: { created: string; warning: string; breached: string };
  /** One notification: `label` is `#number subject` (markdown-safe), `url` opens the ticket. */
  message: (title: string, label: string, url: string | null) => Record<string, unknown>;
  digest: (lines: string[], total: number) => Record<string, unknown>;
  deliver: (deps: TeamRobotDeps, job: JobContext['job'], teamId: string, send: RobotSend) => Promise<void>;
};

/** Offers a team notification to its robot: sent now within 20 a minute, else held for the digest. */
async function notifyTeam(channel: TeamRobotChannel, deps: TeamRobotDeps, job: JobContext['job'], input: { teamId: string; sourceKey: string; titleKey: string; ticketId: string }): Promise<void> {
  const brief = await findTicketBrief(deps.database.db, input.ticketId);
  if (!brief) return;
  const title = translate('zh-CN', input.titleKey);
  const url = ticketLink(deps.config, brief.id);
  // Square brackets would end the markdown link's text early.
  const label = `#${brief.number} ${clip(brief.subject, 60).replace(/\[/g, '【').replace(/\]/g, '】')}`;
  const line = url ? `${title}：[${label}](${url})` : `${title}：${label}`;
  const offer = await offerRobotMessage(deps.database, { robot: channel.robot(input.teamId), digest: channel.digestJob(input.teamId), sourceKey: input.sourceKey, line, body: channel.message(title, label, url), now: deps.clock.now() });
  if (offer.kind === 'send') await channel.deliver(deps, job, input.teamId, offer.send);
}

/**
 * Team notifications through a channel's robot: a new ticket for the team, an SLA warning or
 * breach on a team's ticket (handlers to subscribe under the channel's job type), and the digest
 * job that sends what the allowance held back.
 */
export function teamRobotTriggers(channel: TeamRobotChannel, config: Config, clock: Clock) {
  const deps = (database: Database): TeamRobotDeps => ({ database, config, clock });
  const notify = (database: Database, job: JobContext['job'], eventId: number, teamId: string, titleKey: string, ticketId: string) =>
    notifyTeam(channel, deps(database), job, { teamId, sourceKey: `event:${eventId}`, titleKey, ticketId });
  // Only a team's ticket makes a job (wantingOnly): most tickets of a desk without robots have none.
  const ofTeam = (event: { payload: { teamId?: string | null } }) => Boolean(event.payload.teamId);
  const created: EventHandler<typeof ticketCreated> = wantingOnly(ofTeam, async (event, { database, job }) => {
    await notify(database, job, event.eventId, event.payload.teamId!, channel.titleKeys.created, event.aggregateId);
  });
  const warning: EventHandler<typeof slaWarning> = wantingOnly(ofTeam, async (event, { database, job }) => {
    await notify(database, job, event.eventId, event.payload.teamId!, channel.titleKeys.warning, event.aggregateId);
  });
  const breached: EventHandler<typeof slaBreached> = wantingOnly(ofTeam, async (event, { database, job }) => {
    await notify(database, job, event.eventId, event.payload.teamId!, channel.titleKeys.breached, event.aggregateId);
  });
  const digest: JobHandler = async (payload, { database, job }) => {
    const teamId = String(payload.teamId);
    const taken = await takeRobotDigest(database, { robot: channel.robot(teamId), now: clock.now(), listMax: digestListMax, compose: channel.digest });
    if (!taken) return;
    if ('retryAfterMs' in taken) {
      await database.transaction((tx) => enqueueDigest(tx, channel.digestJob(teamId), taken.retryAfterMs));
      return;
    }
    await channel.deliver(deps(database), job, teamId, taken);
  };
  return { created, warning, breached, digest };
}
