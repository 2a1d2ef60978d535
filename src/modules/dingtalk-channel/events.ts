import { defineEvent } from '../../jobs/event-definition.js';
import { signedTeamRobotFacts } from '../channels/index.js';

/** The DingTalk module's audit events: who set or removed a team's custom robot (never its webhook or secret). */
export const dingtalkTeamRobotSet = defineEvent({ name: 'dingtalk_team_robot.set', version: 1, aggregate: 'team', payload: signedTeamRobotFacts });
export const dingtalkTeamRobotRemoved = defineEvent({ name: 'dingtalk_team_robot.removed', version: 1, aggregate: 'team', payload: {} });
