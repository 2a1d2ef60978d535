import { z } from 'zod';
import type { ChannelAdapter } from '../../app/channel-registry.js';
import type { AppContext, AppServer } from '../../app/context.js';
import { NotFound } from '../../app/errors.js';
import { actorOf } from '../../app/http/request-context.js';
import { createChannelAccount, disableChannelAccount, getChannelAccount, listChannelAccounts, loadChannelAccount, recordAccountStatus, updateChannelAccount } from './accounts.js';
import { channelSecrets } from './channel-secrets.js';
import { forgetAccessToken } from './access-token.js';
import { accountView } from './presented-settings.js';
import { accountParams, accountVersionFrom, channelKindSchema, createAccountBody, healthSchema, ifMatchHeaders, kindParams, updateAccountBody } from './http-schemas.js';

const tags = ['channels'];
const permission = 'channels.manage' as const;

/** Channel accounts (设置 › 渠道): admins set up each vendor account; secrets go in, never out. */
export function registerAccountRoutes(app: AppServer, context: AppContext): void {
  const { database, channels } = context;
  const adapterOf = (kind: string): ChannelAdapter => {
    const adapter = channels.get(kind);
    if (!adapter) throw new NotFound('channel.unknown_kind', { kind });
    return adapter;
  };
  const box = () => channelSecrets(context.config);
  // Settings typed per channel (the console narrows by `kind`); made here, once adapters have registered.
  const view = accountView(channels.list());

  app.get('/api/v1/channels', {
    config: { permission },
    schema: { tags, summary: '渠道列表 Installed channels', response: { 200: z.object({ items: z.array(channelKindSchema) }) } },
  }, async () => ({ items: channels.list().map((a) => ({ kind: a.kind, labels: a.labels, identityKinds: [...a.identityKinds], secretFields: [...a.secretFields], limits: a.limits })) }));

  app.get('/api/v1/channels/:kind/accounts', {
    config: { permission },
    schema: { tags, summary: '渠道账号列表 Channel accounts', params: kindParams, response: { 200: z.object({ items: z.array(view.schema) }) } },
  }, async (request) => ({ items: (await listChannelAccounts(database.db, adapterOf(request.params.kind).kind)).map(view.present) }));

  app.post('/api/v1/channels/:kind/accounts', {
    config: { permission },
    schema: {
      tags, summary: '添加渠道账号 Add a channel account',
      description: 'Settings are checked by the channel (400 at `settings.<field>`); secret fields are stored encrypted and never returned (`secretsSet`).',
      params: kindParams, body: createAccountBody, response: { 201: view.schema },
    },
  }, async (request, reply) => {
    const created = await createChannelAccount(database, adapterOf(request.params.kind), box(), actorOf(request), request.body);
    return reply.status(201).header('ETag', `"${created.version}"`).send(view.present(created));
  });

  app.get('/api/v1/channels/:kind/accounts/:id', {
    config: { permission },
    schema: { tags, summary: '渠道账号详情 A channel account', params: accountParams, response: { 200: view.schema } },
  }, async (request, reply) => {
    const account = await getChannelAccount(database.db, adapterOf(request.params.kind).kind, request.params.id);
    return reply.header('ETag', `"${account.version}"`).send(view.present(account));
  });

  app.patch('/api/v1/channels/:kind/accounts/:id', {
    config: { permission },
    schema: {
      tags, summary: '修改渠道账号 Update a channel account',
      description: 'Requires `If-Match: "<version>"` (428 without, 412 when stale). A secret left out keeps the stored one.',
      params: accountParams, headers: ifMatchHeaders, body: updateAccountBody, response: { 200: view.schema },
    },
  }, async (request, reply) => {
    const expected = accountVersionFrom(request.headers['if-match'], true)!;
    const updated = await updateChannelAccount(database, adapterOf(request.params.kind), box(), actorOf(request), request.params.id, expected, request.body);
    // New credentials: the cached token may belong to the old ones.
    if (request.body.settings) await forgetAccessToken(database, updated.id);
    return reply.header('ETag', `"${updated.version}"`).send(view.present(updated));
  });

  app.delete('/api/v1/channels/:kind/accounts/:id', {
    config: { permission },
    schema: { tags, summary: '停用渠道账号 Disable a channel account', description: 'The account is disabled (its callbacks are refused); its tickets and messages stay.', params: accountParams, headers: ifMatchHeaders, response: { 204: z.null() } },
  }, async (request, reply) => {
    await disableChannelAccount(database, adapterOf(request.params.kind).kind, actorOf(request), request.params.id, accountVersionFrom(request.headers['if-match'], false));
    return reply.status(204).send(null);
  });

  app.post('/api/v1/channels/:kind/accounts/:id/test', {
    config: { permission },
    schema: { tags, summary: '测试连接 Test the connection', description: "Calls the vendor's token API with the account's credentials; the result becomes the account's last error (or clears it).", params: accountParams, response: { 200: healthSchema } },
  }, async (request) => {
    const adapter = adapterOf(request.params.kind);
    const account = await loadChannelAccount(database.db, box(), request.params.id);
    if (!account || account.kind !== adapter.kind) throw new NotFound('channel.account_not_found');
    const health = await adapter.testConnection(database, account);
    await recordAccountStatus(database.db, account.id, { error: health.ok ? null : (health.detail ?? health.reason), at: context.clock.now() });
    return health.ok ? { ok: true, reason: null, detail: null } : { ok: false, reason: health.reason, detail: health.detail ?? null };
  });
}
