import { eq } from 'drizzle-orm';
import type { AllowanceRobot, DigestJob } from '../channels/index.js';
import { wecomTeamRobots } from './schema.js';

/**
 * A WeCom group robot takes at most 20 messages a minute (more are refused with 45009); the
 * counting and the digest queue are the channel platform's (shared with DingTalk's robots), keyed
 * `wecom:<team id>`, under this module's robot row's lock.
 */
export { robotPerMinute } from '../channels/index.js';
export const robotDigestJob = 'wecom.robot_digest';

export function wecomRobot(teamId: string): AllowanceRobot {
  return {
    key: `wecom:${teamId}`,
    async lock(tx) {
      const [robot] = await tx.select({ enabled: wecomTeamRobots.enabled }).from(wecomTeamRobots).where(eq(wecomTeamRobots.teamId, teamId)).for('update');
      return robot?.enabled ?? false;
    },
  };
}

export const wecomDigestJob = (teamId: string): DigestJob => ({ type: robotDigestJob, payload: { teamId } });
