import { createContext, useContext } from 'react';
import { say, type MobileLocale, type MobileTextKey } from './mobile-text.ts';

export const LocaleContext = createContext<MobileLocale>('zh-CN');

/** `t(key, params)` in the app's language. */
export function useText() {
  const locale = useContext(LocaleContext);
  return { locale, t: (key: MobileTextKey, params?: Record<string, string | number>) => say(locale, key, params) };
}

/** Date and time as the engineer reads them (Beijing time for zh-CN phones set so). */
export function formatWhen(locale: MobileLocale, iso: string | Date): string {
  return new Intl.DateTimeFormat(locale, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}
