import { InfoCircleOutlined } from '@ant-design/icons';
import { Card, Col, DatePicker, Empty, Row, Space, Statistic, Table, Tabs, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorState, Loading } from '../../shared/ui/states.tsx';
import { ArrivalHeatmap } from './ArrivalHeatmap.tsx';
import { DrillDrawer, ExportButtons } from './DrillDrawer.tsx';
import { PinnedReports } from './PinnedReports.tsx';
import { SavedReportsList } from './SavedReportsList.tsx';
import { kpiExportUrl } from './export-links.ts';
import { useHeatmap, useKpis, useLiveDashboard, useUserNames, type DrillTarget, type Range } from './report-api.ts';

/** A tile's title with what it counts on hover (every number says what it counts). */
function Explained({ title, help }: { title: string; help: string }) {
  return (
    <Tooltip title={help}>
      <span>{title} <InfoCircleOutlined aria-label={help} style={{ color: 'rgba(0,0,0,0.45)' }} /></span>
    </Tooltip>
  );
}

function Tile({ title, help, value, suffix, testId }: { title: string; help: string; value: ReactNode; suffix?: ReactNode; testId: string }) {
  return (
    <Card size="small" data-testid={testId}>
      <Statistic title={<Explained title={title} help={help} />} value={value as number} suffix={suffix} formatter={(v) => v} />
    </Card>
  );
}

function LiveDashboard() {
  const { t } = useTranslation();
  const live = useLiveDashboard();
  const names = useUserNames();
  if (live.isError) return <ErrorState error={live.error} onRetry={() => live.refetch()} />;
  if (!live.data) return <Loading />;
  const d = live.data;
  const backlog = Object.values(d.backlogByStatus).reduce((a, b) => a + b, 0);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} lg={6}><Tile testId="live-incoming" title={t('reports.live.incomingToday')} help={t('reports.help.incomingToday')} value={d.incomingToday} /></Col>
        <Col xs={24} sm={12} lg={6}>
          <Tile testId="live-backlog" title={t('reports.live.backlog')} help={t('reports.help.backlog')} value={backlog}
            suffix={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{(['new', 'open', 'pending'] as const).map((s) => `${t(`reports.live.status.${s}`)} ${d.backlogByStatus[s] ?? 0}`).join(' · ')}</Typography.Text>} />
        </Col>
        <Col xs={24} sm={12} lg={6}><Tile testId="live-breached" title={t('reports.live.breachedToday')} help={t('reports.help.breachedToday')} value={d.breachedToday} /></Col>
        <Col xs={24} sm={12} lg={6}><Tile testId="live-open-breached" title={t('reports.live.openBreached')} help={t('reports.help.openBreached')} value={d.openBreached} /></Col>
      </Row>
      <Card size="small" title={<Explained title={t('reports.live.agentLoad')} help={t('reports.help.agentLoad')} />}>
        <Table size="small" rowKey="agentId" pagination={false} dataSource={d.agentLoad} locale={{ emptyText: t('reports.live.noLoad') }}
          columns={[
            { title: t('reports.live.agent'), dataIndex: 'agentId', render: (id: string) => names.data?.get(id) ?? id },
            { title: t('reports.live.open'), dataIndex: 'open', width: 140 },
          ]} />
      </Card>
    </Space>
  );
}

const percent = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);

function Trends() {
  const { t } = useTranslation();
  const [[start, end], setDates] = useState<[Dayjs, Dayjs]>([dayjs().subtract(29, 'day').startOf('day'), dayjs().endOf('day')]);
  const range: Range = useMemo(() => ({ from: start.startOf('day').toISOString(), to: end.add(1, 'day').startOf('day').toISOString() }), [start, end]);
  const previous: Range = useMemo(() => {
    const length = dayjs(range.to).diff(range.from);
    return { from: dayjs(range.from).subtract(length, 'ms').toISOString(), to: range.from };
  }, [range]);
  const kpis = useKpis(range);
  const before = useKpis(previous);
  const channels = useKpis(range, 'channel');
  const heatmap = useHeatmap(range);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const weekdays = [0, 1, 2, 3, 4, 5, 6].map((i) => t(`reports.trends.weekdays.w${i}`));
  const onCell = useCallback((weekday: number, hour: number) => setDrill({ label: `${weekdays[weekday]} ${hour}:00`, weekday, hour }), [weekdays.join()]); // eslint-disable-line react-hooks/exhaustive-deps
  const duration = (seconds: number | null | undefined) =>
    seconds === null || seconds === undefined ? '—' : seconds >= 3600 ? t('reports.hours', { value: (seconds / 3600).toFixed(1) }) : t('reports.minutes', { value: Math.round(seconds / 60) });
  const k = kpis.data?.groups[0];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        <span>{t('reports.trends.range')}</span>
        <DatePicker.RangePicker allowClear={false} value={[start, end]} onChange={(v) => v?.[0] && v[1] && setDates([v[0], v[1]])} />
        <ExportButtons href={(format) => kpiExportUrl(range, format, 'channel')} testId="kpi-export" />
      </Space>
      {kpis.isError ? <ErrorState error={kpis.error} onRetry={() => kpis.refetch()} /> : !k ? <Loading /> : (
        <Row gutter={[16, 16]}>
          <Col xs={24} sm={12} lg={8}><Tile testId="kpi-volume" title={t('reports.trends.volume')} help={t('reports.help.volume')} value={k.volume} suffix={<Typography.Text type="secondary" style={{ fontSize: 12 }}>({t('reports.trends.previous')} {before.data?.groups[0]?.volume ?? '…'})</Typography.Text>} /></Col>
          <Col xs={24} sm={12} lg={8}><Tile testId="kpi-first-response" title={t('reports.trends.firstResponse')} help={t('reports.help.firstResponse')} value={duration(k.firstResponseTime.business.median)} /></Col>
          <Col xs={24} sm={12} lg={8}><Tile testId="kpi-resolution" title={t('reports.trends.resolution')} help={t('reports.help.resolution')} value={duration(k.resolutionTime.business.median)} /></Col>
          <Col xs={24} sm={12} lg={8}><Tile testId="kpi-fcr" title={t('reports.trends.fcr')} help={t('reports.help.fcr')} value={percent(k.fcr.rate)} /></Col>
          <Col xs={24} sm={12} lg={8}><Tile testId="kpi-csat" title={t('reports.trends.csat')} help={t('reports.help.csat')} value={percent(k.csat.score)} suffix={<Typography.Text type="secondary" style={{ fontSize: 12 }}>({percent(k.csat.responseRate)})</Typography.Text>} /></Col>
          <Col xs={24} sm={12} lg={8}><Tile testId="kpi-nps" title={t('reports.trends.nps')} help={t('reports.help.nps')} value={k.nps.score === null ? '—' : k.nps.score.toFixed(0)} /></Col>
        </Row>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card size="small" title={<Explained title={t('reports.trends.heatmap')} help={t('reports.help.heatmap')} />} extra={<Typography.Text type="secondary">{t('reports.trends.heatmapHint')}</Typography.Text>}>
            {heatmap.isError ? <ErrorState error={heatmap.error} onRetry={() => heatmap.refetch()} /> : !heatmap.data ? <Loading /> : <ArrivalHeatmap counts={heatmap.data.counts} onCell={onCell} />}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={<Explained title={t('reports.trends.channelMix')} help={t('reports.help.channelMix')} />}>
            {channels.isError ? <ErrorState error={channels.error} onRetry={() => channels.refetch()} /> : (
              <Table size="small" rowKey="group" pagination={false} loading={channels.isPending} locale={{ emptyText: <Empty description={t('reports.trends.noData')} /> }}
                dataSource={(channels.data?.groups ?? []).filter((g) => g.volume > 0)}
                onRow={(g) => ({ onClick: () => setDrill({ label: g.group, groupBy: 'channel', group: g.group }), style: { cursor: 'pointer' } })}
                columns={[{ title: t('reports.trends.channelMix'), dataIndex: 'group' }, { title: t('reports.trends.volume'), dataIndex: 'volume', width: 100 }]} />
            )}
          </Card>
        </Col>
      </Row>
      <PinnedReports />
      <DrillDrawer range={range} target={drill} onClose={() => setDrill(null)} />
    </Space>
  );
}

const tabs = ['live', 'trends', 'custom'] as const;

/** 报表: the live dashboard, the trends (with the pinned reports) and 自定义报表; the tab is in the address (`?tab=`), so the builder's 返回 lands on the list. */
export default function ReportsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const tab = tabs.find((x) => x === search.get('tab')) ?? 'live';
  return (
    <div style={{ padding: 16 }}>
      <Typography.Title level={3}>{t('reports.title')}</Typography.Title>
      <Tabs activeKey={tab} onChange={(key) => setSearch({ tab: key }, { replace: true })}
        items={[
          { key: 'live', label: t('reports.tabs.live'), children: <LiveDashboard /> },
          { key: 'trends', label: t('reports.tabs.trends'), children: <Trends /> },
          { key: 'custom', label: t('reports.tabs.custom'), children: <SavedReportsList /> },
        ]} />
    </div>
  );
}
