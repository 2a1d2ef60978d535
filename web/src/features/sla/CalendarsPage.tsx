import { useTranslation } from 'react-i18next';

/** Placeholder until the calendar admin page lands (issue 6). */
export default function CalendarsPage() {
  const { t } = useTranslation();
  return <div>{t('sla.calendars')}</div>;
}
