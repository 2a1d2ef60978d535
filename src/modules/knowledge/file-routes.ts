import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { Invalid } from '../../app/errors.js';
import { actorOf } from '../../app/http/request-context.js';
import { sendAttachment, type AttachmentStore } from '../tickets/index.js';
import { addArticleFile, readableFile } from './article-files.js';
import { helpReader } from './help-reader.js';

const sha256Params = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) });

/** Images and attachments of articles: upload (writers of the article), download (whoever may read the article). */
export function registerFileRoutes(app: AppServer, { database, clock, config }: AppContext, store: AttachmentStore): void {
  app.post('/api/v1/articles/:id/files', {
    config: { permission: 'knowledge.write' },
    schema: {
      tags: ['knowledge'], summary: '上传文章图片或附件（multipart，字段 file）Upload an image or attachment (multipart field "file")',
      description: `Limit ${config.OPENCSM_MAX_ATTACHMENT_MB} MB; the type is sniffed from the bytes. Embed an image as \`<img src="{url}">\`.`,
      params: z.object({ id: z.uuid() }), consumes: ['multipart/form-data'],
      response: { 201: z.object({ id: z.string(), url: z.string(), filename: z.string(), contentType: z.string(), size: z.number().int(), image: z.boolean() }) },
    },
  }, async (request, reply) => {
    if (!request.isMultipart()) throw new Invalid('validation.failed', {}, [{ path: 'file', code: 'attachment.missing_file' }]);
    const file = await request.file().catch((error: unknown) => {
      const status = (error as { statusCode?: number }).statusCode;
      throw status && status >= 400 && status < 500 ? error : new Invalid('request.malformed_multipart');
    });
    if (!file || file.fieldname !== 'file') throw new Invalid('validation.failed', {}, [{ path: 'file', code: 'attachment.missing_file' }]);
    const view = await addArticleFile(database, clock, store, actorOf(request), request.params.id, { stream: file.file, filename: file.filename, mimetype: file.mimetype }, config.OPENCSM_MAX_ATTACHMENT_MB);
    return reply.status(201).send(view);
  });

  app.get('/api/v1/articles/files/:sha256', {
    config: { permission: 'knowledge.read' },
    schema: { tags: ['knowledge'], summary: '文章文件（员工）An article\'s file, for staff', params: sha256Params },
  }, async (request, reply) => sendAttachment(reply, store, await readableFile(database.db, { kind: 'staff', actor: actorOf(request) }, request.params.sha256)));

  app.get('/api/v1/help/files/:sha256', {
    config: { permission: 'public' },
    schema: { tags: ['help-centre'], summary: '帮助中心文章的图片与附件 A help-centre article\'s image or attachment', description: 'Only files of articles the visitor may read (published public ones, or a signed-in customer\'s restricted ones).', params: sha256Params },
  }, async (request, reply) => sendAttachment(reply, store, await readableFile(database.db, await helpReader(database.db, request), request.params.sha256)));
}
