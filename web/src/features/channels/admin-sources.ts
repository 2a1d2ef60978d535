import type { UseQueryResult } from '@tanstack/react-query';

/**
 * What the shared settings cards (StaffLinksCard, TeamRobotsCard) need from a chat channel's
 * admin API, in the channel's neutral words: each channel's queries file adapts its own routes
 * (`wecomUserId`, `dingtalkUserId`, a webhook key or URL) to these shapes.
 */

/** Which member of the vendor's directory a user is, through which channel account. */
export type StaffLinkRow = { userId: string; externalUserId: string; accountId: string };

export type StaffLinkSource = {
  links: UseQueryResult<StaffLinkRow[]>;
  link(userId: string, input: { externalUserId: string; accountId: string }): Promise<unknown>;
  unlink(userId: string): Promise<void>;
};

/** A team's group robot as the list returns it; its secrets never come back. */
export type TeamRobotRow = { teamId: string; sandbox: boolean; version: number };

/** `Field` names the robot's secret inputs (`webhookKey`, or `webhookUrl` and `secret`). */
export type TeamRobotSource<Robot extends TeamRobotRow, Field extends string> = {
  robots: UseQueryResult<Robot[]>;
  setRobot(teamId: string, current: Robot | undefined, body: Partial<Record<Field, string>> & { sandbox?: boolean }): Promise<unknown>;
  removeRobot(teamId: string): Promise<void>;
};
