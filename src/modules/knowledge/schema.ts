import { sql } from 'drizzle-orm';
import { boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { searchSegmenterVersion } from '../../search/segment.js';
import type { ArticleLocale, ArticleStatus, ArticleVisibility } from './article-model.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** 知识库分类: a tree (parent id), names in both languages. */
export const kbCategories = pgTable(
  'kb_categories',
  {
    id: uuid('id').primaryKey(),
    parentId: uuid('parent_id'),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull().default(''),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('kb_categories_parent_idx').on(t.parentId)],
);

/**
 * One article: what its translations share (state, visibility, owner, category, tags, slug).
 * Translations are rows of kb_article_translations; the zh-CN and en text are one article.
 * Users and organisations belong to other modules: ids without foreign keys.
 */
export const kbArticles = pgTable(
  'kb_articles',
  {
    id: uuid('id').primaryKey(),
    /** Public URL part (`/help/articles/<slug>`): stable once published, so links shared in WeChat keep working. */
    slug: text('slug').notNull(),
    status: text('status').$type<ArticleStatus>().notNull().default('draft'),
    visibility: text('visibility').$type<ArticleVisibility>().notNull().default('internal'),
    /** For visibility `restricted`: the organisations and customer tiers that may read it. */
    organizationIds: uuid('organization_ids').array().notNull().default(sql`'{}'::uuid[]`),
    tierKeys: text('tier_keys').array().notNull().default(sql`'{}'::text[]`),
    categoryId: uuid('category_id'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    relatedIds: uuid('related_ids').array().notNull().default(sql`'{}'::uuid[]`),
    ownerId: uuid('owner_id').notNull(),
    reviewerId: uuid('reviewer_id'),
    /** 复审日期: when the owner should check the article is still true. */
    reviewBy: date('review_by'),
    /** Optimistic concurrency (If-Match); also the number of the newest kb_article_versions row. */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('kb_articles_slug_idx').on(t.slug), index('kb_articles_category_idx').on(t.categoryId), index('kb_articles_owner_idx').on(t.ownerId)],
);

/**
 * One language of an article, with its search document inline (as ticket_search: a TOASTed
 * document cost 10× more to test). The state and visibility are copied here from the article so
 * the reader's filter is tested on the same row as the search, inside one index scan
 * (article-matches.ts); the article's services keep both in step in one transaction.
 */
export const kbArticleTranslations = pgTable(
  'kb_article_translations',
  {
    articleId: uuid('article_id')
      .notNull()
      .references(() => kbArticles.id, { onDelete: 'cascade' }),
    locale: text('locale').$type<ArticleLocale>().notNull(),
    title: text('title').notNull(),
    /** Sanitised HTML (allow-list, sanitise-article.ts). */
    bodyHtml: text('body_html').notNull(),
    /** The body as plain text: search, suggestions, diffs. */
    bodyText: text('body_text').notNull(),
    status: text('status').$type<ArticleStatus>().notNull(),
    visibility: text('visibility').$type<ArticleVisibility>().notNull(),
    organizationIds: uuid('organization_ids').array().notNull().default(sql`'{}'::uuid[]`),
    tierKeys: text('tier_keys').array().notNull().default(sql`'{}'::text[]`),
    ownerId: uuid('owner_id').notNull(),
    document: tsvector('document').notNull(),
    segmenter: integer('segmenter').notNull().default(searchSegmenterVersion),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.locale] }),
    index('kb_article_translations_document_idx').using('gin', t.document),
    // The title-and-tags part of the document (weights A, B: articleDocument) under its own GIN
    // index: a title search or a suggestion's title candidates read only the articles whose title or
    // tags hold the word, where the whole document's index also returned every body that did
    // (article-matches.ts). An expression of the stored document, so it can never disagree with it.
    index('kb_article_translations_title_idx').using('gin', sql`ts_filter(${t.document}, '{a,b}'::"char"[])`),
    index('kb_article_translations_status_idx').on(t.status, t.visibility, t.updatedAt.desc()),
    // A common word is walked newest first (article-matches.ts).
    index('kb_article_translations_updated_idx').on(t.updatedAt.desc()),
  ],
);

/** Every saved state of an article (both languages and its settings), for history, diff and rollback. */
export const kbArticleVersions = pgTable(
  'kb_article_versions',
  {
    articleId: uuid('article_id')
      .notNull()
      .references(() => kbArticles.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    /** What made it: created, updated, submitted, published, archived, rolled_back. */
    reason: text('reason').notNull(),
    /** For a rollback: the version restored. */
    restoredFrom: integer('restored_from'),
    actorId: uuid('actor_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.number] })],
);

/** 有用吗？ One vote per visitor (a random id in a first-party cookie) per article; a change of mind overwrites it. */
export const kbArticleVotes = pgTable(
  'kb_article_votes',
  {
    id: uuid('id').primaryKey(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => kbArticles.id, { onDelete: 'cascade' }),
    visitorKey: text('visitor_key').notNull(),
    helpful: boolean('helpful').notNull(),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('kb_article_votes_visitor_idx').on(t.articleId, t.visitorKey)],
);

/**
 * A visitor opened an article from the help centre or a suggestion. Due 30 minutes later: if no
 * ticket was submitted by the same visitor meanwhile it counts as a deflection (pollDueRows).
 */
export const kbArticleVisits = pgTable(
  'kb_article_visits',
  {
    id: uuid('id').primaryKey(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => kbArticles.id, { onDelete: 'cascade' }),
    visitorKey: text('visitor_key').notNull(),
    /** help (the help centre) or form (a suggestion while typing a ticket's subject). */
    source: text('source').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** The visitor submitted a ticket before dueAt: not a deflection. */
    ticketSubmittedAt: timestamp('ticket_submitted_at', { withTimezone: true }),
    settledAt: timestamp('settled_at', { withTimezone: true }),
  },
  (t) => [
    index('kb_article_visits_due_idx').on(t.dueAt).where(sql`${t.settledAt} is null`),
    index('kb_article_visits_visitor_idx').on(t.visitorKey, t.openedAt),
  ],
);

/** Articles an agent inserted into a ticket's reply or note (the ticket records which articles were used). */
export const kbArticleUses = pgTable(
  'kb_article_uses',
  {
    id: uuid('id').primaryKey(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => kbArticles.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id').notNull(),
    /** link or content */
    mode: text('mode').notNull(),
    locale: text('locale').$type<ArticleLocale>().notNull(),
    userId: uuid('user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('kb_article_uses_ticket_idx').on(t.ticketId, t.createdAt), index('kb_article_uses_article_idx').on(t.articleId)],
);

/** Images and attachments of an article: bytes in the installation's content-addressed store (tickets' AttachmentStore), by SHA-256. */
export const kbArticleFiles = pgTable(
  'kb_article_files',
  {
    id: uuid('id').primaryKey(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => kbArticles.id, { onDelete: 'cascade' }),
    sha256: text('sha256').notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('kb_article_files_article_idx').on(t.articleId), index('kb_article_files_sha_idx').on(t.sha256)],
);
