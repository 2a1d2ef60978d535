import type { AppContext, AppServer } from '../../app/context.js';
import { NotFound } from '../../app/errors.js';
import { loadChannelAccount } from './accounts.js';
import { channelSecrets } from './channel-secrets.js';
import { callbackParams } from './http-schemas.js';

const tags = ['channels'];
/** WeChat posts a few kB of XML; anything much larger is not a vendor's callback. */
const bodyLimit = 256 * 1024;

/**
 * The vendors' callbacks: `GET` for URL verification, `POST` for messages. No session: the
 * adapter checks the vendor's signature (and replay), stores the raw body and answers. XML and JSON
 * bodies are read as text in this scope only (the rest of the API stays JSON).
 */
export function registerCallbackRoutes(app: AppServer, context: AppContext): void {
  const { database, channels } = context;
  const answer = async (kind: string, accountId: string, method: 'GET' | 'POST', query: Record<string, string | undefined>, body: string, headers: Record<string, string | string[] | undefined>) => {
    const adapter = channels.get(kind);
    const account = adapter ? await loadChannelAccount(database.db, channelSecrets(context.config), accountId) : null;
    if (!adapter || !account || account.kind !== kind || !account.enabled) throw new NotFound('channel.account_not_found');
    return adapter.callback(database, account, { method, query, body, headers });
  };

  app.register(async (scope) => {
    scope.addContentTypeParser(['text/xml', 'application/xml'], { parseAs: 'string', bodyLimit }, (_request, body, done) => done(null, body));
    // JSON callbacks (DingTalk) reach the adapter as the raw text too: it is stored as received.
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (_request, body, done) => done(null, body));
    scope.get('/api/v1/channels/:kind/:accountId/callback', {
      config: { permission: 'public' },
      schema: { tags, summary: '渠道回调地址验证 Vendor callback URL verification', description: 'The vendor checks the URL (WeChat: `signature`, `timestamp`, `nonce`, `echostr`); answered with `echostr` when the signature holds.', params: callbackParams },
    }, async (request, reply) => {
      const { kind, accountId } = callbackParams.parse(request.params);
      const result = await answer(kind, accountId, 'GET', request.query as Record<string, string | undefined>, '', request.headers);
      return reply.status(result.status).type(result.contentType).send(result.body);
    });
    scope.post('/api/v1/channels/:kind/:accountId/callback', {
      config: { permission: 'public' },
      bodyLimit,
      schema: { tags, summary: '渠道消息回调 Vendor message callback', description: 'Signed by the vendor; the raw message is stored before the answer (WeChat: `success`), then processed in a job. Retries of one message are stored once.', params: callbackParams },
    }, async (request, reply) => {
      const { kind, accountId } = callbackParams.parse(request.params);
      const body = typeof request.body === 'string' ? request.body : '';
      const result = await answer(kind, accountId, 'POST', request.query as Record<string, string | undefined>, body, request.headers);
      return reply.status(result.status).type(result.contentType).send(result.body);
    });
  });
}
