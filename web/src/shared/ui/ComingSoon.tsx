import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** Areas whose modules are not built yet: said plainly rather than hidden. */
export default function ComingSoon({ area }: { area: 'knowledge' | 'reports' }) {
  const { t } = useTranslation();
  return <Result status="info" title={t('app.comingSoon')} subTitle={t(`placeholder.${area}`)} />;
}
