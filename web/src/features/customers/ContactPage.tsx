import { useTranslation } from 'react-i18next';

/** Placeholder until the customers screens land (issue 4). */
export default function ContactPage() {
  const { t } = useTranslation();
  return <div>{t('customers.title')}</div>;
}
