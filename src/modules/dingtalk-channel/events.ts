import { z } from 'zod';
import { defineEvent } from '../../jobs/event-definition.js';

/** The DingTalk module's audit events: who set or removed a team's custom robot (never its webhook or secret). */
export const dingtalkTeamRobotSet = defineEvent({ name: 'dingtalk_team_robot.set', version: 1, aggregate: 'team', payload: { sandbox: z.boolean(), enabled: z.boolean(), webhookChanged: z.boolean(), signed: z.boolean() } });
export const dingtalkTeamRobotRemoved = defineEvent({ name: 'dingtalk_team_robot.removed', version: 1, aggregate: 'team', payload: {} });
