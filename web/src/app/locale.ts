export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];

/**
 * Which language to show: a saved choice wins; otherwise Chinese when the browser prefers any
 * Chinese variant before English, English when it lists English first, Chinese by default.
 */
export function preferredLocale(saved: string | null | undefined, browser: readonly string[]): Locale {
  if (saved === 'zh-CN' || saved === 'en') return saved;
  for (const tag of browser) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}
