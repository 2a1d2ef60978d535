import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { actorOf } from '../../app/http/request-context.js';
import { checkOutboundHost } from '../security-settings/index.js';
import { emailKeys } from './installation-key.js';
import { createMailboxBody, idParams, ifMatchHeaders, mailboxSchema, mailboxVersionFrom, updateMailboxBody } from './mailbox-http.js';
import { createMailbox, deleteMailbox, getMailbox, listMailboxes, updateMailbox } from './mailboxes.js';

const tags = ['email'];
const permission = 'admin.mailboxes' as const;

/** Administration of mailboxes: addresses, teams, signatures, outbound SMTP and IMAP fetching. */
export function registerMailboxRoutes(app: AppServer, { database, config }: AppContext): void {
  const keys = () => emailKeys(config);
  // Hosts are checked against the outbound guard when saved (and again at every connection).
  const checkHost = (host: string, field: string) => checkOutboundHost(database.db, config, host, field);

  app.get('/api/v1/mailboxes', {
    config: { permission },
    schema: { tags, summary: '邮箱列表 List mailboxes', response: { 200: z.object({ items: z.array(mailboxSchema) }) } },
  }, async () => ({ items: await listMailboxes(database.db) }));

  app.post('/api/v1/mailboxes', {
    config: { permission },
    schema: {
      tags, summary: '添加邮箱 Add a mailbox',
      description: 'Mail to `address` (via the built-in SMTP listener, or fetched over IMAP) becomes tickets. Passwords are stored encrypted and never returned (`hasPassword`). 409 when the address is already configured.',
      body: createMailboxBody,
      response: { 201: mailboxSchema },
    },
  }, async (request, reply) => {
    const view = await createMailbox(database, keys(), actorOf(request), request.body, checkHost);
    return reply.status(201).header('ETag', `"${view.version}"`).send(view);
  });

  app.get('/api/v1/mailboxes/:id', {
    config: { permission },
    schema: { tags, summary: '邮箱详情 A mailbox', params: idParams, response: { 200: mailboxSchema } },
  }, async (request, reply) => {
    const view = await getMailbox(database.db, request.params.id);
    return reply.header('ETag', `"${view.version}"`).send(view);
  });

  app.patch('/api/v1/mailboxes/:id', {
    config: { permission },
    schema: {
      tags, summary: '修改邮箱 Update a mailbox',
      description: 'Requires `If-Match: "<version>"` (428 without, 412 when stale). A password left out keeps the stored one; `null` removes it.',
      params: idParams,
      headers: ifMatchHeaders,
      body: updateMailboxBody,
      response: { 200: mailboxSchema },
    },
  }, async (request, reply) => {
    const expected = mailboxVersionFrom(request.headers['if-match'], true)!;
    const view = await updateMailbox(database, keys(), actorOf(request), request.params.id, expected, request.body, checkHost);
    return reply.header('ETag', `"${view.version}"`).send(view);
  });

  app.delete('/api/v1/mailboxes/:id', {
    config: { permission },
    schema: { tags, summary: '删除邮箱 Delete a mailbox', params: idParams, headers: ifMatchHeaders, response: { 204: z.null() } },
  }, async (request, reply) => {
    await deleteMailbox(database, actorOf(request), request.params.id, mailboxVersionFrom(request.headers['if-match'], false));
    return reply.status(204).send(null);
  });
}
