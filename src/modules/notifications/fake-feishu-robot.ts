import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../app/clock.js';

/**
 * Test helper: a Feishu custom robot webhook (POST /open-apis/bot/v2/hook/<token>) on loopback. It
 * checks the token and, with a secret, the signature as Feishu documents it — computed here
 * independently with WebCrypto (HMAC-SHA256 keyed by `timestamp\nsecret` over an empty message,
 * base64; timestamp in seconds within an hour of its clock) — records every accepted body, and
 * answers Feishu's codes (19021 bad signature, 11232 while `tooFast`).
 */
export type FakeFeishuRobot = { webhookUrl: string; messages: Array<Record<string, any>>; answers: number[]; tooFast: boolean; close(): Promise<void> };

async function expectedSign(secret: string, timestamp: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(`${timestamp}\n${secret}`), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return Buffer.from(await crypto.subtle.sign('HMAC', key, new Uint8Array(0))).toString('base64');
}

export async function startFakeFeishuRobot(options: { token: string; secret?: string; clock: Clock }): Promise<FakeFeishuRobot> {
  const state = { messages: [] as Array<Record<string, any>>, answers: [] as number[], tooFast: false };
  async function answer(request: IncomingMessage): Promise<{ code: number; msg: string }> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (request.method !== 'POST' || request.url !== `/open-apis/bot/v2/hook/${options.token}`) return { code: 19001, msg: 'param invalid: incoming webhook access token invalid' };
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, any>;
    if (options.secret !== undefined) {
      const timestamp = String(body.timestamp ?? '');
      const fresh = /^\d+$/.test(timestamp) && Math.abs(options.clock.now().getTime() / 1000 - Number(timestamp)) <= 3600;
      if (!fresh || body.sign !== (await expectedSign(options.secret, timestamp))) return { code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time' };
    }
    if (state.tooFast) return { code: 11232, msg: 'frequency limited psm' };
    state.messages.push(body);
    return { code: 0, msg: 'success' };
  }
  const server = createServer((request, response) => {
    void answer(request).then((body) => {
      state.answers.push(body.code);
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    webhookUrl: `http://127.0.0.1:${port}/open-apis/bot/v2/hook/${options.token}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
