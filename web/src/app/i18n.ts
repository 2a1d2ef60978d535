import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLocale } from '../shared/api/client.ts';
import { en } from './locales/en.ts';
import { zhCN } from './locales/zh-CN.ts';
import { preferredLocale, type Locale } from './locale.ts';

export { type Locale } from './locale.ts';

const storageKey = 'opencsm.locale';

/** Before login: the last language used on this device, else the browser's preference. */
function initialLocale(): Locale {
  return preferredLocale(localStorage.getItem(storageKey), navigator.languages);
}

export async function initI18n(): Promise<void> {
  const lng = initialLocale();
  setApiLocale(lng);
  document.documentElement.lang = lng;
  await i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'zh-CN',
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
}

/** Switch the console's language (the caller also saves it on the user's profile). */
export async function applyLocale(locale: Locale): Promise<void> {
  localStorage.setItem(storageKey, locale);
  setApiLocale(locale);
  document.documentElement.lang = locale;
  if (i18next.language !== locale) await i18next.changeLanguage(locale);
}
