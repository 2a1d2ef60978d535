import { Alert, Button, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../../app/session.ts';
import { EmptyState, ErrorState, Loading } from '../../../shared/ui/states.tsx';
import { loadAMap, type AMapMap, type AMapMarker, type AMapNamespace } from './amap-loader.ts';
import { useMapConfig, useSuggestions, type DispatchBoardData, type WaitingOrder } from './dispatch-api.ts';

/**
 * 地图 on the board: the waiting orders (sites, GCJ-02 as stored) and the engineers' last positions
 * (GCJ-02: check-ins are converted on the server) on AMap, with the selected order's suggested
 * engineer and straight-line distance. Without a key it says how to get one; the board still works.
 */
export function MapView({ board, selected, onSelect }: { board: DispatchBoardData; selected: WaitingOrder | null; onSelect: (order: WaitingOrder) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const config = useMapConfig();
  if (config.isError) return <ErrorState error={config.error} onRetry={() => config.refetch()} />;
  if (!config.data) return <Loading />;
  if (!config.data.configured) {
    return (
      <EmptyState title={t('dispatch.map.notConfigured')} hint={t('dispatch.map.notConfiguredHint')}
        action={can('field_service.manage') ? <Link to="/settings/field-service?tab=map"><Button type="primary">{t('dispatch.map.openSettings')}</Button></Link> : undefined} />
    );
  }
  return <AMapCanvas scriptUrl={config.data.scriptUrl} securityCode={config.data.securityCode} board={board} selected={selected} onSelect={onSelect} />;
}

type CanvasProps = { scriptUrl: string; securityCode: string; board: DispatchBoardData; selected: WaitingOrder | null; onSelect: (order: WaitingOrder) => void };

function AMapCanvas({ scriptUrl, securityCode, board, selected, onSelect }: CanvasProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [amap, setAmap] = useState<{ AMap: AMapNamespace; map: AMapMap } | null>(null);
  const [failed, setFailed] = useState(false);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    let map: AMapMap | undefined;
    let cancelled = false;
    loadAMap(scriptUrl, securityCode).then((AMap) => {
      if (cancelled || !container.current) return;
      map = new AMap.Map(container.current, { zoom: 11, viewMode: '2D' });
      setAmap({ AMap, map });
    }, () => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
      map?.destroy();
    };
  }, [scriptUrl, securityCode]);

  const orders = board.unscheduled.items.filter((o) => o.site?.lat != null && o.site.lng != null);
  const engineers = board.engineers.filter((e) => e.lastPosition !== null);
  // Markers follow the board's data (a live refresh replaces them), keyed by what they show, not by the arrays' identity.
  const markerKey = [...orders.map((o) => `${o.id}@${o.site!.lat},${o.site!.lng}`), ...engineers.map((e) => `${e.id}@${e.lastPosition!.lat},${e.lastPosition!.lng}`)].join();
  useEffect(() => {
    if (!amap) return;
    const { AMap, map } = amap;
    const markers: AMapMarker[] = [
      ...orders.map((order) => {
        const marker = new AMap.Marker({ position: [order.site!.lng!, order.site!.lat!], title: t('dispatch.map.orderMarker', { number: order.number }), label: { content: order.number, direction: 'top' }, extData: order.id });
        marker.on('click', () => select.current(order));
        return marker;
      }),
      ...engineers.map((engineer) => new AMap.Marker({ position: [engineer.lastPosition!.lng, engineer.lastPosition!.lat], title: t('dispatch.map.engineerMarker', { name: engineer.name }), label: { content: engineer.name, direction: 'right' }, extData: engineer.id })),
    ];
    map.add(markers);
    if (markers.length) map.setFitView();
    return () => map.remove(markers);
  }, [amap, markerKey]);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {failed ? <Alert type="error" showIcon title={t('dispatch.map.loadFailed', { url: new URL(scriptUrl, window.location.href).origin })} /> : null}
      <Space size={16} wrap>
        <Typography.Text data-testid="map-orders">{t('dispatch.map.orders', { count: board.unscheduled.items.length, located: orders.length })}</Typography.Text>
        <Typography.Text data-testid="map-engineers">{t('dispatch.map.engineers', { count: board.engineers.length, located: engineers.length })}</Typography.Text>
      </Space>
      <SuggestedDistance order={selected} />
      <div ref={container} data-testid="dispatch-map" style={{ height: 480, width: '100%', border: '1px solid #f0f0f0' }}>
        {!amap && !failed ? <Loading /> : null}
      </div>
    </Space>
  );
}

/** The selected order's top suggestion and its straight-line distance (from the suggestions the board already asks for). */
function SuggestedDistance({ order }: { order: WaitingOrder | null }) {
  const { t } = useTranslation();
  const suggestions = useSuggestions(order?.id ?? null, false);
  if (!order) return <Typography.Text type="secondary">{t('dispatch.map.selectOrder')}</Typography.Text>;
  const top = suggestions.data?.ranked[0];
  if (!suggestions.data) return null;
  const text = !top
    ? t('dispatch.map.noSuggestion', { number: order.number })
    : top.distanceKm === null
      ? t('dispatch.map.suggestedUnknown', { number: order.number, name: top.name })
      : t('dispatch.map.suggested', { number: order.number, name: top.name, km: top.distanceKm });
  return <Typography.Text strong data-testid="map-suggestion">{text}</Typography.Text>;
}
