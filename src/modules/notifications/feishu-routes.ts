import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { optionalIfMatchVersion } from '../../app/http/if-match.js';
import { actorOf } from '../../app/http/request-context.js';
import type { FeishuRobotTeams } from './feishu-robot-teams.js';
import { listFeishuRobots, removeFeishuRobot, setFeishuRobot } from './feishu-robots.js';

const tags = ['channels'];
const permission = 'channels.manage' as const;
const teamParams = z.object({ id: z.uuid().describe('The team') });
const robotSchema = z.object({ teamId: z.uuid(), webhookSet: z.boolean(), signed: z.boolean(), sandbox: z.boolean(), enabled: z.boolean(), version: z.number().int(), updatedAt: z.date() }).meta({ id: 'FeishuTeamRobot' });
const robotBody = z.strictObject({
  webhookUrl: z.url({ protocol: /^https?$/ }).max(2000).optional().describe("The robot's webhook (https://open.feishu.cn/open-apis/bot/v2/hook/…). Required for a new robot; left out, the stored one is kept. Never returned."),
  secret: z.string().trim().min(8).max(128).regex(/^[0-9A-Za-z]+$/).nullable().optional().describe('The 签名校验 secret from the robot\'s security settings; null removes it. Never returned.'),
  sandbox: z.boolean().optional().describe('沙箱: messages are recorded here instead of posted.'),
  enabled: z.boolean().optional(),
});

/** 设置 › 团队: each team's Feishu (飞书) custom robot, beside its WeCom and DingTalk robots. */
export function registerFeishuRobotRoutes(app: AppServer, { database, config, clock }: AppContext, robotTeams: FeishuRobotTeams): void {
  app.get('/api/v1/feishu/team-robots', {
    config: { permission },
    schema: { tags, summary: '团队飞书机器人 Team Feishu robots', response: { 200: z.object({ items: z.array(robotSchema) }) } },
  }, async () => ({ items: await listFeishuRobots(database.db) }));

  app.put('/api/v1/feishu/team-robots/:id', {
    config: { permission },
    schema: {
      tags,
      summary: '设置团队飞书机器人 Set a team\'s Feishu robot',
      description: 'New tickets of the team and SLA warnings/breaches are posted to the robot (signed when a secret is set), at most 20 a minute; beyond that they are merged into one digest. `If-Match: "<version>"` guards a change (412 when stale).',
      params: teamParams,
      headers: z.object({ 'if-match': z.string().optional() }),
      body: robotBody,
      response: { 200: robotSchema },
    },
  }, async (request, reply) => {
    const expected = optionalIfMatchVersion(request.headers['if-match'], 'channel.if_match_invalid');
    const view = await setFeishuRobot(database, config, actorOf(request), request.params.id, request.body, expected, clock.now());
    await robotTeams.refresh();
    return reply.header('ETag', `"${view.version}"`).send(view);
  });

  app.delete('/api/v1/feishu/team-robots/:id', {
    config: { permission },
    schema: { tags, summary: '移除团队飞书机器人 Remove a team\'s Feishu robot', params: teamParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await removeFeishuRobot(database, actorOf(request), request.params.id);
    await robotTeams.refresh();
    return reply.status(204).send(null);
  });
}
