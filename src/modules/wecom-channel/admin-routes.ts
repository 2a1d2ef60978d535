import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { optionalIfMatchVersion } from '../../app/http/if-match.js';
import { actorOf } from '../../app/http/request-context.js';
import { listStaffLinks, removeStaffLink, setStaffLink } from './staff-links.js';
import { listTeamRobots, removeTeamRobot, setTeamRobot } from './team-robots.js';

const tags = ['channels'];
const permission = 'channels.manage' as const;

const userParams = z.object({ id: z.uuid().describe('The user') });
const teamParams = z.object({ id: z.uuid().describe('The team') });
const staffLinkSchema = z.object({ userId: z.uuid(), wecomUserId: z.string(), accountId: z.uuid(), updatedAt: z.date() });
const staffLinkBody = z.strictObject({
  wecomUserId: z.string().trim().regex(/^[0-9a-zA-Z_@.-]{1,64}$/).describe('The member\'s WeCom userid (通讯录 › 成员 › 账号).'),
  accountId: z.uuid().describe("The WeCom account (corp) whose self-built app reaches the member."),
});
const robotSchema = z.object({ teamId: z.uuid(), keySet: z.boolean(), apiBaseUrl: z.string(), sandbox: z.boolean(), enabled: z.boolean(), version: z.number().int(), updatedAt: z.date() });
const robotBody = z.strictObject({
  webhookKey: z.string().trim().regex(/^[0-9a-zA-Z-]{8,64}$/).optional().describe('The `key` of the robot\'s webhook URL (…/cgi-bin/webhook/send?key=…). Required for a new robot; left out, the stored one is kept. Never returned.'),
  apiBaseUrl: z.url({ protocol: /^https?$/ }).optional().describe('Default https://qyapi.weixin.qq.com (a fake server in tests).'),
  sandbox: z.boolean().optional().describe('沙箱: messages are recorded here instead of posted.'),
  enabled: z.boolean().optional(),
});
const ifMatchHeaders = z.object({ 'if-match': z.string().optional() });

/** 设置 › 渠道 › 企业微信: who is which WeCom member (for app notifications), and each team's group robot. */
export function registerWecomAdminRoutes(app: AppServer, context: AppContext): void {
  const { database, config, clock } = context;

  app.get('/api/v1/wecom/staff-links', {
    config: { permission },
    schema: { tags, summary: '企业微信成员映射 WeCom member of each user', response: { 200: z.object({ items: z.array(staffLinkSchema) }) } },
  }, async () => ({ items: await listStaffLinks(database.db) }));

  app.put('/api/v1/wecom/staff-links/:id', {
    config: { permission },
    schema: { tags, summary: '设置成员映射 Link a user to a WeCom member', description: "Ticket notifications (assignment, customer reply, SLA warning) go to this member through the account's self-built app.", params: userParams, body: staffLinkBody, response: { 200: staffLinkSchema } },
  }, async (request) => setStaffLink(database, actorOf(request), request.params.id, request.body, clock.now()));

  app.delete('/api/v1/wecom/staff-links/:id', {
    config: { permission },
    schema: { tags, summary: '取消成员映射 Unlink a user', params: userParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await removeStaffLink(database, actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.get('/api/v1/wecom/team-robots', {
    config: { permission },
    schema: { tags, summary: '团队群机器人 Team group robots', response: { 200: z.object({ items: z.array(robotSchema) }) } },
  }, async () => ({ items: await listTeamRobots(database.db) }));

  app.put('/api/v1/wecom/team-robots/:id', {
    config: { permission },
    schema: {
      tags, summary: '设置团队群机器人 Set a team\'s group robot',
      description: 'New tickets of the team and SLA warnings/breaches are posted to the robot, at most 20 a minute; beyond that they are merged into one digest. `If-Match: "<version>"` guards a change (412 when stale).',
      params: teamParams, headers: ifMatchHeaders, body: robotBody, response: { 200: robotSchema },
    },
  }, async (request, reply) => {
    const expected = optionalIfMatchVersion(request.headers['if-match'], 'channel.if_match_invalid');
    const view = await setTeamRobot(database, config, actorOf(request), request.params.id, request.body, expected, clock.now());
    return reply.header('ETag', `"${view.version}"`).send(view);
  });

  app.delete('/api/v1/wecom/team-robots/:id', {
    config: { permission },
    schema: { tags, summary: '移除团队群机器人 Remove a team\'s robot', params: teamParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await removeTeamRobot(database, actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });
}
