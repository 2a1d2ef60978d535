import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { can } from '../auth/index.js';
import type { ArticleReader } from './article-model.js';
import { kbArticles, kbArticleTranslations } from './schema.js';

type AccessColumns = { status: PgColumn; visibility: PgColumn; ownerId: PgColumn; organizationIds: PgColumn; tierKeys: PgColumn };

/**
 * What a reader may read, as SQL, the one rule every read path uses (a single article, lists,
 * the help centre, search, suggestions and `??`), so a list can never show what a read refuses
 * (Zammad #4907, Chatwoot #10026). Compiled over either table: the translations carry copies of
 * the article's state and visibility so a search tests them on the row it matched.
 * `purpose: 'public_reply'` narrows staff to public articles (what may go into a customer's reply).
 */
export function readableBy(reader: ArticleReader, columns: AccessColumns, purpose: 'read' | 'public_reply' = 'read'): SQL {
  const publishedPublic = and(eq(columns.status, 'published'), eq(columns.visibility, 'public'))!;
  if (reader.kind === 'visitor') {
    const audience = audienceConditions(reader, columns);
    const restricted = audience.length ? and(eq(columns.status, 'published'), eq(columns.visibility, 'restricted'), or(...audience)) : undefined;
    return restricted ? or(publishedPublic, restricted)! : publishedPublic;
  }
  if (purpose === 'public_reply') return publishedPublic;
  const { actor } = reader;
  if (can(actor, 'knowledge.review')) return sql`true`;
  if (can(actor, 'knowledge.write')) return or(eq(columns.status, 'published'), eq(columns.ownerId, actor.id))!;
  if (can(actor, 'knowledge.read')) return eq(columns.status, 'published');
  return sql`false`;
}

function audienceConditions(reader: Extract<ArticleReader, { kind: 'visitor' }>, columns: AccessColumns): SQL[] {
  const conditions: SQL[] = [];
  if (reader.organizationId) conditions.push(sql`${reader.organizationId}::uuid = any(${columns.organizationIds})`);
  if (reader.tierKeys.length) conditions.push(sql`${columns.tierKeys} && array[${sql.join(reader.tierKeys.map((k) => sql`${k}`), sql`, `)}]::text[]`);
  return conditions;
}

export const articleColumns: AccessColumns = kbArticles;
export const translationColumns: AccessColumns = kbArticleTranslations;
