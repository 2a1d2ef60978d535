import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { AppContext, AppServer } from '../../app/context.js';
import { Invalid } from '../../app/errors.js';
import { actorOf } from '../../app/http/request-context.js';
import type { Db } from '../../db/database.js';
import { actorFromSession, can, sessionCookieName } from '../auth/index.js';
import { sendAttachment, type AttachmentStore } from '../tickets/index.js';
import type { ArticleReader } from './article-model.js';
import { addArticleFile, readableFile, removeArticleFile } from './article-files.js';
import { helpReader } from './help-reader.js';

const sha256Params = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) });

/**
 * Who reads a file at its one embedded address (`/api/v1/help/files/…`): a signed-in console user
 * who may read articles reads it as staff, so a draft's images show in the editor; anyone else as
 * a help-centre visitor.
 */
async function fileReader(db: Db, request: FastifyRequest): Promise<ArticleReader> {
  const secret = request.cookies[sessionCookieName];
  const actor = secret ? await actorFromSession(db, secret) : null;
  if (actor && can(actor, 'knowledge.read')) return { kind: 'staff', actor };
  return helpReader(db, request);
}

/** Images and attachments of articles: upload (writers of the article), download (whoever may read the article). */
export function registerFileRoutes(app: AppServer, { database, clock, config }: AppContext, store: AttachmentStore): void {
  app.post('/api/v1/articles/:id/files', {
    config: { permission: 'knowledge.write' },
    schema: {
      tags: ['knowledge'], summary: '上传文章图片或附件（multipart，字段 file）Upload an image or attachment (multipart field "file")',
      description: `Limit ${config.OPENCSM_MAX_ATTACHMENT_MB} MB; the type is sniffed from the bytes. Embed an image as \`<img src="{url}">\`.`,
      params: z.object({ id: z.uuid() }), consumes: ['multipart/form-data'],
      querystring: z.object({ kind: z.enum(['image', 'attachment']).optional().describe('`image`: refuse (400 at `file`) anything but a PNG, JPEG, GIF or WebP image') }),
      response: { 201: z.object({ id: z.string(), url: z.string(), filename: z.string(), contentType: z.string(), size: z.number().int(), image: z.boolean() }) },
    },
  }, async (request, reply) => {
    if (!request.isMultipart()) throw new Invalid('validation.failed', {}, [{ path: 'file', code: 'attachment.missing_file' }]);
    const file = await request.file().catch((error: unknown) => {
      const status = (error as { statusCode?: number }).statusCode;
      throw status && status >= 400 && status < 500 ? error : new Invalid('request.malformed_multipart');
    });
    if (!file || file.fieldname !== 'file') throw new Invalid('validation.failed', {}, [{ path: 'file', code: 'attachment.missing_file' }]);
    const view = await addArticleFile(database, clock, store, actorOf(request), request.params.id, { stream: file.file, filename: file.filename, mimetype: file.mimetype }, { maxMb: config.OPENCSM_MAX_ATTACHMENT_MB, imageOnly: request.query.kind === 'image' });
    return reply.status(201).send(view);
  });

  app.delete('/api/v1/articles/:id/files/:fileId', {
    config: { permission: 'knowledge.write' },
    schema: {
      tags: ['knowledge'], summary: '移除文章的图片或附件 Remove an image or attachment from an article',
      description: 'For those who may edit the article. Its address stops answering for this article; remove an image from the body first.',
      params: z.object({ id: z.uuid(), fileId: z.uuid() }), response: { 204: z.null() },
    },
  }, async (request, reply) => {
    await removeArticleFile(database, actorOf(request), request.params.id, request.params.fileId);
    return reply.status(204).send(null);
  });

  app.get('/api/v1/articles/files/:sha256', {
    config: { permission: 'knowledge.read' },
    schema: { tags: ['knowledge'], summary: '文章文件（员工）An article\'s file, for staff', params: sha256Params },
  }, async (request, reply) => sendAttachment(reply, store, await readableFile(database.db, { kind: 'staff', actor: actorOf(request) }, request.params.sha256)));

  app.get('/api/v1/help/files/:sha256', {
    config: { permission: 'public' },
    schema: { tags: ['help-centre'], summary: '帮助中心文章的图片与附件 A help-centre article\'s image or attachment', description: 'Only files of articles the visitor may read (published public ones, or a signed-in customer\'s restricted ones); a signed-in console user reads those of the articles they may read (their drafts\' images in the editor).', params: sha256Params },
  }, async (request, reply) => sendAttachment(reply, store, await readableFile(database.db, await fileReader(database.db, request), request.params.sha256)));
}
