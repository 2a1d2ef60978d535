import { Background, Controls, ReactFlow, useReactFlow, type Connection, type EdgeChange, type NodeChange } from '@xyflow/react';
import { Button, Space, Tooltip, Typography } from 'antd';
import { useCallback, useMemo, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcessDefinitionInput } from '../../../../src/workflow-model/definition.ts';
import { addNode, connect, moveNode, paletteKinds, type PaletteKind } from './definition-edits.ts';
import { edgesOf, nodesOf, type Decorations, type ProcessFlowEdge, type ProcessFlowNode } from './diagram.ts';
import { processNodeTypes } from './ProcessNodes.tsx';
import { processEdgeTypes, SelectElementContext } from './TransitionEdge.tsx';

const dragType = 'application/x-opencsm-process-node';
const newNameKey: Record<PaletteKind, string> = { stage: 'newStage', exclusive: 'newExclusive', parallel: 'newParallel', join: 'newJoin', end: 'newEnd' };
const kindKey: Record<PaletteKind, string> = { stage: 'stage', exclusive: 'exclusive', parallel: 'parallel', join: 'join', end: 'end' };

type Props = {
  definition: ProcessDefinitionInput;
  decorations: Omit<Decorations, 'measured'>;
  onChange: (next: ProcessDefinitionInput) => void;
  onSelect: (id: string | null) => void;
};

/**
 * The diagram: nodes dragged from the palette (or added with a click, for the keyboard), lines
 * drawn between handles as transitions, nodes moved (their place is stored in the definition).
 * Deleting is the side panel's, behind a confirmation, so the Delete key does nothing here.
 */
export function DesignerCanvas({ definition, decorations, onChange, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  const flow = useReactFlow<ProcessFlowNode, ProcessFlowEdge>();
  const [measured, setMeasured] = useState<Decorations['measured']>({});
  const all = useMemo(() => ({ ...decorations, measured }), [decorations, measured]);
  const nodes = useMemo(() => nodesOf(definition, all, i18n.language), [definition, all, i18n.language]);
  const edges = useMemo(() => edgesOf(definition, all, i18n.language), [definition, all, i18n.language]);
  const name = (kind: PaletteKind) => ({ 'zh-CN': t(`workflow.designer.${newNameKey[kind]}`, { lng: 'zh-CN' }), en: t(`workflow.designer.${newNameKey[kind]}`, { lng: 'en' }) });

  const onNodesChange = useCallback((changes: NodeChange<ProcessFlowNode>[]) => {
    let next = definition;
    const sizes: Record<string, { width: number; height: number }> = {};
    for (const change of changes) {
      if (change.type === 'dimensions' && change.dimensions) sizes[change.id] = change.dimensions;
      if (change.type === 'position' && change.position) next = moveNode(next, change.id, change.position);
      if (change.type === 'select' && change.selected) onSelect(change.id);
    }
    if (Object.keys(sizes).length) setMeasured((current) => ({ ...current, ...sizes }));
    if (next !== definition) onChange(next);
  }, [definition, onChange, onSelect]);

  const onEdgesChange = useCallback((changes: EdgeChange<ProcessFlowEdge>[]) => {
    for (const change of changes) if (change.type === 'select' && change.selected) onSelect(change.id);
  }, [onSelect]);

  const onConnect = useCallback((connection: Connection) => {
    const made = connect(definition, connection.source, connection.target, { 'zh-CN': t('workflow.designer.newTransition', { lng: 'zh-CN' }), en: t('workflow.designer.newTransition', { lng: 'en' }) });
    if (!made) return;
    onChange(made.definition);
    onSelect(made.id);
  }, [definition, onChange, onSelect, t]);

  const place = (kind: PaletteKind, position: { x: number; y: number }) => {
    const made = addNode(definition, kind, position, name(kind));
    onChange(made.definition);
    onSelect(made.id);
  };
  /** A click adds the node right of the drawing, where it is seen and does not cover another. */
  const addBeside = (kind: PaletteKind) => {
    const right = Math.max(0, ...definition.nodes.map((node) => node.position.x));
    place(kind, { x: definition.nodes.length ? right + 200 : 0, y: 0 });
  };
  const onDrop = (event: DragEvent) => {
    const dropped = event.dataTransfer.getData(dragType);
    const kind = paletteKinds.find((k) => k === dropped);
    if (!kind) return;
    event.preventDefault();
    place(kind, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
  };

  return (
    <div className="process-canvas-wrap">
      <Space wrap className="process-palette" aria-label={t('workflow.designer.palette')}>
        <Tooltip title={t('workflow.designer.paletteHint')}><Typography.Text type="secondary">{t('workflow.designer.palette')}</Typography.Text></Tooltip>
        {paletteKinds.map((kind) => (
          <Button
            key={kind}
            size="small"
            draggable
            data-testid={`palette-${kind}`}
            onDragStart={(event) => {
              event.dataTransfer.setData(dragType, kind);
              event.dataTransfer.effectAllowed = 'move';
            }}
            onClick={() => addBeside(kind)}
          >
            {t(`workflow.kind.${kindKey[kind]}`)}
          </Button>
        ))}
      </Space>
      <div className="process-canvas" aria-label={t('workflow.designer.canvas')} onDragOver={(event) => { event.preventDefault(); event.dataTransfer.dropEffect = 'move'; }} onDrop={onDrop}>
        <SelectElementContext.Provider value={onSelect}>
          <ReactFlow
            nodes={nodes}
            edges={edges}
            nodeTypes={processNodeTypes}
            edgeTypes={processEdgeTypes}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onConnect={onConnect}
            onPaneClick={() => onSelect(null)}
            deleteKeyCode={null}
            fitView
            minZoom={0.3}
          >
            <Background gap={16} />
            <Controls showInteractive={false} />
          </ReactFlow>
        </SelectElementContext.Provider>
      </div>
    </div>
  );
}
