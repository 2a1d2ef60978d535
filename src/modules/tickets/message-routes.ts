import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import type { ReplyWindow } from '../../app/reply-channels.js';
import { Forbidden, Invalid } from '../../app/errors.js';
import { actorOf } from '../../app/http/request-context.js';
import { can } from '../auth/index.js';
import { translate } from '../../app/i18n/catalogue.js';
import { addMessage } from './add-message.js';
import { AttachmentStore } from './attachment-store.js';
import { getVisibleAttachment, uploadAttachment } from './attachments.js';
import { attachmentSchema, messageSchema } from './http-schemas.js';
import { getVisibleTicket } from './get-ticket.js';
import { planReply } from './reply-route.js';
import { sendAttachment } from './send-attachment.js';

const tags = ['tickets'];

/** One way of a reply plan; `ways`: the reply ways installed (ReplyChannels.ways()), read when the routes are built. */
const replyOptionSchema = (ways: z.ZodType<string>) => z.object({
  channel: ways,
  ready: z.boolean(),
  /** Why this way cannot deliver now, in the request's language. */
  reason: z.string().nullable(),
  /** Where it goes, when the channel can say (the requester's email address). */
  to: z.string().nullable(),
  /** A chat channel's reply window (WeChat: 48 h, 5 messages), with the composer's line: 回复窗口剩余 20 小时 · 还可发送 3 条. */
  window: z.object({ endsAt: z.date(), remainingMessages: z.number().int(), sandbox: z.boolean(), text: z.string() }).nullable().optional(),
  /** A way around the ticket's channel when it cannot carry the reply (WeChat's window closed): a template message, an SMS. Sent only when chosen as `via`. */
  alternative: z.boolean().optional(),
});

export function registerMessageRoutes(app: AppServer, context: AppContext, store: AttachmentStore): void {
  const { database, config, replyChannels } = context;
  // Built now, not at import: every channel module has registered its adapter by the time routes are.
  const ways = z.enum(replyChannels.ways());
  app.get('/api/v1/tickets/:id/reply-plan', {
    config: { permission: 'tickets.read' },
    schema: {
      tags, summary: '回复将通过哪种方式发出 Which way a reply will go',
      description: '`preferred`: where the customer expects the answer (the channel they last wrote on, else the ticket\'s; phone and web-form tickets by email when the requester has an address, else the portal). When it cannot deliver now, `preferredReady` is false, `reason` says why and `via` is the first way that works. `options`: the ways to choose from (pass one as `via` when sending); `phone` means the agent calls and records the answer, nothing is sent. When the preferred way cannot deliver, the ways around it that work now are listed too (`alternative: true`: `wechat_template`, the account\'s reply template; `sms`, the notice template to the requester\'s mobile); a reply by one that cannot go is refused with a 400 at `via`.',
      params: z.object({ id: z.string().min(1).max(64) }),
      response: { 200: z.object({ preferred: ways, preferredReady: z.boolean(), reason: z.string().nullable(), via: ways, options: z.array(replyOptionSchema(ways)) }) },
    },
  }, async (request) => {
    const ticket = await getVisibleTicket(database.db, actorOf(request), request.params.id);
    const plan = await planReply(database.db, replyChannels, ticket);
    const say = (reason: string | null) => (reason ? translate(request.locale ?? 'zh-CN', reason) : null);
    const locale = request.locale ?? 'zh-CN';
    const windowOf = (w: ReplyWindow | null | undefined) => {
      if (!w) return null;
      const hours = Math.max(0, Math.floor((w.endsAt.getTime() - context.clock.now().getTime()) / 3_600_000));
      return { ...w, text: translate(locale, 'reply.window', { hours, count: w.remainingMessages }) };
    };
    return { ...plan, reason: say(plan.reason), options: plan.options.map(({ window, ...o }) => ({ ...o, reason: say(o.reason), ...(window && { window: windowOf(window) }) })) };
  });


  app.post('/api/v1/tickets/:id/messages', {
    // Replies and notes need tickets.reply or tickets.note; the service checks which one.
    config: { permission: 'tickets.read' },
    schema: {
      tags, summary: '回复或内部备注 Add a reply or an internal note',
      params: z.object({ id: z.string().min(1).max(64) }),
      description: 'A public reply goes the way `GET …/reply-plan` names as `via`, or the way given here as `via`. A reply for a channel that cannot deliver now is stored with `deliveryStatus: failed` and the reason in `deliveryError`, never left queued.',
      body: z.strictObject({ body: z.string().trim().min(1).max(100_000), internal: z.boolean().optional(), attachmentIds: z.array(z.uuid()).max(20).optional(), via: ways.optional() }),
      response: { 201: messageSchema },
    },
  }, async (request, reply) => reply.status(201).send(await addMessage(database, actorOf(request), request.params.id, request.body, replyChannels)));

  app.post('/api/v1/tickets/:id/attachments', {
    config: { permission: 'tickets.read' },
    schema: {
      tags, summary: '上传附件（multipart，字段 file）Upload an attachment (multipart field "file")',
      description: `Limit ${config.OPENCSM_MAX_ATTACHMENT_MB} MB. The stored type is sniffed from the bytes. Pass the returned id in a message's attachmentIds.`,
      params: z.object({ id: z.string().min(1).max(64) }),
      consumes: ['multipart/form-data'],
      response: { 201: attachmentSchema },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    if (!can(actor, 'tickets.reply') && !can(actor, 'tickets.note')) throw new Forbidden();
    if (!request.isMultipart()) throw new Invalid('validation.failed', {}, [{ path: 'file', code: 'attachment.missing_file' }]);
    const file = await request.file().catch((error: unknown) => {
      // Parser errors of a malformed body (no boundary, cut off) are the client's; limits keep their 4xx.
      const status = (error as { statusCode?: number }).statusCode;
      throw status && status >= 400 && status < 500 ? error : new Invalid('request.malformed_multipart');
    });
    if (!file || file.fieldname !== 'file') throw new Invalid('validation.failed', {}, [{ path: 'file', code: 'attachment.missing_file' }]);
    const row = await uploadAttachment(database, store, actor, request.params.id, { stream: file.file, filename: file.filename, mimetype: file.mimetype }, config.OPENCSM_MAX_ATTACHMENT_MB);
    return reply.status(201).send(row);
  });

  app.get('/api/v1/attachments/:id', {
    config: { permission: 'tickets.read' },
    schema: { tags, summary: '下载附件 Download an attachment', params: z.object({ id: z.uuid() }) },
  }, async (request, reply) => {
    return sendAttachment(reply, store, await getVisibleAttachment(database.db, actorOf(request), request.params.id));
  });
}
