import { useEffect, useState } from 'react';
import { helpApi, type HelpHit, type HelpLocale } from '../features/knowledge/help-api.ts';
import type { Navigate, Translate } from './HelpApp.tsx';
import { useHelpQuery } from './useHelpQuery.ts';

/** 帮助中心 home: search with suggestions as you type, categories, articles; "no answer? submit a ticket" with the search carried over. */
export function HelpHome({ url, locale, t, navigate }: { url: URL; locale: HelpLocale; t: Translate; navigate: Navigate }) {
  const q = url.searchParams.get('q') ?? '';
  const categoryId = url.searchParams.get('category') ?? undefined;
  const [typed, setTyped] = useState(q);
  const [suggestions, setSuggestions] = useState<HelpHit[]>([]);
  useEffect(() => setTyped(q), [q]);
  // Suggestions follow typing after a short pause; the newest answer wins.
  useEffect(() => {
    if (!typed.trim() || typed === q) return setSuggestions([]);
    let current = true;
    const handle = window.setTimeout(() => {
      helpApi.suggestions(typed, locale).then((r) => current && setSuggestions(r.items), () => current && setSuggestions([]));
    }, 200);
    return () => {
      current = false;
      window.clearTimeout(handle);
    };
  }, [typed, q, locale]);
  const categories = useHelpQuery(() => helpApi.categories(), []);
  const articles = useHelpQuery(() => helpApi.search({ q: q || undefined, categoryId, locale }), [q, categoryId, locale]);
  const go = (params: { q?: string; category?: string }) => {
    const search = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]))).toString();
    navigate(search ? `/help?${search}` : '/help');
  };
  const name = (c: { nameZh: string; nameEn: string }) => (locale === 'en' && c.nameEn ? c.nameEn : c.nameZh);
  const formLink = `/portal/form${q ? `?subject=${encodeURIComponent(q)}` : ''}`;

  return (
    <>
      <section className="help-card">
        <form className="help-search" role="search" onSubmit={(e) => (e.preventDefault(), setSuggestions([]), go({ q: typed.trim(), category: categoryId }))}>
          <input data-testid="help-search" type="search" value={typed} placeholder={t('searchPlaceholder')} aria-label={t('search')} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
          <button className="help-button primary" type="submit">
            {t('search')}
          </button>
          {suggestions.length > 0 && (
            <ul className="help-suggest" data-testid="help-suggestions">
              {suggestions.map((s) => (
                <li key={s.id}>
                  <a href={`/help/articles/${s.slug}`} onClick={(e) => (e.preventDefault(), navigate(`/help/articles/${s.slug}`))}>
                    {s.title}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </form>
      </section>
      {categories.data && categories.data.items.length > 0 && (
        <section className="help-card" aria-label={t('categories')}>
          <ul className="help-cats">
            <li>
              <button type="button" aria-pressed={!categoryId} onClick={() => go({ q })}>
                {t('allArticles')}
              </button>
            </li>
            {categories.data.items.map((c) => (
              <li key={c.id}>
                <button type="button" aria-pressed={categoryId === c.id} onClick={() => go({ q, category: c.id })}>
                  {name(c)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="help-card" data-testid="help-results">
        <h2 style={{ fontSize: 16, margin: '0 0 8px' }}>{q ? t('results', { q }) : t('latest')}</h2>
        {articles.loading && !articles.data && <p className="help-muted">{t('loading')}</p>}
        {articles.error && (
          <p>
            {t('loadError')}{' '}
            <button className="help-button" type="button" onClick={articles.retry}>
              {t('retry')}
            </button>
          </p>
        )}
        {articles.data && articles.data.items.length === 0 && <p className="help-muted">{q ? t('noResults') : t('empty')}</p>}
        {articles.data && articles.data.items.length > 0 && (
          <ul className="help-list">
            {articles.data.items.map((a) => (
              <li key={a.id}>
                <a href={`/help/articles/${a.slug}`} onClick={(e) => (e.preventDefault(), navigate(`/help/articles/${a.slug}`))}>
                  {a.title}
                </a>
                <p className="snippet">{a.snippet}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <a className="help-button help-cta" data-testid="help-submit-ticket" href={formLink}>
        {t('notFoundCta')}
      </a>
    </>
  );
}
