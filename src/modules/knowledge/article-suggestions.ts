import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { searchLexemes } from '../../search/segment.js';
import { readableBy, translationColumns } from './article-access.js';
import { hitsOf, keyIn, onePerArticle, present, type ArticleHit, type MatchKey } from './article-hits.js';
import { throughBitmaps, titleDocument } from './article-matches.js';
import type { ArticleLocale, ArticleReader } from './article-model.js';
import { searchSettings } from './article-search.js';
import { kbArticleTranslations } from './schema.js';

const quote = (lexeme: string) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * The terms a free text is matched by for suggestions (a ticket's subject and text, what a
 * customer is typing): its Chinese bigrams and Latin words, at most `maxTerms`, in text order.
 */
export function suggestionTerms(text: string, maxTerms = 40): string[] {
  const lexemes = searchLexemes(text.slice(0, 2000));
  const cjk = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+$/u;
  const terms = lexemes.filter((l) => (cjk.test(l) ? [...l].length === 2 : l.length >= 2 && !/^\d{1,2}$/.test(l)));
  // A one-character subject has no bigram: its character is the term.
  return (terms.length ? terms : lexemes).slice(0, maxTerms);
}

/**
 * Ranking reads each candidate's document: with common words (a ticket's text has dozens of
 * bigrams) every article is a candidate and ranking them all cost seconds at 50 000 articles. The
 * articles that match in the title or tags come first, at most `rankedCandidates`, found through
 * the title document's own index and ranked as they are read (one visit to each row); only when
 * there are none does the body alone qualify one.
 */
const rankedCandidates = 500;

/**
 * Articles for a text that is not a query: any of its terms may match, ranked by how well
 * (title matches weigh most), top `limit`, each with the words of the text it matched. Filtered by
 * the reader's visibility in the same SQL, like every search.
 */
export async function suggestArticles(db: Db, reader: ArticleReader, text: string, options: { limit: number; locale?: ArticleLocale; purpose?: 'read' | 'public_reply' }): Promise<ArticleHit[]> {
  const terms = suggestionTerms(text);
  if (terms.length === 0) return [];
  const any = terms.map(quote).join(' | ');
  const readable = [readableBy(reader, translationColumns, options.purpose), eq(kbArticleTranslations.status, 'published')];
  const found = await db.transaction(async (tx) => {
    await tx.execute(searchSettings);
    const best = (match: SQL) =>
      throughBitmaps(tx, () => {
        const candidates = tx
          .select({ articleId: kbArticleTranslations.articleId, locale: kbArticleTranslations.locale, updatedAt: kbArticleTranslations.updatedAt, rank: sql<number>`ts_rank(${kbArticleTranslations.document}, ${any}::tsquery)`.as('rank') })
          .from(kbArticleTranslations)
          .where(and(...readable, match))
          .limit(rankedCandidates)
          .as('candidates');
        return tx.select({ articleId: candidates.articleId, locale: candidates.locale }).from(candidates).orderBy(desc(candidates.rank), desc(candidates.updatedAt)).limit(options.limit * 2);
      });
    const inTitles = await best(sql`${titleDocument} @@ ${any}::tsquery`);
    const ranked: MatchKey[] = inTitles.length ? inTitles : await best(sql`${kbArticleTranslations.document} @@ ${any}::tsquery`);
    return { rows: await hitsOf(tx, ranked), matched: await matchedTerms(tx, ranked, terms) };
  });
  return onePerArticle(found.rows, options.locale, options.limit).map((row) => present(row, undefined, wordsOf(text, found.matched.get(`${row.id}:${row.locale}`) ?? [])));
}

/** Which of the terms each shown translation matched (only the few shown: it tests every term). */
async function matchedTerms(tx: Db, keys: readonly MatchKey[], terms: readonly string[]): Promise<Map<string, string[]>> {
  if (keys.length === 0) return new Map();
  const termArray = sql`array[${sql.join(terms.map((t) => sql`${quote(t)}`), sql`, `)}]::text[]`;
  const rows = await tx
    .select({
      articleId: kbArticleTranslations.articleId,
      locale: kbArticleTranslations.locale,
      matched: sql<string[]>`array(select term from unnest(${termArray}) term where ${kbArticleTranslations.document} @@ term::tsquery)`,
    })
    .from(kbArticleTranslations)
    .where(and(keyIn(keys)));
  return new Map(rows.map((r) => [`${r.articleId}:${r.locale}`, r.matched.map((t) => t.slice(1, -1).replace(/''/g, "'"))]));
}

/**
 * The matched terms as the words a person reads: adjacent bigrams of the text merged back
 * (打印 + 印机 → 打印机), Latin words as written.
 */
export function wordsOf(text: string, terms: readonly string[]): string[] {
  const chars = [...text.normalize('NFKC')];
  const lower = chars.map((c) => c.toLowerCase());
  const covered = new Array<boolean>(chars.length).fill(false);
  for (const term of terms) {
    const units = [...term];
    for (let i = 0; i + units.length <= lower.length; i++) {
      if (units.every((u, k) => lower[i + k] === u)) for (let k = 0; k < units.length; k++) covered[i + k] = true;
    }
  }
  const words: string[] = [];
  let run = '';
  for (let i = 0; i <= chars.length; i++) {
    if (i < chars.length && covered[i]) run += chars[i];
    else if (run) (words.push(run.trim()), (run = ''));
  }
  return [...new Set(words.filter(Boolean))];
}
