import { z } from 'zod';
import { getTeamNames, getUserNames, roleNames } from '../../auth/index.js';
import { notifyStaff } from '../../notifications/index.js';
import { addMessage, getTicketSnapshot, recordTicketActivity } from '../../tickets/index.js';
import type { ActionSpec } from './action-spec.js';
import { renderRuleText, requesterLocale, templateProblems } from './rule-texts.js';

const text = z.string().trim().min(1).max(2000);

const schema = z.object({
  type: z.literal('notify'),
  recipients: z.object({
    userIds: z.array(z.uuid()).max(50).default([]),
    teamIds: z.array(z.uuid()).max(50).default([]),
    roles: z.array(z.enum(roleNames)).max(roleNames.length).default([]),
    /** The ticket's assignee at the time the rule fires. */
    assignee: z.boolean().default(false),
    /** Every member of the ticket's team at the time the rule fires. */
    teamMembers: z.boolean().default(false),
    /** The customer: a public reply through the ticket's channel, in their contact's language (else the zh-CN text). */
    requester: z.boolean().default(false),
  }),
  /** The admin's own message in both languages; each staff member reads theirs. Variables allowed. */
  texts: z.object({ 'zh-CN': text, en: text }),
});

/**
 * 通知: staff recipients get an in-app notification (and email, as each prefers) through
 * `notifyStaff`, kind `rule`, keyed by the firing so a retry notifies nobody twice, never the user
 * whose change fired the rule. The requester gets the text in their language (their contact's
 * `locale`, else Chinese) as a public reply through the tickets service, delivered by the ticket's
 * channel like any reply.
 */
export const notifyAction: ActionSpec<typeof schema> = {
  type: 'notify',
  schema,
  check(action, refs, path) {
    const { recipients } = action;
    const problems = [
      ...recipients.userIds.filter((id) => !refs.users.has(id.toLowerCase())).map(() => ({ path: `${path}.recipients.userIds`, code: 'automation.action.unknown_user' })),
      ...recipients.teamIds.filter((id) => !refs.teams.has(id.toLowerCase())).map(() => ({ path: `${path}.recipients.teamIds`, code: 'automation.action.unknown_team' })),
      ...templateProblems(action.texts['zh-CN'], refs, `${path}.texts.zh-CN`),
      ...templateProblems(action.texts.en, refs, `${path}.texts.en`),
    ];
    const anyone = recipients.userIds.length || recipients.teamIds.length || recipients.roles.length || recipients.assignee || recipients.teamMembers || recipients.requester;
    if (!anyone) problems.push({ path: `${path}.recipients`, code: 'automation.action.recipients_required' });
    return problems.slice(0, 20);
  },
  async run(action, context) {
    const { database, ticketId, cause } = context;
    const { recipients } = action;
    const ticket = await getTicketSnapshot(database.db, ticketId);
    if (!ticket) throw new Error('ticket gone');
    const userIds = [...recipients.userIds, ...(recipients.assignee && ticket.assigneeId ? [ticket.assigneeId] : [])];
    const teamIds = [...recipients.teamIds, ...(recipients.teamMembers && ticket.teamId ? [ticket.teamId] : [])];
    const texts = { 'zh-CN': await renderRuleText(context, action.texts['zh-CN'], 'zh-CN'), en: await renderRuleText(context, action.texts.en, 'en') };
    const now = new Date();
    const staff = userIds.length || teamIds.length || recipients.roles.length;
    const notified = staff
      ? await database.transaction(async (tx) => {
          const count = await notifyStaff(tx, {
            recipients: { userIds, teamIds, roles: recipients.roles },
            kind: 'rule',
            ticketId,
            message: { texts },
            cause,
            actorId: context.trigger?.actorId ?? null,
            sourceKey: context.sourceKey,
            now,
            defaultTimeZone: context.timeZone,
          });
          // The timeline says whom (“规则「VIP 升级」通知了 硬件支持组”): names as they were when it fired.
          const [users, teams] = await Promise.all([getUserNames(tx, userIds), getTeamNames(tx, teamIds)]);
          const detail = { ruleId: context.ruleId, userIds, teamIds, roles: recipients.roles, names: [...teams.values(), ...users.values()], count };
          await recordTicketActivity(tx, { ticketId, type: 'rule_notified', detail, actorId: context.actor.id, at: now });
          return count;
        })
      : 0;
    let replyId: string | null = null;
    if (recipients.requester && ticket.requesterId) {
      const reply = await addMessage(database, context.actor, ticketId, { body: texts[await requesterLocale(context, ticket.requesterId)] }, context.replyChannels, { cause });
      replyId = reply.id;
    }
    return { notified, ...(recipients.requester && { requesterReplyId: replyId, ...(replyId === null && { requester: 'none' }) }) };
  },
};
