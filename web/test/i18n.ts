import i18next, { type TFunction } from 'i18next';
import { en } from '../src/app/locales/en.ts';
import { zhCN } from '../src/app/locales/zh-CN.ts';

/** A real i18next instance over the console's catalogues, for tests of text-producing code. */
export async function translator(lng: 'zh-CN' | 'en'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({ lng, resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, interpolation: { escapeValue: false } });
  return instance.t;
}
