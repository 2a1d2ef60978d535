import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTiers, type CustomerTier } from './queries.ts';

export function tierName(tier: CustomerTier | undefined, key: string, language: string): string {
  if (!tier) return key;
  return language === 'zh-CN' ? tier.nameZh : tier.nameEn || tier.nameZh;
}

/** A customer's tier (VIP / 重点 / 普通) in its configured colour; nothing when there is none. */
export function TierTag({ tierKey }: { tierKey: string | null | undefined }) {
  const { i18n } = useTranslation();
  const tiers = useTiers();
  if (!tierKey) return null;
  const tier = tiers.data?.find((x) => x.key === tierKey);
  return (
    <Tag color={tier?.color && tier.color !== 'default' ? tier.color : undefined} data-testid="tier-tag">
      {tierName(tier, tierKey, i18n.language)}
    </Tag>
  );
}
