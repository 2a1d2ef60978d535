import { signedTeamRobotStore } from '../channels/index.js';
import { dingtalkTeamRobotRemoved, dingtalkTeamRobotSet } from './events.js';
import { dingtalkTeamRobots } from './schema.js';

/**
 * Teams' custom robots (自定义机器人): the webhook (https://oapi.dingtalk.com/robot/send?access_token=…)
 * and the 加签 secret (`SEC…`), kept by the channel platform's store of signed team robots.
 */
export const teamRobotDigestJob = 'dingtalk.robot_digest';

const store = signedTeamRobotStore({
  table: dingtalkTeamRobots,
  vendor: 'dingtalk',
  digestJobType: teamRobotDigestJob,
  events: { set: dingtalkTeamRobotSet, removed: dingtalkTeamRobotRemoved },
  codes: { teamNotFound: 'dingtalk.team_not_found', versionMismatch: 'dingtalk.robot_version_mismatch' },
});

export const { robot: dingtalkRobot, digestJob: dingtalkDigestJob, list: listTeamRobots, load: loadTeamRobot, set: setTeamRobot, remove: removeTeamRobot } = store;
