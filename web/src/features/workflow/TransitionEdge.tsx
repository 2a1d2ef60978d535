import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps, type EdgeTypes } from '@xyflow/react';
import { Tooltip } from 'antd';
import { createContext, useContext } from 'react';
import type { ProcessFlowEdge } from './diagram.ts';

/** Selecting from the label: xyflow's edge click is on the line alone, and a label is easier to hit. */
export const SelectElementContext = createContext<(id: string) => void>(() => {});

/** A transition: its button text on the line, red with the problems as a tooltip, bright on the simulated path. */
function TransitionEdge({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, label, data, selected, style, markerEnd }: EdgeProps<ProcessFlowEdge>) {
  const [path, labelX, labelY] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 8 });
  const select = useContext(SelectElementContext);
  const errors = data?.errors ?? [];
  const className = ['process-edge-label', errors.length ? 'has-error' : '', data?.onPath ? 'on-path' : '', selected ? 'is-selected' : ''].filter(Boolean).join(' ');
  const text = (
    <div className={`${className} nodrag nopan`} onClick={() => select(id)} data-testid={`process-edge-${id}`} data-errors={errors.length} data-path={data?.onPath ? 'on' : 'off'} style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, pointerEvents: 'all' }}>
      {label}
    </div>
  );
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={{ ...style, stroke: errors.length ? '#ff4d4f' : data?.onPath ? '#1677ff' : selected ? '#595959' : '#b1b1b7', strokeWidth: data?.onPath || selected ? 2.5 : 1.5 }} />
      <EdgeLabelRenderer>{errors.length ? <Tooltip title={errors.map((message, i) => <div key={i}>{message}</div>)}>{text}</Tooltip> : text}</EdgeLabelRenderer>
    </>
  );
}

export const processEdgeTypes: EdgeTypes = { transition: TransitionEdge };
