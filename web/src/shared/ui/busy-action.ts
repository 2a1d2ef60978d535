import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from './describe-error.ts';

/**
 * One action at a time on a page, named by `kind` (its button shows the spinner): `act` runs it
 * and, when it fails, shows the server's words in a message instead of throwing.
 */
export function useBusyAction<K extends string>(): { busy: K | null; act: (kind: K, work: () => Promise<void>) => Promise<void> } {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<K | null>(null);
  async function act(kind: K, work: () => Promise<void>) {
    setBusy(kind);
    try {
      await work();
    } catch (error) {
      message.error(describeError(error, t).message);
    } finally {
      setBusy(null);
    }
  }
  return { busy, act };
}
