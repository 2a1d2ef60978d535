import { useEffect, useState } from 'react';
import { preferredLocale } from '../app/locale.ts';
import type { HelpLocale } from '../features/knowledge/help-api.ts';
import { HelpArticlePage } from './HelpArticlePage.tsx';
import { HelpHome } from './HelpHome.tsx';
import { helpText } from './help-text.ts';

/** Same storage as the console and portal: one language choice per device. */
const localeKey = 'opencsm.locale';

/** A tiny router (two pages) instead of react-router: /help and /help/articles/<slug>. */
function useLocation(): [URL, (to: string) => void] {
  const [url, setUrl] = useState(() => new URL(window.location.href));
  useEffect(() => {
    const onPop = () => setUrl(new URL(window.location.href));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = (to: string) => {
    window.history.pushState(null, '', to);
    setUrl(new URL(window.location.href));
    window.scrollTo(0, 0);
  };
  return [url, navigate];
}

export function HelpApp() {
  const [locale, setLocale] = useState<HelpLocale>(() => preferredLocale(localStorage.getItem(localeKey), navigator.languages));
  const [url, navigate] = useLocation();
  useEffect(() => {
    document.documentElement.lang = locale;
    localStorage.setItem(localeKey, locale);
  }, [locale]);
  const slug = /^\/help\/articles\/([^/]+)\/?$/.exec(url.pathname)?.[1];
  const t = (key: Parameters<typeof helpText>[1], params?: Record<string, string>) => helpText(locale, key, params);
  useEffect(() => {
    if (!slug) document.title = `${t('title')} · OpenCSM`;
  });
  return (
    <div className="help">
      <header className="help-header" data-testid="help-header">
        <a href="/help" onClick={(e) => (e.preventDefault(), navigate('/help'))}>
          <strong>{t('title')}</strong>
        </a>
        <span className="help-lang" role="group" aria-label="语言 Language">
          {(['zh-CN', 'en'] as const).map((l) => (
            <button key={l} type="button" aria-pressed={locale === l} onClick={() => setLocale(l)}>
              {l === 'zh-CN' ? '中文' : 'EN'}
            </button>
          ))}
        </span>
      </header>
      <main className="help-main">
        {slug ? <HelpArticlePage slug={decodeURIComponent(slug)} locale={locale} t={t} navigate={navigate} /> : <HelpHome url={url} locale={locale} t={t} navigate={navigate} />}
      </main>
    </div>
  );
}

export type Translate = (key: Parameters<typeof helpText>[1], params?: Record<string, string>) => string;
export type Navigate = (to: string) => void;
