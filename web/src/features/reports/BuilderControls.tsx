import { Alert, Checkbox, DatePicker, Form, Input, Radio, Select, Space, Switch } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConditionLeaves } from '../forms/designer/ConditionLeaves.tsx';
import type { RegistryField } from '../forms/designer/registry-field.ts';
import type { LeafDraft } from '../forms/designer/rule-draft.ts';
import type { SavedReportInput } from './builder-api.ts';
import { chartAllowed, chartTypes, isDuration, measures, relativeRanges, type Definition, type RelativeRange } from './builder-draft.ts';

export type Dimension = { key: string; name: string; filterField: string | null; options: Array<{ value: string; label: string }> | null };
export type FilterDraft = { match: 'all' | 'any'; conditions: LeafDraft[] };
const roles = ['agent', 'supervisor', 'admin'] as const;

/** One control of the builder with its one line of help (zh-CN and en). */
function Control({ label, help, children }: { label: string; help: string; children: ReactNode }) {
  return <Form.Item label={label} extra={help} style={{ marginBottom: 12 }}>{children}</Form.Item>;
}

/** The filter's fields: the dimensions a filter may test (GET /reports/dimensions), their values by name. */
export function filterFieldsOf(dimensions: readonly Dimension[]): RegistryField[] {
  return dimensions.flatMap((d) => (d.filterField && d.options
    ? [{ key: d.filterField, label: { 'zh-CN': d.name, en: d.name }, type: 'select' as const, builtIn: true, options: d.options.map((o) => ({ value: o.value, label: { 'zh-CN': o.label, en: o.label } })) }]
    : []));
}

type Props = {
  name: string; onName: (name: string) => void;
  definition: Definition; onDefinition: (next: Definition) => void;
  /** Null: a saved filter the rows cannot show (nested groups), kept as it is. */
  filter: FilterDraft | null; onFilter: (next: FilterDraft) => void;
  sharing: Pick<SavedReportInput, 'sharedRoles' | 'pinned'>; onSharing: (next: Pick<SavedReportInput, 'sharedRoles' | 'pinned'>) => void;
  dimensions: readonly Dimension[];
  disabled: boolean;
};

/**
 * 自定义报表's controls: measure (with statistic and clock for durations), up to two dimensions,
 * a filter in the condition language over the dimensions only (the rows the automation and form
 * rules use), range, comparison, chart; then sharing and pinning.
 */
export function BuilderControls({ name, onName, definition: d, onDefinition, filter, onFilter, sharing, onSharing, dimensions, disabled }: Props) {
  const { t } = useTranslation();
  const set = (change: Partial<Definition>) => {
    const next = { ...d, ...change };
    // A chart that cannot draw the new dimensions falls back to one that can.
    onDefinition(chartAllowed(next.chart, next.dimensions) ? next : { ...next, chart: next.dimensions.length === 2 ? 'pivot' : 'bar' });
  };
  const dimensionOptions = dimensions.map((x) => ({ value: x.key, label: x.name }));
  const setDimension = (i: 0 | 1, key: string | undefined) => {
    const list = [d.dimensions[0], d.dimensions[1]];
    list[i] = key;
    set({ dimensions: list.filter((x): x is string => Boolean(x)) });
  };
  const custom = 'from' in d.range ? d.range : null;
  return (
    <Form layout="vertical" disabled={disabled} data-testid="builder-controls">
      <Control label={t('reports.builder.name')} help={t('reports.builder.help.name')}>
        <Input value={name} maxLength={120} onChange={(e) => onName(e.target.value)} aria-label={t('reports.builder.name')} />
      </Control>
      <Control label={t('reports.builder.measure')} help={t(`reports.builder.measureHelp.${d.measure}`)}>
        <Select aria-label={t('reports.builder.measure')} value={d.measure} onChange={(measure) => set({ measure })} options={measures.map((m) => ({ value: m, label: t(`reports.builder.measures.${m}`) }))} />
      </Control>
      {isDuration(d.measure) && (
        <Control label={t('reports.builder.statistic')} help={t('reports.builder.help.statistic')}>
          <Space wrap>
            <Radio.Group value={d.statistic} onChange={(e) => set({ statistic: e.target.value })} options={(['median', 'mean', 'p90'] as const).map((s) => ({ value: s, label: t(`reports.builder.statistics.${s}`) }))} />
            <Radio.Group value={d.clock} onChange={(e) => set({ clock: e.target.value })} options={(['business', 'calendar'] as const).map((c) => ({ value: c, label: t(`reports.builder.clocks.${c}`) }))} />
          </Space>
        </Control>
      )}
      <Control label={t('reports.builder.dimensions')} help={t('reports.builder.help.dimensions')}>
        <Space wrap style={{ width: '100%' }}>
          <Select aria-label={t('reports.builder.dimension1')} placeholder={t('reports.builder.dimension1')} allowClear style={{ minWidth: 160 }} value={d.dimensions[0]} onChange={(v) => setDimension(0, v)} options={dimensionOptions} />
          <Select aria-label={t('reports.builder.dimension2')} placeholder={t('reports.builder.dimension2')} allowClear style={{ minWidth: 160 }} value={d.dimensions[1]} disabled={disabled || !d.dimensions[0]} onChange={(v) => setDimension(1, v)} options={dimensionOptions.filter((o) => o.value !== d.dimensions[0])} />
        </Space>
      </Control>
      <Control label={t('reports.builder.filter')} help={t('reports.builder.help.filter')}>
        {filter ? <ConditionLeaves match={filter.match} conditions={filter.conditions} fields={filterFieldsOf(dimensions)} onChange={onFilter} /> : <Alert type="info" showIcon title={t('reports.builder.nestedFilter')} />}
      </Control>
      <Control label={t('reports.builder.range')} help={t('reports.builder.help.range')}>
        <Space wrap>
          <Select<RelativeRange | 'custom'> aria-label={t('reports.builder.range')} style={{ minWidth: 140 }} value={custom ? 'custom' : ('last' in d.range ? d.range.last : 'last30')}
            onChange={(v) => set({ range: v === 'custom' ? { from: dayjs().subtract(30, 'day').startOf('day').format(), to: dayjs().startOf('day').format() } : { last: v } })}
            options={[...relativeRanges.map((r) => ({ value: r, label: t(`reports.builder.ranges.${r}`) })), { value: 'custom', label: t('reports.builder.ranges.custom') }]} />
          {custom && (
            <DatePicker.RangePicker allowClear={false} value={[dayjs(custom.from), dayjs(custom.to).subtract(1, 'day')]}
              onChange={(v) => v?.[0] && v[1] && set({ range: { from: v[0].startOf('day').format(), to: v[1].add(1, 'day').startOf('day').format() } })} />
          )}
        </Space>
      </Control>
      <Control label={t('reports.builder.comparison')} help={t('reports.builder.help.comparison')}>
        <Switch aria-label={t('reports.builder.comparison')} checked={d.comparison === 'previous'} onChange={(on) => set({ comparison: on ? 'previous' : 'none' })} />
      </Control>
      <Control label={t('reports.builder.chart')} help={t('reports.builder.help.chart')}>
        <Radio.Group optionType="button" value={d.chart} onChange={(e) => set({ chart: e.target.value })}
          options={chartTypes.map((c) => ({ value: c, label: t(`reports.builder.charts.${c}`), disabled: !chartAllowed(c, d.dimensions) }))} />
      </Control>
      <Control label={t('reports.builder.share')} help={t('reports.builder.help.share')}>
        <Checkbox.Group<SavedReportInput['sharedRoles'][number]> value={sharing.sharedRoles} onChange={(sharedRoles) => onSharing({ ...sharing, sharedRoles })}
          options={roles.map((r) => ({ value: r, label: t(`reports.builder.roles.${r}`) }))} />
      </Control>
      <Control label={t('reports.builder.pin')} help={t('reports.builder.help.pin')}>
        <Switch aria-label={t('reports.builder.pin')} checked={sharing.pinned} onChange={(pinned) => onSharing({ ...sharing, pinned })} />
      </Control>
    </Form>
  );
}
