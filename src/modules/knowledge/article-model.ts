import type { Actor } from '../auth/index.js';
import { can } from '../auth/index.js';

/** 草稿 → 待审核 → 已发布 → 已归档 (a reviewer may send one back to 草稿). */
export const articleStatuses = ['draft', 'in_review', 'published', 'archived'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

/** internal: staff only; public: everyone, signed in or not; restricted: signed-in customers of the listed organisations or tiers (and staff). */
export const articleVisibilities = ['internal', 'public', 'restricted'] as const;
export type ArticleVisibility = (typeof articleVisibilities)[number];

export const articleLocales = ['zh-CN', 'en'] as const;
export type ArticleLocale = (typeof articleLocales)[number];

/** Which transitions exist, and which permission each needs beyond reading the article. */
export const articleTransitions = {
  submit: { from: ['draft'], to: 'in_review' },
  reject: { from: ['in_review'], to: 'draft' },
  publish: { from: ['draft', 'in_review', 'archived'], to: 'published' },
  archive: { from: ['draft', 'in_review', 'published'], to: 'archived' },
} as const satisfies Record<string, { from: readonly ArticleStatus[]; to: ArticleStatus }>;
export type ArticleTransition = keyof typeof articleTransitions;

/**
 * Who reads what, the one rule every read path compiles to SQL (article-access.ts):
 *  - `knowledge.review` (supervisors): every article in every state;
 *  - `knowledge.write` (agents): published articles, and the unpublished ones they own;
 *  - `knowledge.read`: published articles only;
 *  - the public help centre: published public articles, and restricted ones of the signed-in customer's organisation or tier.
 */
export type ArticleReader =
  | { kind: 'staff'; actor: Actor }
  | { kind: 'visitor'; organizationId: string | null; tierKeys: string[] };

export const anonymousVisitor: ArticleReader = { kind: 'visitor', organizationId: null, tierKeys: [] };

export function mayReview(actor: Actor): boolean {
  return can(actor, 'knowledge.review');
}

/** The article's own fields, as saved in each version's snapshot. */
export type ArticleContent = {
  translations: Array<{ locale: ArticleLocale; title: string; bodyHtml: string; bodyText: string }>;
  categoryId: string | null;
  tags: string[];
  relatedIds: string[];
  visibility: ArticleVisibility;
  organizationIds: string[];
  tierKeys: string[];
  slug: string;
  ownerId: string;
  reviewerId: string | null;
  reviewBy: string | null;
};
