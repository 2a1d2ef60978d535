import { useEffect, useState } from 'react';
import { helpApi, HelpError, type HelpLocale } from '../features/knowledge/help-api.ts';
import type { Navigate, Translate } from './HelpApp.tsx';
import { useHelpQuery } from './useHelpQuery.ts';

/** 2.4 MB, 310 KB, 512 B (the help centre keeps its own few lines rather than load the console's). */
const sizeOf = (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** One article at its stable address (/help/articles/<slug>): body, 有用吗？, related articles, submit a ticket. */
export function HelpArticlePage({ slug, locale, t, navigate }: { slug: string; locale: HelpLocale; t: Translate; navigate: Navigate }) {
  const article = useHelpQuery(() => helpApi.article(slug), [slug]);
  const [vote, setVote] = useState<'none' | 'asking' | 'done'>('none');
  const [reason, setReason] = useState('');
  const data = article.data;
  const text = data ? (data.translations.find((x) => x.locale === locale) ?? data.translations[0]) : undefined;
  useEffect(() => {
    setVote('none');
    setReason('');
  }, [slug]);
  // A view counts once the article is shown; from a suggestion link the web form passes ?from=form.
  useEffect(() => {
    if (!data) return;
    const source = new URL(window.location.href).searchParams.get('from') === 'form' ? 'form' : 'help';
    helpApi.visit(data.id, source, locale).catch(() => undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data?.id]);
  useEffect(() => {
    if (text) document.title = `${text.title} · ${t('title')}`;
  });

  if (article.loading && !data) return <p className="help-muted">{t('loading')}</p>;
  if (article.error) {
    const missing = article.error instanceof HelpError && article.error.status === 404;
    return (
      <section className="help-card">
        <p>{missing ? t('notFound') : t('loadError')}</p>
        <a href="/help" onClick={(e) => (e.preventDefault(), navigate('/help'))}>
          {t('back')}
        </a>
      </section>
    );
  }
  if (!data || !text) return null;
  const send = async (helpful: boolean) => {
    if (!helpful && vote !== 'asking') return setVote('asking');
    await helpApi.vote(data.id, helpful, helpful ? undefined : reason.trim() || undefined).catch(() => undefined);
    setVote('done');
  };

  return (
    <>
      <article className="help-card help-article" data-testid="help-article">
        <h1>{text.title}</h1>
        <div className="meta">{t('updated', { date: new Date(data.updatedAt).toLocaleDateString(locale) })}</div>
        {/* Sanitised on the server against an allow-list when saved (sanitise-article.ts). */}
        <div className="help-body" dangerouslySetInnerHTML={{ __html: text.bodyHtml }} />
      </article>
      {data.attachments.length > 0 && (
        <section className="help-card" data-testid="help-attachments">
          <h2 style={{ fontSize: 16, margin: '0 0 8px' }}>{t('attachments')}</h2>
          <ul className="help-list">
            {data.attachments.map((file) => (
              <li key={file.id}>
                <a href={file.url} download={file.filename} style={{ overflowWrap: 'anywhere' }}>{file.filename}</a> <span className="help-muted">{sizeOf(file.size)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="help-card help-vote" data-testid="help-vote">
        {vote === 'done' ? (
          <span>{t('thanks')}</span>
        ) : (
          <>
            <span>{t('helpful')}</span>
            <button className="help-button" type="button" onClick={() => send(true)}>
              {t('yes')}
            </button>
            <button className="help-button" type="button" onClick={() => send(false)} disabled={vote === 'asking'}>
              {t('no')}
            </button>
            {vote === 'asking' && (
              <>
                <textarea aria-label={t('whyNot')} placeholder={t('whyNot')} value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
                <button className="help-button primary" type="button" onClick={() => send(false)}>
                  {t('send')}
                </button>
              </>
            )}
          </>
        )}
      </section>
      {data.related.length > 0 && (
        <section className="help-card" data-testid="help-related">
          <h2 style={{ fontSize: 16, margin: '0 0 8px' }}>{t('related')}</h2>
          <ul className="help-list">
            {data.related.map((r) => (
              <li key={r.id}>
                <a href={`/help/articles/${r.slug}`} onClick={(e) => (e.preventDefault(), navigate(`/help/articles/${r.slug}`))}>
                  {r.titles[locale] ?? Object.values(r.titles)[0]}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <a className="help-button help-cta" href={`/portal/form?subject=${encodeURIComponent(text.title)}`}>
        {t('notFoundCta')}
      </a>
    </>
  );
}
