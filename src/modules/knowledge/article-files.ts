import type { Readable } from 'node:stream';
import { and, asc, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Clock } from '../../app/clock.js';
import { Invalid, NotFound, PayloadTooLarge } from '../../app/errors.js';
import type { Database, Db } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import type { Actor } from '../auth/index.js';
import type { AttachmentStore } from '../tickets/index.js';
import { articleColumns, readableBy } from './article-access.js';
import type { ArticleReader } from './article-model.js';
import { articleFileAdded, articleFileRemoved } from './events.js';
import { kbArticleFiles, kbArticles } from './schema.js';
import { assertEditable, lockReadableArticle } from './write-article.js';

export type ArticleFileView = { id: string; url: string; filename: string; contentType: string; size: number; image: boolean };

/** The types an article shows inline (`<img>`); any other file is an attachment, offered as a download. */
const imageType = /^image\/(png|jpeg|gif|webp)$/;
const fileUrl = (sha256: string) => `/api/v1/help/files/${sha256}`;

/**
 * An image or attachment for an article the actor may edit. The bytes go to the installation's
 * content-addressed store first (a crash leaves at most an unreferenced file, never a row without
 * bytes); the row and its event commit together. Images are embedded in the body as
 * `<img src="/api/v1/help/files/<sha256>">`, the one image address the sanitiser lets through.
 */
export async function addArticleFile(database: Database, clock: Clock, store: AttachmentStore, actor: Actor, articleId: string, upload: { stream: Readable; filename: string; mimetype: string }, options: { maxMb: number; imageOnly?: boolean }): Promise<ArticleFileView> {
  const [article] = await database.db.select().from(kbArticles).where(and(eq(kbArticles.id, articleId), readableBy({ kind: 'staff', actor }, articleColumns)));
  if (!article) throw new NotFound('article.not_found');
  assertEditable(actor, article);
  const stored = await store.save(upload.stream, upload.mimetype);
  if (stored.truncated) throw new PayloadTooLarge('attachment.too_large', { limitMb: options.maxMb });
  if (stored.size === 0) throw new Invalid('validation.failed', {}, [{ path: 'file', code: 'attachment.missing_file' }]);
  // The editor's "insert image" asks for an image; the type is the one sniffed from the bytes, not the name's.
  // (The stored bytes of a refused file stay unreferenced, like those of a failed upload.)
  if (options.imageOnly && !imageType.test(stored.contentType)) throw new Invalid('validation.failed', {}, [{ path: 'file', code: 'article.file_not_image', params: { type: stored.contentType } }]);
  const id = uuidv7();
  const filename = upload.filename.replace(/[\p{Cc}\p{Cf}]/gu, '').slice(0, 200) || 'file';
  await database.transaction(async (tx) => {
    await lockReadableArticle(tx, actor, articleId, article.version);
    await tx.insert(kbArticleFiles).values({ id, articleId, sha256: stored.sha256, filename, contentType: stored.contentType, size: stored.size, createdBy: actor.id, createdAt: clock.now() });
    await recordEvent(tx, articleFileAdded, { aggregateId: articleId, cause: 'agent', actorId: actor.id, payload: { fileId: id, sha256: stored.sha256, contentType: stored.contentType, size: stored.size } });
  });
  return { id, url: fileUrl(stored.sha256), filename, contentType: stored.contentType, size: stored.size, image: imageType.test(stored.contentType) };
}

/**
 * Takes a file off an article the actor may edit. Its address stops answering for readers of this
 * article at once; the bytes stay in the shared store (another article or a ticket may hold the same
 * content). An image still embedded in the body would show as broken: the console offers removal
 * for attachments only.
 */
export async function removeArticleFile(database: Database, actor: Actor, articleId: string, fileId: string): Promise<void> {
  await database.transaction(async (tx) => {
    const [article] = await tx.select().from(kbArticles).where(and(eq(kbArticles.id, articleId), readableBy({ kind: 'staff', actor }, articleColumns))).for('update');
    if (!article) throw new NotFound('article.not_found');
    assertEditable(actor, article);
    const [removed] = await tx.delete(kbArticleFiles).where(and(eq(kbArticleFiles.id, fileId), eq(kbArticleFiles.articleId, articleId))).returning({ sha256: kbArticleFiles.sha256 });
    if (!removed) throw new NotFound('article.file_not_found');
    await recordEvent(tx, articleFileRemoved, { aggregateId: articleId, cause: 'agent', actorId: actor.id, payload: { fileId, sha256: removed.sha256 } });
  });
}

export type ArticleAttachment = Omit<ArticleFileView, 'image'>;

/** An article's attachments (its files that are not images), oldest first, for whoever reads the article. */
export async function articleAttachments(db: Db, articleId: string): Promise<ArticleAttachment[]> {
  const rows = await db
    .select({ id: kbArticleFiles.id, sha256: kbArticleFiles.sha256, filename: kbArticleFiles.filename, contentType: kbArticleFiles.contentType, size: kbArticleFiles.size })
    .from(kbArticleFiles)
    .where(eq(kbArticleFiles.articleId, articleId))
    .orderBy(asc(kbArticleFiles.createdAt), asc(kbArticleFiles.id));
  return rows.filter((row) => !imageType.test(row.contentType)).map(({ sha256, ...row }) => ({ ...row, url: fileUrl(sha256) }));
}

/** A file of an article the reader may read (the same rule as the article: a draft's images stay private). */
export async function readableFile(db: Db, reader: ArticleReader, sha256: string) {
  const [file] = await db
    .select({ sha256: kbArticleFiles.sha256, filename: kbArticleFiles.filename, contentType: kbArticleFiles.contentType })
    .from(kbArticleFiles)
    .innerJoin(kbArticles, eq(kbArticles.id, kbArticleFiles.articleId))
    .where(and(eq(kbArticleFiles.sha256, sha256), readableBy(reader, articleColumns)))
    .limit(1);
  if (!file) throw new NotFound('article.file_not_found');
  return file;
}
