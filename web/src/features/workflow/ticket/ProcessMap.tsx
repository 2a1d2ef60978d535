import '@xyflow/react/dist/style.css';
import { ReactFlow, type Edge, type Node } from '@xyflow/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketProcess } from './ticket-process-api.ts';

type MapState = 'current' | 'done' | 'todo';
const styles: Record<MapState, React.CSSProperties> = {
  current: { background: '#e6f4ff', border: '2px solid #1677ff', fontWeight: 600 },
  done: { background: '#f6ffed', border: '1px solid #52c41a', color: '#389e0d' },
  todo: { background: '#fff', border: '1px solid #d9d9d9', color: '#8c8c8c' },
};

/**
 * The version's drawing, read-only and small: the stages the ticket waits at highlighted, those it
 * has left ticked. Its own chunk (xyflow), loaded after the panel, so the ticket page never waits
 * for it nor loads the designer.
 */
export default function ProcessMap({ map, current, done }: { map: TicketProcess['map']; current: string[]; done: string[] }) {
  const { t, i18n } = useTranslation();
  const nodes = useMemo<Node[]>(() => map.nodes.map((node) => {
    const state: MapState = current.includes(node.id) ? 'current' : done.includes(node.id) ? 'done' : 'todo';
    const name = node.name ? node.name[i18n.language === 'en' ? 'en' : 'zh-CN'] || node.name['zh-CN'] : '';
    const gateway = node.kind === 'gateway';
    return {
      id: node.id,
      position: node.position,
      type: node.kind === 'end' ? 'output' : 'default',
      data: { label: <span data-testid={`process-map-${node.id}`} data-state={state}>{state === 'done' ? '✓ ' : ''}{gateway ? '◇' : name}</span> },
      style: { ...styles[state], width: gateway ? 40 : 110, fontSize: 12, padding: 6, borderRadius: gateway ? 20 : 6 },
      draggable: false,
      connectable: false,
      selectable: false,
    };
  }), [map.nodes, current, done, i18n.language]);
  // The whole drawing would be too small to read in the panel: it opens around the current stages and their neighbours, and drags to show the rest.
  const around = useMemo(() => {
    const near = new Set(current.length ? current : [map.nodes[0]?.id ?? '']);
    for (const edge of map.transitions) {
      if (current.includes(edge.from)) near.add(edge.to);
      if (current.includes(edge.to) && edge.kind === 'forward') near.add(edge.from);
    }
    return [...near].map((id) => ({ id }));
  }, [map, current]);
  const edges = useMemo<Edge[]>(() => map.transitions.map((edge) => ({ id: edge.id, source: edge.from, target: edge.to, type: 'smoothstep', style: edge.kind === 'return' ? { strokeDasharray: '4 3' } : undefined })), [map.transitions]);
  return (
    <div style={{ height: 200, width: '100%', border: '1px solid #f0f0f0', borderRadius: 6 }} role="img" aria-label={t('workflow.ticket.mapLabel')} data-testid="process-map">
      <ReactFlow key={current.join(',')} nodes={nodes} edges={edges} fitView fitViewOptions={{ nodes: around, maxZoom: 1, padding: 0.2 }} minZoom={0.2} nodesDraggable={false} nodesConnectable={false} elementsSelectable={false} zoomOnScroll={false} zoomOnPinch={false} zoomOnDoubleClick={false} preventScrolling={false} proOptions={{ hideAttribution: true }} />
    </div>
  );
}
