import { PushpinOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Row, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState, Loading } from '../../shared/ui/states.tsx';
import { useSaveReport, useSavedReports, useSavedResult, type SavedReport } from './builder-api.ts';
import { canDrill, drillOfRow, type ResultRow } from './builder-draft.ts';
import { DrillDrawer } from './DrillDrawer.tsx';
import type { DrillTarget } from './report-api.ts';
import { ReportChart } from './ReportChart.tsx';

/** 管理层·趋势's 置顶报表: each pinned report drawn with its chart, in the reader's scope; unpin; how to pin when there is none. */
export function PinnedReports() {
  const { t } = useTranslation();
  const pinned = useSavedReports(undefined, true);
  return (
    <Card size="small" title={<span><PushpinOutlined /> {t('reports.pinned.title')}</span>} data-testid="pinned-reports">
      {pinned.isError ? <ErrorState error={pinned.error} onRetry={() => pinned.refetch()} /> : !pinned.data ? <Loading /> : pinned.data.items.length === 0 ? (
        <Empty description={<span>{t('reports.pinned.empty')} <Link to="/reports?tab=custom">{t('reports.pinned.emptyLink')}</Link></span>} />
      ) : (
        <Row gutter={[16, 16]}>
          {pinned.data.items.map((report) => <Col key={report.id} xs={24} xl={12}><PinnedReport report={report} /></Col>)}
        </Row>
      )}
    </Card>
  );
}

function PinnedReport({ report }: { report: SavedReport }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const result = useSavedResult(report.id);
  const save = useSaveReport();
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const data = result.data;
  const drillOf = (row: ResultRow) => (data ? drillOfRow(report.definition, data, row) : null);
  const unpin = async () => {
    await save.mutateAsync({ id: report.id, input: { pinned: false } });
    void message.success(t('reports.pinned.unpinned'));
  };
  return (
    <Card size="small" type="inner" data-testid="pinned-report" title={<Link to={`/reports/custom/${report.id}`}>{report.name}</Link>}
      extra={report.abilities.edit && <Button size="small" onClick={() => void unpin().catch(() => undefined)} loading={save.isPending}>{t('reports.pinned.unpin')}</Button>}>
      {result.isError ? <ErrorState error={result.error} onRetry={() => result.refetch()} /> : !data ? <Loading /> : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <ReportChart result={data} chart={report.definition.chart} measureName={t(`reports.builder.measures.${report.definition.measure}`)}
            onRow={canDrill(report.definition) ? (row) => setDrill(drillOf(row)) : undefined} />
          <DrillDrawer range={{ from: data.from, to: data.to }} target={drill} onClose={() => setDrill(null)} />
        </Space>
      )}
    </Card>
  );
}
