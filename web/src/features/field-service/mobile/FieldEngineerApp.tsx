import { useEffect, useState } from 'react';
import { JobList } from './JobList.tsx';
import { JobPage } from './JobPage.tsx';
import type { MobileLocale } from './mobile-text.ts';
import { SignInForm } from './SignInForm.tsx';
import { SyncPanel } from './SyncPanel.tsx';
import { LocaleContext, useText } from './text-context.ts';
import { useFieldEngineer } from './use-field-engineer.ts';

const jobPath = /^\/m\/jobs\/([0-9a-f-]{36})$/;
const openJobOf = (path: string) => jobPath.exec(path)?.[1] ?? null;

function initialLocale(): MobileLocale {
  const saved = localStorage.getItem('opencsm.m.locale');
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The engineer's app at /m: the job list and a job's page (/m/jobs/<id>), with the sync bar above. */
export function FieldEngineerApp() {
  const [locale, setLocale] = useState<MobileLocale>(initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
    localStorage.setItem('opencsm.m.locale', locale);
  }, [locale]);
  return (
    <LocaleContext value={locale}>
      <Screen switchLocale={() => setLocale((l) => (l === 'zh-CN' ? 'en' : 'zh-CN'))} />
    </LocaleContext>
  );
}

function Screen({ switchLocale }: { switchLocale: () => void }) {
  const { t } = useText();
  const app = useFieldEngineer();
  const [openId, setOpenId] = useState(() => openJobOf(location.pathname));
  useEffect(() => {
    const follow = () => setOpenId(openJobOf(location.pathname));
    window.addEventListener('popstate', follow);
    return () => window.removeEventListener('popstate', follow);
  }, []);
  const go = (id: string | null) => {
    history.pushState(null, '', id ? `/m/jobs/${id}` : '/m');
    setOpenId(id);
    window.scrollTo(0, 0);
  };
  const order = openId ? app.orders.find((o) => o.id === openId) : undefined;
  return (
    <>
      <header className="m-header">
        <b>{t('appName')}</b>
        <span>
          <button type="button" className="m-link m-on-dark" onClick={switchLocale}>{t('language')}</button>
          {app.me && <button type="button" className="m-link m-on-dark" onClick={() => void app.signOut()}>{t('signOut')}</button>}
        </span>
      </header>
      <main className="m-main">
        {app.me === undefined ? null : app.me === null ? (
          <SignInForm signedIn={app.signedIn} />
        ) : (
          <>
            <SyncPanel app={app} />
            {order ? <JobPage key={order.id} order={order} app={app} back={() => go(null)} /> : <JobList orders={app.orders} open={go} />}
          </>
        )}
      </main>
    </>
  );
}
