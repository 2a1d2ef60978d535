import { z } from 'zod';
import { ifMatchVersion } from '../../app/http/if-match.js';
import { articleLocales, articleStatuses, articleVisibilities } from './article-model.js';

/** `If-Match: "7"` (or W/"7", or 7) → 7. */
export function articleVersionFrom(header: string | undefined): number {
  return ifMatchVersion(header, 'article.if_match_required', 'article.if_match_invalid');
}

const attachmentSchema = z.object({ id: z.string(), url: z.string(), filename: z.string(), contentType: z.string(), size: z.number().int() }).meta({ id: 'ArticleAttachment' });

const translationSchema = z.object({ locale: z.enum(articleLocales), title: z.string(), bodyHtml: z.string(), bodyText: z.string() });

export const articleSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    status: z.enum(articleStatuses),
    visibility: z.enum(articleVisibilities),
    organizationIds: z.array(z.string()),
    tierKeys: z.array(z.string()),
    categoryId: z.string().nullable(),
    tags: z.array(z.string()),
    relatedIds: z.array(z.string()),
    ownerId: z.string(),
    reviewerId: z.string().nullable(),
    reviewBy: z.string().nullable(),
    version: z.number().int(),
    createdBy: z.string(),
    createdAt: z.date(),
    updatedAt: z.date(),
    publishedAt: z.date().nullable(),
    translations: z.array(translationSchema),
    related: z.array(z.object({ id: z.string(), slug: z.string(), titles: z.record(z.string(), z.string()) })),
    attachments: z.array(attachmentSchema),
    abilities: z.object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean() }).optional(),
  })
  .meta({ id: 'Article' });

export const publicArticleSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    categoryId: z.string().nullable(),
    tags: z.array(z.string()),
    translations: z.array(translationSchema),
    related: z.array(z.object({ id: z.string(), slug: z.string(), titles: z.record(z.string(), z.string()) })),
    attachments: z.array(attachmentSchema),
    updatedAt: z.date(),
    publishedAt: z.date().nullable(),
  })
  .meta({ id: 'PublicArticle' });

export const articleHitSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    locale: z.enum(articleLocales),
    title: z.string(),
    snippet: z.string(),
    status: z.enum(articleStatuses),
    visibility: z.enum(articleVisibilities),
    categoryId: z.string().nullable(),
    tags: z.array(z.string()),
    updatedAt: z.date(),
    matchedWords: z.array(z.string()).optional(),
  })
  .meta({ id: 'ArticleHit' });

export const publicHitSchema = articleHitSchema.omit({ status: true, visibility: true }).meta({ id: 'PublicArticleHit' });

export const categorySchema = z
  .object({ id: z.string(), parentId: z.string().nullable(), nameZh: z.string(), nameEn: z.string(), position: z.number().int(), createdAt: z.date() })
  .meta({ id: 'KnowledgeCategory' });

export const versionSchema = z.object({ articleId: z.string(), number: z.number().int(), status: z.string(), reason: z.string(), restoredFrom: z.number().int().nullable(), actorId: z.string(), createdAt: z.date() }).meta({ id: 'ArticleVersion' });

export const diffSchema = z
  .object({
    texts: z.array(z.object({ locale: z.string(), field: z.enum(['title', 'body']), lines: z.array(z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() })) })),
    settings: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
  })
  .meta({ id: 'ArticleDiff' });

export const searchQuery = z.object({
  q: z.string().max(200).optional(),
  locale: z.enum(articleLocales).optional(),
  categoryId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
