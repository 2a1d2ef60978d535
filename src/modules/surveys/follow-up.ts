import type { FieldTypes } from '../../app/field-types.js';
import { eq, isNull, and } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../app/errors.js';
import type { Config } from '../../app/config.js';
import type { SystemMailer } from '../../app/system-mailer.js';
import type { Database } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { enqueueJob } from '../../jobs/queue.js';
import type { EventHandler, JobHandler } from '../../jobs/registry.js';
import { findTeamLead, getUser, listUsers, type Actor } from '../auth/index.js';
import { getContactsByIds } from '../customers/index.js';
import { createTicket, findTicketBrief, getTicketSnapshot, recordTicketActivity, type NewTicket } from '../tickets/index.js';
import { surveyFollowUpOpened, type surveyAnswered } from './events.js';
import { getSurveySettings } from './settings.js';
import { surveys } from './schema.js';

/**
 * Who opens a 回访 ticket after a low rating: the surveys module itself, through the tickets service
 * like anyone else (numbered, on the timeline, audited). A fixed id that belongs to no user.
 */
export const surveysSystemActor: Actor = { id: '00000000-0000-7000-8000-0000005a7e75', email: 'surveys@system.invalid', name: '满意度调查 Surveys', role: 'admin', locale: 'zh-CN', teamIds: [] };

export const notifySupervisorJob = 'surveys.notify_supervisor';

/**
 * Who follows a low rating up: never the handler (the customer was unhappy with them). The team's
 * lead when that is someone else; else another active member of the team; else an active supervisor.
 */
export async function pickFollowUpAssignee(database: Database, teamId: string | null, handlerId: string | null, lead: string | null): Promise<string | null> {
  if (lead && lead !== handlerId) return lead;
  const candidates = [...(teamId ? await listUsers(database.db, { teamId, active: true }) : []), ...(await listUsers(database.db, { role: 'supervisor', active: true }))];
  return candidates.find((user) => user.id !== handlerId && user.role !== 'field_engineer')?.id ?? null;
}

/** The team's lead, else a supervisor in the team, else any active supervisor. */
async function teamSupervisor(database: Database, teamId: string | null): Promise<string | null> {
  const lead = teamId ? await findTeamLead(database.db, teamId) : null;
  if (lead) return lead;
  const inTeam = teamId ? await listUsers(database.db, { teamId, role: 'supervisor', active: true }) : [];
  return inTeam[0]?.id ?? (await listUsers(database.db, { role: 'supervisor', active: true }))[0]?.id ?? null;
}

/**
 * Job `surveys.low_rating` on `survey.answered` with `low`: opens a 回访 (follow-up) ticket of the
 * configured type, linked to the rated ticket through the survey (its `follow_up_ticket_id`, shown
 * on the ticket's survey panel), assigned to someone other than the handler, and tells the team's
 * supervisor by mail. The ticket's creation is idempotent on the survey, so a retried job opens one.
 */
export const lowRatingHandler = (timeZone: string, fieldTypes: FieldTypes): EventHandler<typeof surveyAnswered> => async (event, { database }) => {
  const { payload } = event;
  if (!payload.low || payload.kind !== 'csat' || !payload.ticketId) return;
  const [survey] = await database.db.select().from(surveys).where(eq(surveys.id, event.aggregateId));
  if (!survey || survey.followUpTicketId) return;
  const settings = await getSurveySettings(database.db);
  const rated = await findTicketBrief(database.db, payload.ticketId);
  const snapshot = await getTicketSnapshot(database.db, payload.ticketId);
  if (!rated || !snapshot) return;
  const teamId = snapshot.teamId ?? survey.teamId;
  const supervisorId = await teamSupervisor(database, teamId);
  const assigneeId = await pickFollowUpAssignee(database, teamId, survey.handlerId, supervisorId);
  const contact = (await getContactsByIds(database.db, [survey.contactId])).get(survey.contactId);
  const input: NewTicket = {
    subject: `回访：${rated.number} ${rated.subject}`.slice(0, 200),
    description: `客户对工单 ${rated.number} 的服务评分 ${payload.score} 星（满分 5 星）。${survey.comment ? `\n客户评价：${survey.comment}` : ''}\n请联系客户了解原因并跟进。\nFollow-up: the customer rated ticket ${rated.number} ${payload.score} of 5.`,
    tags: ['回访'],
    channel: 'api',
    ...(teamId && { teamId }),
    ...(assigneeId && { assigneeId }),
    ...(contact && !contact.anonymized && (contact.email || contact.phone) && { requester: { name: contact.name, ...(contact.email && { email: contact.email }), ...(contact.phone && { phone: contact.phone }) } }),
  };
  const options = { timeZone, idempotencyKey: `survey-follow-up:${survey.id}`, fieldTypes };
  let created;
  try {
    created = await createTicket(database, surveysSystemActor, { ...input, type: settings.followUpTypeKey }, options);
  } catch (error) {
    // No such 回访 type (or its form needs fields nobody can fill here): an untyped ticket tagged 回访.
    if (!(error instanceof AppError) || error.status >= 500) throw error;
    created = await createTicket(database, surveysSystemActor, input, { ...options, idempotencyKey: `${options.idempotencyKey}:untyped` });
  }
  const followUp = created.ticket;
  await database.transaction(async (tx) => {
    const [linked] = await tx.update(surveys).set({ followUpTicketId: followUp.id }).where(and(eq(surveys.id, survey.id), isNull(surveys.followUpTicketId))).returning({ id: surveys.id });
    if (!linked) return;
    await recordTicketActivity(tx, { ticketId: payload.ticketId!, type: 'survey_follow_up', detail: { surveyId: survey.id, score: payload.score, followUpTicketId: followUp.id, followUpNumber: followUp.number, assigneeId }, at: new Date() });
    await recordEvent(tx, surveyFollowUpOpened, { aggregateId: survey.id, cause: 'system', payload: { ticketId: payload.ticketId!, followUpTicketId: followUp.id, supervisorId, assigneeId, score: payload.score } });
    if (supervisorId) await enqueueJob(tx, { type: notifySupervisorJob, payload: { surveyId: survey.id, supervisorId, ticketNumber: rated.number, ticketSubject: rated.subject, followUpNumber: followUp.number, followUpTicketId: followUp.id, score: payload.score, comment: survey.comment ?? '' }, dedupeKey: `survey-notify:${survey.id}` });
  });
};

const notifyPayload = z.object({ supervisorId: z.uuid(), ticketNumber: z.string(), ticketSubject: z.string(), followUpNumber: z.string(), followUpTicketId: z.uuid(), score: z.number(), comment: z.string() });

/** Job `surveys.notify_supervisor`: "差评提醒" to the team's supervisor, in their language, over the system mailer. */
export function notifySupervisorHandler(mailer: SystemMailer, config: Pick<Config, 'OPENCSM_PUBLIC_URL'>): JobHandler {
  return async (payload, { database }) => {
    const job = notifyPayload.parse(payload);
    const supervisor = await getUser(database.db, job.supervisorId).catch(() => null);
    if (!supervisor?.active) return;
    const link = config.OPENCSM_PUBLIC_URL ? `${config.OPENCSM_PUBLIC_URL.replace(/\/$/, '')}/tickets/${job.followUpTicketId}` : job.followUpNumber;
    const en = supervisor.locale === 'en';
    await mailer.send({
      to: supervisor.email,
      subject: en ? `Low rating (${job.score}/5) on ticket ${job.ticketNumber}` : `差评提醒：工单 ${job.ticketNumber} 获得 ${job.score} 星评分`,
      text: en
        ? `Ticket ${job.ticketNumber} "${job.ticketSubject}" was rated ${job.score} of 5.${job.comment ? `\nComment: ${job.comment}` : ''}\nFollow-up ticket ${job.followUpNumber}: ${link}\n`
        : `工单 ${job.ticketNumber}「${job.ticketSubject}」的客户评分为 ${job.score} 星（满分 5 星）。${job.comment ? `\n客户评价：${job.comment}` : ''}\n已创建回访工单 ${job.followUpNumber}：${link}\n`,
    });
  };
}
