import { signedTeamRobotStore } from '../channels/index.js';
import { feishuTeamRobotRemoved, feishuTeamRobotSet } from './events.js';
import { feishuTeamRobots } from './schema.js';

/**
 * Teams' Feishu (飞书) custom robots: the webhook (https://open.feishu.cn/open-apis/bot/v2/hook/…)
 * and the 签名校验 secret, kept by the channel platform's store of signed team robots.
 */
export const feishuDigestJobType = 'notifications.feishu_digest';

const store = signedTeamRobotStore({
  table: feishuTeamRobots,
  vendor: 'feishu',
  digestJobType: feishuDigestJobType,
  events: { set: feishuTeamRobotSet, removed: feishuTeamRobotRemoved },
  codes: { teamNotFound: 'notifications.feishu.team_not_found', versionMismatch: 'notifications.feishu.robot_version_mismatch' },
});

export const { robot: feishuRobot, digestJob: feishuDigestJob, list: listFeishuRobots, enabledTeams: teamsWithFeishuRobot, load: loadFeishuRobot, set: setFeishuRobot, remove: removeFeishuRobot } = store;
