// ECharts imported modularly, in the reports chunks only (BENCHMARKS.md, bundle budget).
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { Table, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { pivotOf, type ChartType, type ReportResult, type ResultRow } from './builder-draft.ts';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Props = { result: ReportResult; chart: ChartType; measureName: string; onRow?: ((row: ResultRow) => void) | undefined };

/**
 * A report's numbers as its chart (bar, line or pie drawn by ECharts; table; pivot) with the same
 * numbers as a table under a drawn chart — what the export writes. A click on a bar, point,
 * slice or cell hands its row to `onRow` (the drill-down), when the report can be drilled.
 */
export function ReportChart({ result, chart, measureName, onRow }: Props) {
  const { t } = useTranslation();
  if (!result.rows.length) return <Typography.Paragraph type="secondary" data-testid="report-empty">{t('reports.builder.noRows')}</Typography.Paragraph>;
  const drawn = chart === 'bar' || chart === 'line' || chart === 'pie';
  return (
    <div>
      {drawn && <DrawnChart result={result} chart={chart} measureName={measureName} onRow={onRow} />}
      {chart === 'pivot' ? <PivotTable result={result} onRow={onRow} /> : <RowsTable result={result} measureName={measureName} onRow={onRow} />}
    </div>
  );
}

const valueText = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(v));

function RowsTable({ result, measureName, onRow }: Omit<Props, 'chart'>) {
  const { t } = useTranslation();
  const unit = t(`reports.builder.unit.${result.unit}`);
  return (
    <Table<ResultRow & { key: string }>
      size="small" data-testid="report-table" pagination={{ pageSize: 50, hideOnSinglePage: true }} scroll={{ x: 'max-content' }}
      dataSource={result.rows.map((r) => ({ ...r, key: r.keys.join('\u001f') || 'all' }))}
      onRow={(row) => (onRow ? { onClick: () => onRow(row), style: { cursor: 'pointer' } } : {})}
      columns={[
        ...result.dimensionNames.map((name, i) => ({ title: name, key: `d${i}`, render: (_: unknown, r: ResultRow) => r.labels[i] })),
        { title: `${measureName} (${unit})`, key: 'value', render: (_: unknown, r: ResultRow) => <span data-testid="report-value">{valueText(r.value)}</span> },
        ...(result.previous ? [{ title: t('reports.builder.previousColumn'), key: 'previous', render: (_: unknown, r: ResultRow) => valueText(r.previous) }] : []),
        { title: t('reports.builder.countColumn'), dataIndex: 'count', key: 'count' },
      ]}
    />
  );
}

function PivotTable({ result, onRow }: Pick<Props, 'result' | 'onRow'>) {
  const { columns, lines } = pivotOf(result.rows);
  return (
    <Table
      size="small" data-testid="report-pivot" pagination={false} scroll={{ x: 'max-content' }} rowKey="key" dataSource={lines}
      columns={[
        { title: `${result.dimensionNames[0]} \\ ${result.dimensionNames[1]}`, dataIndex: 'label', key: 'label', fixed: 'left' as const },
        ...columns.map((c) => ({
          title: c.label, key: c.key,
          render: (_: unknown, line: (typeof lines)[number]) => {
            const row = line.cells[c.key];
            if (!row) return '—';
            return onRow ? <a onClick={() => onRow(row)}>{valueText(row.value)}</a> : valueText(row.value);
          },
        })),
      ]}
    />
  );
}

/** Series of a drawn chart: the first dimension along the axis, the second (if any) as series, the previous period as one more. */
function seriesOf(result: ReportResult, previousName: string) {
  const axis = [...new Map(result.rows.map((r) => [r.keys[0] ?? '', r.labels[0] ?? ''])).entries()];
  const names = [...new Map(result.rows.map((r) => [r.keys[1] ?? '', r.labels[1] ?? ''])).entries()];
  const series = names.map(([key, name]) => ({ name: name || '', rows: axis.map(([a]) => result.rows.find((r) => (r.keys[0] ?? '') === a && (r.keys[1] ?? '') === key) ?? null) }));
  const previous = result.previous && names.length === 1 ? { name: previousName, rows: series[0]!.rows, previous: true } : null;
  return { axis: axis.map(([, label]) => label || '—'), series, previous };
}

function DrawnChart({ result, chart, measureName, onRow }: Omit<Props, 'chart'> & { chart: 'bar' | 'line' | 'pie' }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current);
    const { axis, series, previous } = seriesOf(result, t('reports.builder.previousColumn'));
    if (chart === 'pie') {
      instance.setOption({
        tooltip: { trigger: 'item' },
        legend: { type: 'scroll', bottom: 0 },
        series: [{ type: 'pie', radius: ['30%', '65%'], name: measureName, data: result.rows.map((r) => ({ name: r.labels[0] || '—', value: r.value ?? 0 })) }],
      });
    } else {
      const all = [...series.map((s) => ({ name: s.name || measureName, data: s.rows.map((r) => r?.value ?? null) })), ...(previous ? [{ name: previous.name, data: previous.rows.map((r) => r?.previous ?? null) }] : [])];
      instance.setOption({
        tooltip: { trigger: 'axis' },
        legend: { type: 'scroll', bottom: 0 },
        grid: { left: 48, right: 16, top: 16, bottom: 64, outerBoundsMode: 'none' },
        xAxis: { type: 'category', data: axis, axisLabel: { hideOverlap: true } },
        yAxis: { type: 'value' },
        series: all.map((s) => ({ type: chart, name: s.name, data: s.data })),
      });
    }
    instance.on('click', (p) => {
      if (!onRow) return;
      const row = chart === 'pie' ? result.rows[p.dataIndex] : series[p.seriesIndex ?? 0]?.rows[p.dataIndex];
      if (row) onRow(row);
    });
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
    };
  }, [result, chart, measureName, onRow, t]);
  return <div ref={ref} data-testid="report-chart" style={{ width: '100%', height: 300 }} />;
}
