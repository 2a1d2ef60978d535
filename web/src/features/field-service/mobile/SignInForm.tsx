import { useState } from 'react';
import { ApiRefusal, mobileApi, type MobileMe } from './mobile-api.ts';
import { useText } from './text-context.ts';

/** Shown when the phone has no session: the same sign-in as the console (it sets the same cookie). */
export function SignInForm({ signedIn }: { signedIn: (me: MobileMe) => Promise<void> }) {
  const { t } = useText();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!navigator.onLine) return <p className="m-empty">{t('offlineNoSession')}</p>;
  return (
    <form className="m-sign-in" onSubmit={(e) => {
      e.preventDefault();
      setBusy(true);
      setError(null);
      mobileApi.signIn(email, password)
        .then(signedIn)
        .catch((err: unknown) => setError(err instanceof ApiRefusal ? t('signInFailed') : t('offlineNoSession')))
        .finally(() => setBusy(false));
    }}>
      <h1>{t('signInTitle')}</h1>
      <label className="m-field">{t('email')}<input data-testid="m-email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} /></label>
      <label className="m-field">{t('password')}<input data-testid="m-password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} /></label>
      {error && <p className="m-warn" role="alert">{error}</p>}
      <button type="submit" className="m-step" data-testid="m-sign-in" disabled={busy}>{t('signIn')}</button>
    </form>
  );
}
