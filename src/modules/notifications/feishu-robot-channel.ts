import { translate } from '../../app/i18n/catalogue.js';
import type { JobContext } from '../../jobs/registry.js';
import { markRobotSend, vendorRequest, type RobotSend, type TeamRobotChannel, type TeamRobotDeps } from '../channels/index.js';
import { feishuDigestJob, feishuRobot, loadFeishuRobot } from './feishu-robots.js';
import { signedFeishuBody } from './feishu-signature.js';

const lastAttempt = 8;

/** Feishu's answer: `{code: 0}` is accepted; a rate limit (9499, 11232) or a server error is worth a retry, the rest is not. */
export class FeishuRobotError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly transient: boolean,
  ) {
    super(`feishu robot ${code}: ${message}`);
  }
}
const transientCodes = new Set([9499, 11232]);

async function postToFeishu(deps: TeamRobotDeps, url: string, body: Record<string, unknown>): Promise<void> {
  const response = await vendorRequest(deps.database.db, deps.config, new URL(url), { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) });
  if (response.status >= 500) throw new FeishuRobotError(response.status, 'server error', true);
  let answer: { code?: number; StatusCode?: number; msg?: string };
  try {
    answer = JSON.parse(response.body.toString('utf8'));
  } catch {
    throw new FeishuRobotError(response.status, 'unreadable answer', response.status >= 500);
  }
  const code = answer.code ?? answer.StatusCode ?? (response.status === 200 ? 0 : response.status);
  if (code !== 0) throw new FeishuRobotError(code, answer.msg ?? '', transientCodes.has(code));
}

/** Posts one send to the team's Feishu robot, signed at the moment of sending; a sandbox robot records it instead. */
async function deliverFeishuSend(deps: TeamRobotDeps, job: JobContext['job'], teamId: string, send: RobotSend): Promise<void> {
  if (send.status !== 'queued') return;
  const robot = await loadFeishuRobot(deps.database.db, deps.config, teamId);
  if (!robot?.enabled) return markRobotSend(deps.database, send.id, 'failed', 'robot removed or disabled');
  if (robot.sandbox) return markRobotSend(deps.database, send.id, 'sandbox', null);
  try {
    await postToFeishu(deps, robot.webhookUrl, signedFeishuBody(send.body, robot.secret, deps.clock.now().getTime()));
  } catch (error) {
    const transient = !(error instanceof FeishuRobotError) || error.transient;
    if (transient && job.attempts < lastAttempt) throw error;
    return markRobotSend(deps.database, send.id, 'failed', error instanceof Error ? error.message : String(error));
  }
  await markRobotSend(deps.database, send.id, 'sent', null);
}

/** A rich-text (post) message: the title, the ticket's `#number subject`, and a link when the console has a public URL. */
function feishuPost(title: string, label: string, url: string | null): Record<string, unknown> {
  const line = url ? [{ tag: 'a', text: label, href: url }] : [{ tag: 'text', text: label }];
  return { msg_type: 'post', content: { post: { zh_cn: { title, content: [line] } } } };
}

function feishuDigest(lines: string[], total: number): Record<string, unknown> {
  const more = total > lines.length ? [translate('zh-CN', 'notifications.feishu.digest_more', { count: total - lines.length })] : [];
  // Lines come as markdown links (`title：[label](url)`); a post's text shows them as they are, so they are flattened.
  const flat = lines.map((line) => `• ${line.replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1 $2')}`);
  return { msg_type: 'post', content: { post: { zh_cn: { title: translate('zh-CN', 'notifications.feishu.digest_title', { total }), content: [...flat, ...more].map((text) => [{ tag: 'text', text }]) } } } };
}

/** Teams' Feishu custom robots on the channel platform's shared team notifications (channels/team-robot-triggers.ts). */
export const feishuTeamRobot: TeamRobotChannel = {
  robot: feishuRobot,
  digestJob: feishuDigestJob,
  titleKeys: { created: 'notifications.feishu.ticket_created', warning: 'notifications.feishu.sla_warning', breached: 'notifications.feishu.sla_breached' },
  message: feishuPost,
  digest: feishuDigest,
  deliver: deliverFeishuSend,
};
