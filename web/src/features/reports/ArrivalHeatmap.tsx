// ECharts imported modularly, in this route's chunk only (BENCHMARKS.md, bundle budget).
import * as echarts from 'echarts/core';
import { HeatmapChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

echarts.use([HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

/** Arrivals by weekday × hour; a click on a cell hands (weekday, hour) to `onCell` (the drill-down). */
export function ArrivalHeatmap({ counts, onCell }: { counts: number[][]; onCell: (weekday: number, hour: number) => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const weekdays = [0, 1, 2, 3, 4, 5, 6].map((i) => t(`reports.trends.weekdays.w${i}`));
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    const data = counts.flatMap((row, weekday) => row.map((n, hour) => [hour, weekday, n]));
    const max = Math.max(1, ...counts.flat());
    chart.setOption({
      tooltip: { formatter: (p: { value: number[] }) => `${weekdays[p.value[1]!]} ${p.value[0]}:00–${p.value[0]! + 1}:00 · ${p.value[2]}` },
      // A fixed grid (no room made for labels): cells sit where the layout says, for the drill-down's clicks and tests.
      grid: { left: 48, right: 16, top: 8, bottom: 56, outerBoundsMode: 'none' },
      xAxis: { type: 'category', data: Array.from({ length: 24 }, (_, h) => String(h)) },
      yAxis: { type: 'category', data: weekdays, inverse: true },
      visualMap: { min: 0, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120 },
      series: [{ type: 'heatmap', data, emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } } }],
    });
    chart.on('click', (p) => {
      const value = p.value as number[];
      onCell(value[1]!, value[0]!);
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [counts, onCell, weekdays.join()]); // eslint-disable-line react-hooks/exhaustive-deps
  return <div ref={ref} data-testid="arrival-heatmap" style={{ width: '100%', height: 300 }} />;
}
