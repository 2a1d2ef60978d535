import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EmptyState, ErrorState } from '../../shared/ui/states.tsx';
import { useSavedReports, type SavedReport } from './builder-api.ts';
import { scheduleText } from './ScheduleDialog.tsx';

/** 自定义报表: the saved reports the reader may see (their own and those shared with their role), 20 a page. */
export function SavedReportsList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // The cursors of the pages before this one, so 上一页 goes back without the server keeping state.
  const [cursors, setCursors] = useState<string[]>([]);
  const list = useSavedReports(cursors.at(-1));
  const create = <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/reports/custom/new')} data-testid="new-report">{t('reports.builder.newReport')}</Button>;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => list.refetch()} />;
  const items = list.data?.items ?? [];
  if (list.data && items.length === 0 && cursors.length === 0) return <EmptyState title={t('reports.builder.emptyTitle')} hint={t('reports.builder.emptyHint')} action={create} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>{create}<Typography.Text type="secondary">{t('reports.builder.listHint')}</Typography.Text></Space>
      <Table<SavedReport> size="small" rowKey="id" loading={list.isPending || list.isPlaceholderData} dataSource={items} pagination={false} scroll={{ x: 'max-content' }} data-testid="saved-reports"
        columns={[
          { title: t('reports.builder.name'), dataIndex: 'name', render: (name: string, r) => <Link to={`/reports/custom/${r.id}`}>{name}</Link> },
          { title: t('reports.builder.measure'), key: 'measure', render: (_, r) => t(`reports.builder.measures.${r.definition.measure}`) },
          { title: t('reports.builder.owner'), key: 'owner', render: (_, r) => r.owner.name },
          {
            title: t('reports.builder.status'), key: 'status',
            render: (_, r) => (
              <Space size={4} wrap>
                {r.pinned && <Tag color="gold">{t('reports.builder.pinned')}</Tag>}
                {r.sharedRoles.length > 0 && <Tag>{t('reports.builder.sharedWith', { roles: r.sharedRoles.map((x) => t(`reports.builder.roles.${x}`)).join('、') })}</Tag>}
                {r.schedule && <Tag color="blue">{scheduleText(t, r.schedule)}</Tag>}
              </Space>
            ),
          },
          { title: t('reports.builder.updated'), dataIndex: 'updatedAt', render: (at: string) => new Date(at).toLocaleString() },
        ]} />
      {(cursors.length > 0 || list.data?.nextCursor) && (
        <Space>
          <Button disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>{t('reports.builder.previousPage')}</Button>
          <Button disabled={!list.data?.nextCursor} onClick={() => list.data?.nextCursor && setCursors([...cursors, list.data.nextCursor])}>{t('reports.builder.nextPage')}</Button>
        </Space>
      )}
    </Space>
  );
}
