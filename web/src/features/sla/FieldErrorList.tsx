import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { placeOf, type CalendarDraft, type FieldPlace } from './calendar-draft.ts';

/** The server's field errors, each saying in words where it is (周一第 2 个时段 开始时间) rather than `weekly.1.1.start`. */
export function FieldErrorList({ errors, draft }: { errors: { path: string; message: string }[]; draft: CalendarDraft }) {
  const { t, i18n } = useTranslation();
  // A full-width colon in Chinese text; kept out of the catalogue, where sentences must contain Han characters.
  const separator = i18n.language.startsWith('zh') ? '：' : ': ';
  const part = (value: 'start' | 'end' | null) => (value ? ` ${t(`sla.place.${value}`)}` : '');
  const describe = (place: FieldPlace, path: string): string => {
    switch (place.kind) {
      case 'interval':
        return t('sla.place.interval', { day: t(`sla.weekly.days.${place.weekday}`), n: place.index + 1 }) + part(place.part);
      case 'makeUp':
        return t('sla.place.makeUp', { n: place.index + 1 }) + part(place.part);
      case 'date':
        return t(place.list === 'holidays' ? 'sla.place.holiday' : 'sla.place.workday', { date: place.date ?? '' });
      case 'field':
        return t(`sla.place.${place.field}`, { defaultValue: path });
    }
  };
  return (
    <Alert
      type="error"
      showIcon
      title={t('sla.invalidTitle')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {errors.map((error, index) => (
            <li key={`${error.path}-${index}`}>
              {describe(placeOf(error.path, draft), error.path)}
              {separator}
              {error.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}
