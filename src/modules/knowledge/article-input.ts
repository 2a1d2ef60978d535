import { z } from 'zod';
import { invalidField } from '../../app/errors.js';
import { articleLocales, articleVisibilities, type ArticleContent } from './article-model.js';
import { sanitiseArticleHtml, textOfArticleHtml } from './sanitise-article.js';

export const slugPattern = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;

export const translationInput = z.strictObject({
  locale: z.enum(articleLocales),
  title: z.string().trim().min(1).max(200),
  bodyHtml: z.string().max(500_000),
});

/** The editable fields of an article (create: translations required; update: any subset). */
export const articleFieldsInput = {
  translations: z.array(translationInput).min(1).max(articleLocales.length),
  categoryId: z.uuid().nullable(),
  tags: z.array(z.string().trim().min(1).max(40)).max(20),
  relatedIds: z.array(z.uuid()).max(10),
  visibility: z.enum(articleVisibilities),
  organizationIds: z.array(z.uuid()).max(200),
  tierKeys: z.array(z.string().trim().min(1).max(40)).max(20),
  slug: z.string().trim().toLowerCase().regex(slugPattern),
  ownerId: z.uuid(),
  reviewerId: z.uuid().nullable(),
  reviewBy: z.iso.date().nullable(),
};
export const createArticleInput = z.strictObject({ ...articleFieldsInput, ownerId: articleFieldsInput.ownerId.optional() }).partial().required({ translations: true });
export const updateArticleInput = z.strictObject(articleFieldsInput).partial();
export type CreateArticleInput = z.infer<typeof createArticleInput>;
export type UpdateArticleInput = z.infer<typeof updateArticleInput>;

/** Sanitise each translation's HTML, derive its text, refuse a language given twice or a body that sanitises to nothing. */
export function cleanTranslations(input: z.infer<typeof translationInput>[]): ArticleContent['translations'] {
  const seen = new Set<string>();
  return input.map((t, i) => {
    if (seen.has(t.locale)) throw invalidField(`translations.${i}.locale`, 'article.locale_repeated');
    seen.add(t.locale);
    const bodyHtml = sanitiseArticleHtml(t.bodyHtml);
    const bodyText = textOfArticleHtml(bodyHtml);
    if (!bodyText && !/<img/.test(bodyHtml)) throw invalidField(`translations.${i}.bodyHtml`, 'article.body_empty');
    return { locale: t.locale, title: t.title, bodyHtml, bodyText };
  });
}

/** Restricted articles name who may read them; the others name nobody. */
export function checkAudience(content: ArticleContent): void {
  if (content.visibility === 'restricted' && content.organizationIds.length === 0 && content.tierKeys.length === 0) throw invalidField('visibility', 'article.audience_required');
  if (content.visibility !== 'restricted') {
    content.organizationIds = [];
    content.tierKeys = [];
  }
}

/** A slug from the English title (letters and digits), else from the id: the URL stays ASCII so it survives being pasted into WeChat. */
export function defaultSlug(content: ArticleContent, id: string): string {
  const english = content.translations.find((t) => t.locale === 'en')?.title ?? '';
  const words = english.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  const suffix = id.replace(/-/g, '').slice(-8);
  return words ? `${words}-${suffix}` : `article-${suffix}`;
}
