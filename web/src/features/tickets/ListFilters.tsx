import { Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { usePriorities, useTeams, useUsers } from './queries.ts';
import { ticketStatuses, type ListFilters as Filters, type TicketStatus } from './list-filters.ts';
import { labelIn, liveOptions } from '../forms/field-labels.ts';
import { useTicketFields } from '../forms/queries.ts';
import { StageFilter } from '../workflow/StageFilter.tsx';

/** Narrow the current view by status, priority, team, assignee, tag and custom fields (saved with the view), and by a process stage (not saved). */
export function ListFilters({ value, onChange, narrow }: { value: Filters; onChange: (next: Filters) => void; narrow: boolean }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const priorities = usePriorities();
  const users = useUsers(can('directory.read'));
  const teams = useTeams(can('directory.read'));
  const zh = i18n.language === 'zh-CN';
  // Filterable custom choice fields (污染类型 …) filter by their options; retired options still find old tickets.
  const registry = useTicketFields();
  const customFilters = (registry.data ?? []).filter((field) => !field.builtIn && !field.archived && field.filterable && (field.type === 'select' || field.type === 'multiselect'));
  // '100%' of a wrapping Space item is the item's own (content) width: the selects collapsed to ~45 px on a phone. Two a row instead.
  const width = narrow ? 160 : 150;
  return (
    <Space wrap style={{ marginBottom: 8, width: narrow ? '100%' : undefined }}>
      <Select mode="multiple" allowClear maxTagCount="responsive" style={{ width }} placeholder={t('list.status')} value={value.status ?? []} onChange={(status: TicketStatus[]) => onChange({ ...value, status: status.length ? status : undefined })} options={ticketStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))} data-testid="filter-status" />
      <Select mode="multiple" allowClear maxTagCount="responsive" style={{ width }} placeholder={t('list.priority')} value={value.priority ?? []} onChange={(priority: string[]) => onChange({ ...value, priority: priority.length ? priority : undefined })} options={(priorities.data ?? []).map((p) => ({ value: p.key, label: zh ? p.nameZh : p.nameEn }))} />
      {can('directory.read') ? (
        <>
          <Select allowClear style={{ width }} placeholder={t('list.team')} value={value.teamId} onChange={(teamId?: string) => onChange({ ...value, teamId })} options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))} />
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width }} placeholder={t('list.assignee')} value={value.assigneeId} onChange={(assigneeId?: string) => onChange({ ...value, assigneeId })} options={[{ value: 'none', label: t('ticket.unassigned') }, ...(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))]} />
        </>
      ) : null}
      <StageFilter width={narrow ? 160 : 200} value={value.stage} onChange={(stage) => onChange({ ...value, stage })} />
      {customFilters.map((field) => (
        <Select
          key={field.key}
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          style={{ width }}
          placeholder={labelIn(field.label, i18n.language)}
          value={value.fields?.[field.key] ?? []}
          onChange={(values: string[]) => onChange({ ...value, fields: { ...value.fields, [field.key]: values } })}
          options={[...liveOptions(field.options), ...(field.options ?? []).filter((option) => option.deleted)].map((option) => ({ value: option.value, label: labelIn(option.label, i18n.language) }))}
          data-testid={`filter-fields.${field.key}`}
        />
      ))}
    </Space>
  );
}
