import { Handle, Position, type NodeProps, type NodeTypes } from '@xyflow/react';
import { Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { labelText, type ProcessFlowNode } from './diagram.ts';

/** Classes the stylesheet turns into the red outline, the simulated path and where the walk stands. */
function stateClass(data: ProcessFlowNode['data']): string {
  return [data.errors.length ? 'has-error' : '', data.onPath ? 'on-path' : '', data.current ? 'is-current' : ''].filter(Boolean).join(' ');
}

/** The node with its problems as a tooltip (the zh-CN messages of validate), and both handles. */
function Frame({ data, id, className, children }: { data: ProcessFlowNode['data']; id: string; className: string; children: ReactNode }) {
  const body = (
    <div className={`process-node ${className} ${stateClass(data)}`} data-testid={`process-node-${id}`} data-errors={data.errors.length} data-path={data.onPath ? 'on' : 'off'}>
      {children}
    </div>
  );
  return (
    <>
      <Handle type="target" position={Position.Left} />
      {data.errors.length ? <Tooltip title={data.errors.map((message, i) => <div key={i}>{message}</div>)}>{body}</Tooltip> : body}
      {data.node.kind !== 'end' && <Handle type="source" position={Position.Right} />}
    </>
  );
}

function StageNode({ id, data }: NodeProps<ProcessFlowNode>) {
  const { t } = useTranslation();
  const name = data.node.kind === 'stage' ? labelText(data.node.name, data.language) : id;
  return (
    <Frame data={data} id={id} className="process-stage">
      {data.start && <Tag color="blue" className="process-start-tag">{t('workflow.designer.start')}</Tag>}
      <span className="process-node-name">{name}</span>
    </Frame>
  );
}

const gatewaySymbol = { exclusive: '×', parallel: '+', join: '⊕' } as const;

function GatewayNode({ id, data }: NodeProps<ProcessFlowNode>) {
  const { t } = useTranslation();
  if (data.node.kind !== 'gateway') return null;
  const name = labelText(data.node.name, data.language) || t(`workflow.kind.${data.node.gateway}`);
  return (
    <Frame data={data} id={id} className="process-gateway">
      <span className="process-gateway-shape" aria-hidden><span className="process-gateway-symbol">{gatewaySymbol[data.node.gateway]}</span></span>
      <span className="process-node-caption">{name}</span>
    </Frame>
  );
}

function EndNode({ id, data }: NodeProps<ProcessFlowNode>) {
  const name = data.node.kind === 'end' ? labelText(data.node.name, data.language) : id;
  return (
    <Frame data={data} id={id} className="process-end">
      <span className="process-end-shape" aria-hidden />
      <span className="process-node-caption">{name}</span>
    </Frame>
  );
}

export const processNodeTypes: NodeTypes = { stage: StageNode, gateway: GatewayNode, end: EndNode };
