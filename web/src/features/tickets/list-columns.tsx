/**
 * The ticket list's columns for a layout (see list-layout.ts). Every cell depends only on its
 * row (names of assignee and team come from their own cached queries), so cells declare
 * `shouldCellUpdate` on the row object: after a live event the refetched page keeps the same
 * objects for unchanged tickets (react-query's structural sharing), and only the changed row's
 * cells render again. Anything else a cell shows (layout, language, sort) remounts the table.
 */
import { Space, Typography, type TableColumnType } from 'antd';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { SlaBadge } from '../sla/SlaBadge.tsx';
import { columnWidths, visibleColumns, type ListLayout } from './list-layout.ts';
import type { OptionalColumn } from './list-preferences.ts';
import { sortOrderOf, type SortKey } from './list-sort.ts';
import { useTeams, useUsers, type Ticket } from './queries.ts';
import { PriorityTag, StatusTag } from './tags.tsx';
import { labelIn } from '../forms/field-labels.ts';
import { FieldValueText } from '../forms/FieldValueText.tsx';
import type { RegistryField } from '../forms/queries.ts';

type Options = {
  layout: ListLayout;
  hidden: readonly OptionalColumn[];
  sort: SortKey;
  sortable: boolean;
  canReadDirectory: boolean;
  t: TFunction;
  open: (id: string) => void;
  /** Custom fields chosen as columns for this view (not on a phone: the subject needs the width). */
  custom?: readonly RegistryField[];
  language?: string;
};

const sameRow = (row: Ticket, previous: Ticket) => row !== previous;

export function ticketColumns({ layout, hidden, sort, sortable, canReadDirectory, t, open, custom = [], language = 'zh-CN' }: Options): TableColumnType<Ticket>[] {
  const width = columnWidths(layout);
  const phone = layout === 'phone';
  const merged = layout === 'merged';
  const sorter = (key: Parameters<typeof sortOrderOf>[1]) => ({ sorter: sortable, sortOrder: sortOrderOf(sort, key) });
  const byKey: Record<string, TableColumnType<Ticket>> = {
    number: { title: t('list.number'), dataIndex: 'number', key: 'number', width: width.number, ...sorter('number'), render: (n: string) => <Typography.Text code>{n}</Typography.Text> },
    requester: { title: t('list.requester'), key: 'requester', width: width.requester, ellipsis: true, render: (_: unknown, row) => row.requester?.name ?? '—' },
    status: merged
      ? // 状态 and 优先级 share a cell; the header still sorts by priority.
        { title: `${t('list.status')} · ${t('list.priority')}`, key: 'priority', width: width.status, ...sorter('priority'), render: (_: unknown, row) => <Space size={0} wrap><StatusTag status={row.status} /><PriorityTag priority={row.priority} /></Space> }
      : { title: t('list.status'), dataIndex: 'status', key: 'status', width: width.status, render: (s: string) => <StatusTag status={s} /> },
    priority: { title: t('list.priority'), dataIndex: 'priority', key: 'priority', width: width.priority, ...sorter('priority'), render: (p: string) => <PriorityTag priority={p} /> },
    sla: { title: t('sla.timer.column'), key: 'slaDueAt', width: width.sla, ...sorter('slaDueAt'), render: (_: unknown, row) => <SlaBadge sla={row.sla} /> },
    assignee: { title: t('list.assignee'), key: 'assignee', width: width.assignee, ellipsis: true, render: (_: unknown, row) => <AssigneeName id={row.assigneeId} enabled={canReadDirectory} /> },
    team: { title: t('list.team'), key: 'team', width: width.team, ellipsis: true, render: (_: unknown, row) => <TeamName id={row.teamId} enabled={canReadDirectory} /> },
    updatedAt: { title: t('list.updatedAt'), dataIndex: 'updatedAt', key: 'updatedAt', width: phone ? 90 : width.updatedAt, ...sorter('updatedAt'), render: (d: string) => <span title={dayjs(d).format('YYYY-MM-DD HH:mm:ss')}>{dayjs(d).fromNow()}</span> },
  };
  const subject: TableColumnType<Ticket> = {
    title: t('list.subject'),
    dataIndex: 'subject',
    key: 'subject',
    ellipsis: true,
    render: (s: string, row) => (
      <>
        <a href={`/tickets/${row.id}`} onClick={(e) => { e.preventDefault(); open(row.id); }}>{s}</a>
        {/* Without a 客户 column the customer's name goes under the subject. */}
        {merged && row.requester?.name && !hidden.includes('requester') ? <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{row.requester.name}</Typography.Text></div> : null}
        {/* On a phone there is no SLA column: the badge goes under the subject. */}
        {phone && row.sla.length ? <div><SlaBadge sla={row.sla} /></div> : null}
      </>
    ),
  };
  const rest = visibleColumns(layout, hidden).map((key) => byKey[key]!);
  const columns = phone ? [subject, ...rest] : [rest[0]!.key === 'number' ? rest[0]! : null, subject, ...rest.filter((c) => c.key !== 'number')].filter((c): c is TableColumnType<Ticket> => c !== null);
  const customColumns: TableColumnType<Ticket>[] = phone
    ? []
    : custom.map((field) => ({
        title: labelIn(field.label, language),
        key: `fields.${field.key}`,
        width: 120,
        ellipsis: true,
        ...(field.sortable ? { sorter: sortable, sortOrder: sortOrderOf(sort, `fields.${field.key}`) } : {}),
        render: (_: unknown, row: Ticket) => <FieldValueText field={field} value={row.fields?.[field.key]} staff={canReadDirectory} />,
      }));
  return [...columns, ...customColumns].map((column) => ({ ...column, shouldCellUpdate: sameRow }));
}

/** The assignee's name from the (cached, shared) directory query; "未分配" when none. */
const AssigneeName = memo(function AssigneeName({ id, enabled }: { id: string | null; enabled: boolean }) {
  const { t } = useTranslation();
  const users = useUsers(enabled && id !== null);
  if (!id) return <Typography.Text type="secondary">{t('ticket.unassigned')}</Typography.Text>;
  return <>{users.data?.find((u) => u.id === id)?.name ?? '…'}</>;
});

const TeamName = memo(function TeamName({ id, enabled }: { id: string | null; enabled: boolean }) {
  const teams = useTeams(enabled && id !== null);
  if (!id) return <>—</>;
  return <>{teams.data?.find((team) => team.id === id)?.name ?? '…'}</>;
});
