import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client.ts';
import type { paths } from '../../shared/api/schema.d.ts';

export type Range = { from: string; to: string };
type DrillMeasure = NonNullable<NonNullable<paths['/api/v1/reports/drill']['get']['parameters']['query']>['measure']>;
/**
 * What a drill-down asks (GET /reports/drill): a heatmap cell, a group (and a report builder's
 * second group), the facts of `measure`; `from`/`to` override the page's range (a time bucket).
 */
export type DrillTarget = { label: string; measure?: DrillMeasure; weekday?: number; hour?: number; groupBy?: string; group?: string; thenBy?: string; thenGroup?: string; from?: string; to?: string };

export const useLiveDashboard = () =>
  // The service manager's screen refreshes itself every 30 s (the tiles read today's facts and the open tickets only).
  useQuery({ queryKey: ['reports', 'live'], queryFn: () => unwrap(api.GET('/api/v1/reports/live')), refetchInterval: 30_000 });

export const useKpis = (range: Range, groupBy?: 'channel') =>
  useQuery({ queryKey: ['reports', 'kpis', range, groupBy], queryFn: () => unwrap(api.GET('/api/v1/reports/kpis', { params: { query: { ...range, ...(groupBy && { groupBy }) } } })) });

export const useHeatmap = (range: Range) =>
  useQuery({ queryKey: ['reports', 'heatmap', range], queryFn: () => unwrap(api.GET('/api/v1/reports/heatmap', { params: { query: range } })) });

export const useDrill = (range: Range, target: DrillTarget | null) =>
  useQuery({
    queryKey: ['reports', 'drill', range, target],
    enabled: target !== null,
    queryFn: () => {
      const { label: _label, ...rest } = target!;
      return unwrap(api.GET('/api/v1/reports/drill', { params: { query: { ...range, ...rest } } }));
    },
  });

export const useUserNames = () =>
  useQuery({ queryKey: ['users', 'names'], queryFn: () => unwrap(api.GET('/api/v1/users')).then((r) => new Map(r.items.map((u) => [u.id, u.name]))), staleTime: 5 * 60_000 });
