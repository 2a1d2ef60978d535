import { Button, Drawer, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../app/session.ts';
import { ErrorState, Loading } from '../../shared/ui/states.tsx';
import { drillExportUrl, type ExportFormat } from './export-links.ts';
import { useDrill, type DrillTarget, type Range } from './report-api.ts';

/** 导出 Excel / CSV: plain links, so the browser streams the file to disk with its own progress. */
export function ExportButtons({ href, testId }: { href: (format: ExportFormat) => string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Space size="small" data-testid={testId}>
      <Button size="small" href={href('xlsx')} download>{t('reports.exportExcel')}</Button>
      <Button size="small" href={href('csv')} download>{t('reports.exportCsv')}</Button>
    </Space>
  );
}

/** The tickets behind a number: the drill-down's list, each opening the ticket. */
export function DrillDrawer({ range, target, onClose }: { range: Range; target: DrillTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const drill = useDrill(range, target);
  const can = useCan();
  return (
    <Drawer open={target !== null} onClose={onClose} width={560} title={target ? t('reports.drill.title', { label: target.label }) : ''} data-testid="drill-drawer">
      {drill.isError ? <ErrorState error={drill.error} onRetry={() => drill.refetch()} /> : !drill.data ? <Loading /> : (
        <>
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <Typography.Paragraph type="secondary" data-testid="drill-total">
              {t('reports.drill.total', { count: drill.data.total })}{drill.data.truncated ? ` · ${t('reports.drill.truncated', { count: drill.data.tickets.length })}` : ''}
            </Typography.Paragraph>
            {target && drill.data.total > 0 && can('tickets.export') && <ExportButtons href={(format) => drillExportUrl(range, target, format)} testId="drill-export" />}
          </Space>
          <Table size="small" rowKey="id" pagination={{ pageSize: 50, hideOnSinglePage: true }} dataSource={drill.data.tickets} locale={{ emptyText: t('reports.drill.empty') }}
            columns={[
              { title: t('reports.drill.number'), dataIndex: 'number', width: 140, render: (n: string, row) => <Link to={`/tickets/${row.id}`}>{n}</Link> },
              { title: t('reports.drill.subject'), dataIndex: 'subject' },
            ]} />
        </>
      )}
    </Drawer>
  );
}
