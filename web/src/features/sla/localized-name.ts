/**
 * A policy's or calendar's name in the console's language: in English the English name when it
 * has one, else the Chinese one. `other` is the name in the other language, shown beneath when
 * it differs, so an admin sees both.
 */
export function localizedName(item: { nameZh: string; nameEn: string }, language: string): { name: string; other: string | null } {
  const english = item.nameEn.trim();
  if (language === 'zh-CN' || !english) return { name: item.nameZh, other: english && english !== item.nameZh ? english : null };
  return { name: english, other: item.nameZh !== english ? item.nameZh : null };
}
