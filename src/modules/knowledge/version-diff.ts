import type { ArticleContent } from './article-model.js';

export type DiffLine = { op: 'same' | 'added' | 'removed'; text: string };
export type ArticleDiff = {
  texts: Array<{ locale: string; field: 'title' | 'body'; lines: DiffLine[] }>;
  settings: Array<{ field: string; from: unknown; to: unknown }>;
};

/**
 * Line diff by longest common subsequence: what a reviewer reads ("this paragraph was added").
 * Articles are short (paragraphs, not thousands of lines); above `maxCells` the two texts are
 * shown as removed and added whole rather than costing quadratic time.
 */
const maxCells = 4_000_000;
export function diffLines(before: string, after: string): DiffLine[] {
  const a = before ? before.split('\n') : [];
  const b = after ? after.split('\n') : [];
  if (a.length * b.length > maxCells) return [...a.map((text) => ({ op: 'removed' as const, text })), ...b.map((text) => ({ op: 'added' as const, text }))];
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) (lines.push({ op: 'same', text: a[i]! }), i++, j++);
    else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) lines.push({ op: 'removed', text: a[i++]! });
    else lines.push({ op: 'added', text: b[j++]! });
  }
  while (i < a.length) lines.push({ op: 'removed', text: a[i++]! });
  while (j < b.length) lines.push({ op: 'added', text: b[j++]! });
  return lines;
}

const settingFields = ['categoryId', 'tags', 'relatedIds', 'visibility', 'organizationIds', 'tierKeys', 'slug', 'ownerId', 'reviewerId', 'reviewBy', 'status'] as const;

/** What changed from one version to another: each language's title and body by line, and the settings. */
export function diffArticles(before: ArticleContent & { status?: string }, after: ArticleContent & { status?: string }): ArticleDiff {
  const locales = [...new Set([...before.translations, ...after.translations].map((t) => t.locale))].sort();
  const texts: ArticleDiff['texts'] = [];
  for (const locale of locales) {
    const a = before.translations.find((t) => t.locale === locale);
    const b = after.translations.find((t) => t.locale === locale);
    texts.push({ locale, field: 'title', lines: diffLines(a?.title ?? '', b?.title ?? '') });
    texts.push({ locale, field: 'body', lines: diffLines(a?.bodyText ?? '', b?.bodyText ?? '') });
  }
  const settings = settingFields
    .filter((field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null))
    .map((field) => ({ field, from: before[field] ?? null, to: after[field] ?? null }));
  return { texts, settings };
}
