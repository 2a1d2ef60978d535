import { z } from 'zod';
import { defineEvent } from '../../jobs/event-definition.js';

/**
 * The WeCom module's audit events: who set a team's robot (never its key). Member links now record
 * the channel platform's `channel_staff_link.*`; the two `wecom_staff_link.*` definitions stay so
 * audit rows written before read as they were.
 */
export const wecomStaffLinkSet = defineEvent({ name: 'wecom_staff_link.set', version: 1, aggregate: 'user', payload: { wecomUserId: z.string(), accountId: z.string() } });
export const wecomStaffLinkRemoved = defineEvent({ name: 'wecom_staff_link.removed', version: 1, aggregate: 'user', payload: {} });
export const wecomTeamRobotSet = defineEvent({ name: 'wecom_team_robot.set', version: 1, aggregate: 'team', payload: { sandbox: z.boolean(), enabled: z.boolean(), keyChanged: z.boolean() } });
export const wecomTeamRobotRemoved = defineEvent({ name: 'wecom_team_robot.removed', version: 1, aggregate: 'team', payload: {} });
