import { Rate, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTeams, useUsers } from '../tickets/queries.ts';
import type { RenderedField } from './field-labels.ts';
import { formatFieldValue } from './format-value.ts';
import { useChinaRegions } from './option-sources.ts';

/** A custom value shown read-only: labels, names and 省/市/区 as people read them, links for web addresses and files. */
export function FieldValueText({ field, value, staff = true }: { field: RenderedField; value: unknown; staff?: boolean }) {
  const { t, i18n } = useTranslation();
  const users = useUsers(staff && field.type === 'user');
  const teams = useTeams(staff && field.type === 'team');
  const regions = useChinaRegions(field.type === 'cascader' && field.settings?.optionSource === 'china-regions', staff ? 'staff' : 'customer');
  const text = formatFieldValue(field, value, {
    language: i18n.language,
    yes: t('customFields.yes'),
    no: t('customFields.no'),
    userName: (id) => users.data?.find((user) => user.id === id)?.name,
    teamName: (id) => teams.data?.find((team) => team.id === id)?.name,
    optionTree: () => regions.data,
  });
  if (text === null) return <Typography.Text type="secondary">{t('customFields.empty')}</Typography.Text>;
  if (field.type === 'rating' && typeof value === 'number') return <Rate disabled count={field.settings?.scale ?? 5} value={value} style={{ fontSize: 14 }} />;
  if (field.type === 'url' && typeof value === 'string' && /^https?:\/\//.test(value)) return <a href={value} target="_blank" rel="noreferrer noopener">{value}</a>;
  if (field.type === 'attachments' && Array.isArray(value)) {
    return <>{value.map((id) => <div key={String(id)}><a href={`/api/v1/attachments/${String(id)}`}>📎 {String(id).slice(0, 8)}</a></div>)}</>;
  }
  return <span style={{ whiteSpace: field.type === 'textarea' ? 'pre-wrap' : undefined }}>{text}</span>;
}
