import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { optionalIfMatchVersion } from '../../app/http/if-match.js';
import { actorOf } from '../../app/http/request-context.js';
import { listStaffLinks, removeStaffLink, setStaffLink } from '../channels/index.js';
import { listTeamRobots, removeTeamRobot, setTeamRobot } from './team-robots.js';

const tags = ['channels'];
const permission = 'channels.manage' as const;

const userParams = z.object({ id: z.uuid().describe('The user') });
const teamParams = z.object({ id: z.uuid().describe('The team') });
const staffLinkSchema = z.object({ userId: z.uuid(), dingtalkUserId: z.string(), accountId: z.uuid(), updatedAt: z.date() });
const staffLinkBody = z.strictObject({
  dingtalkUserId: z.string().trim().regex(/^[0-9a-zA-Z_@.-]{1,64}$/).describe("The member's DingTalk userid (管理后台 › 通讯录 › 成员详情 › userid)."),
  accountId: z.uuid().describe('The DingTalk account (the corp\'s internal app) whose AgentId sends the work notifications.'),
});
const robotSchema = z.object({ teamId: z.uuid(), webhookSet: z.boolean(), signed: z.boolean(), sandbox: z.boolean(), enabled: z.boolean(), version: z.number().int(), updatedAt: z.date() });
const robotBody = z.strictObject({
  webhookUrl: z.url({ protocol: /^https?$/ }).max(2000).optional().describe("The robot's webhook (https://oapi.dingtalk.com/robot/send?access_token=…). Required for a new robot; left out, the stored one is kept. Never returned."),
  secret: z.string().trim().regex(/^SEC[0-9a-zA-Z]{16,128}$/).nullable().optional().describe('The 加签 secret (SEC…); null removes it (a robot protected by keywords or IP only). Never returned.'),
  sandbox: z.boolean().optional().describe('沙箱: messages are recorded here instead of posted.'),
  enabled: z.boolean().optional(),
});
const ifMatchHeaders = z.object({ 'if-match': z.string().optional() });

const asDingtalk = (link: { userId: string; externalUserId: string; accountId: string; updatedAt: Date }) => ({ userId: link.userId, dingtalkUserId: link.externalUserId, accountId: link.accountId, updatedAt: link.updatedAt });

/** 设置 › 渠道 › 钉钉: who is which DingTalk member (for work notifications), and each team's custom robot. */
export function registerDingtalkAdminRoutes(app: AppServer, context: AppContext): void {
  const { database, config, clock } = context;

  app.get('/api/v1/dingtalk/staff-links', {
    config: { permission },
    schema: { tags, summary: '钉钉成员映射 DingTalk member of each user', response: { 200: z.object({ items: z.array(staffLinkSchema) }) } },
  }, async () => ({ items: (await listStaffLinks(database.db, 'dingtalk')).map(asDingtalk) }));

  app.put('/api/v1/dingtalk/staff-links/:id', {
    config: { permission },
    schema: { tags, summary: '设置钉钉成员映射 Link a user to a DingTalk member', description: "Work notifications (new assignment, customer reply, SLA warning) go to this userid through the account's AgentId.", params: userParams, body: staffLinkBody, response: { 200: staffLinkSchema } },
  }, async (request) => asDingtalk(await setStaffLink(database, 'dingtalk', actorOf(request), request.params.id, { externalUserId: request.body.dingtalkUserId, accountId: request.body.accountId }, clock.now())));

  app.delete('/api/v1/dingtalk/staff-links/:id', {
    config: { permission },
    schema: { tags, summary: '取消钉钉成员映射 Unlink a user', params: userParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await removeStaffLink(database, 'dingtalk', actorOf(request), request.params.id, 'dingtalk.user_not_found');
    return reply.status(204).send(null);
  });

  app.get('/api/v1/dingtalk/team-robots', {
    config: { permission },
    schema: { tags, summary: '团队钉钉机器人 Team custom robots', response: { 200: z.object({ items: z.array(robotSchema) }) } },
  }, async () => ({ items: await listTeamRobots(database.db) }));

  app.put('/api/v1/dingtalk/team-robots/:id', {
    config: { permission },
    schema: {
      tags, summary: '设置团队钉钉机器人 Set a team\'s custom robot',
      description: 'New tickets of the team and SLA warnings/breaches are posted to the robot (signed when a 加签 secret is set), at most 20 a minute; beyond that they are merged into one digest. `If-Match: "<version>"` guards a change (412 when stale).',
      params: teamParams, headers: ifMatchHeaders, body: robotBody, response: { 200: robotSchema },
    },
  }, async (request, reply) => {
    const expected = optionalIfMatchVersion(request.headers['if-match'], 'channel.if_match_invalid');
    const view = await setTeamRobot(database, config, actorOf(request), request.params.id, request.body, expected, clock.now());
    return reply.header('ETag', `"${view.version}"`).send(view);
  });

  app.delete('/api/v1/dingtalk/team-robots/:id', {
    config: { permission },
    schema: { tags, summary: '移除团队钉钉机器人 Remove a team\'s robot', params: teamParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await removeTeamRobot(database, actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });
}
