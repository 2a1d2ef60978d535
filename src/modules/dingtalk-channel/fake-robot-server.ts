import { createServer, type IncomingMessage } from 'node:http';
import type { Clock } from '../../app/clock.js';
import { robotSignature, robotTimestampToleranceMs, signaturesEqual } from './robot-signature.js';

/**
 * Test helper: DingTalk's custom robot webhook (POST /robot/send?access_token=…&timestamp=…&sign=…)
 * on loopback. It checks the token and the 加签 signature the way DingTalk does (HMAC-SHA256 of
 * `timestamp\nsecret`, timestamp within 1 hour of its clock), records every accepted message, and
 * answers errcode 130101 while `tooFast` is set. Error codes and texts are DingTalk's own.
 */
export type FakeRobotServer = {
  /** The webhook to configure, as DingTalk would show it. */
  webhookUrl: string;
  /** Bodies accepted, in order. */
  messages: unknown[];
  /** Every answer given (errcode), accepted or not. */
  answers: number[];
  tooFast: boolean;
  close(): Promise<void>;
};

export async function startFakeRobotServer(options: { accessToken: string; secret?: string; clock: Clock }): Promise<FakeRobotServer> {
  const state = { messages: [] as unknown[], answers: [] as number[], tooFast: false };
  const server = createServer((request, response) => {
    void answer(request).then((body) => {
      state.answers.push(body.errcode);
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });

  async function answer(request: IncomingMessage): Promise<{ errcode: number; errmsg: string }> {
    const url = new URL(request.url ?? '/', 'http://fake');
    const raw = await readBody(request);
    if (request.method !== 'POST' || url.pathname !== '/robot/send') return { errcode: 404, errmsg: 'not found' };
    if (url.searchParams.get('access_token') !== options.accessToken) return { errcode: 300001, errmsg: 'token is not exist' };
    if (options.secret !== undefined) {
      const timestamp = url.searchParams.get('timestamp') ?? '';
      const sign = url.searchParams.get('sign') ?? '';
      if (!/^\d+$/.test(timestamp) || Math.abs(options.clock.now().getTime() - Number(timestamp)) > robotTimestampToleranceMs) {
        return { errcode: 310000, errmsg: 'invalid timestamp' };
      }
      if (!signaturesEqual(sign, robotSignature(options.secret, Number(timestamp)))) return { errcode: 310000, errmsg: 'sign not match' };
    }
    let message: unknown;
    try {
      message = JSON.parse(raw);
    } catch {
      return { errcode: 300005, errmsg: 'param error' };
    }
    if (typeof message !== 'object' || message === null || !('msgtype' in message)) return { errcode: 300005, errmsg: 'param error' };
    if (state.tooFast) return { errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' };
    state.messages.push(message);
    return { errcode: 0, errmsg: 'ok' };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the fake robot server has no TCP address');
  const { port } = address;
  return {
    webhookUrl: `http://127.0.0.1:${port}/robot/send?access_token=${encodeURIComponent(options.accessToken)}`,
    get messages() {
      return state.messages;
    },
    get answers() {
      return state.answers;
    },
    get tooFast() {
      return state.tooFast;
    },
    set tooFast(value: boolean) {
      state.tooFast = value;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}
