import type { TFunction } from 'i18next';

export type DuplicateReason = 'same_phone' | 'same_email' | 'similar_name';

/** Why two contacts look like one person, e.g. “同一电话、同企业相似姓名”. */
export function describeDuplicateReasons(reasons: readonly DuplicateReason[], t: TFunction): string {
  return reasons.map((reason) => t(`customers.duplicates.reason.${reason}`, { defaultValue: reason })).join(t('customers.listSeparator'));
}
