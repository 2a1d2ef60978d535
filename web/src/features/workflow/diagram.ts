import type { Edge, Node } from '@xyflow/react';
import type { ProcessDefinitionInput, ProcessLabel } from '../../../../src/workflow-model/definition.ts';

/**
 * The definition as xyflow draws it. The definition stays the one source of truth (the designer
 * edits it, validate and simulate read it); nodes and edges are derived from it on every change,
 * decorated with what the diagram must show (errors, the simulated path, the selection).
 */
export type NodeInput = ProcessDefinitionInput['nodes'][number];
export type TransitionInput = ProcessDefinitionInput['transitions'][number];
/** What a node or edge shows besides its definition: one flag set per element id. */
export type Decorations = {
  /** Messages of the issues placed on the element (the tooltip lists them). */
  errors: ReadonlyMap<string, readonly string[]>;
  /** Elements on the simulated path so far, and those the simulation is at. */
  path: ReadonlySet<string>;
  current: ReadonlySet<string>;
  selected: string | null;
  /** Sizes xyflow measured, kept so a re-derived node is not measured again (and not hidden meanwhile). */
  measured: Readonly<Record<string, { width: number; height: number }>>;
};

export type ProcessNodeData = { node: NodeInput; start: boolean; errors: readonly string[]; onPath: boolean; current: boolean; language: string };
export type ProcessEdgeData = { transition: TransitionInput; errors: readonly string[]; onPath: boolean };
export type ProcessFlowNode = Node<ProcessNodeData, 'stage' | 'gateway' | 'end'>;
export type ProcessFlowEdge = Edge<ProcessEdgeData>;

export const noDecorations: Decorations = { errors: new Map(), path: new Set(), current: new Set(), selected: null, measured: {} };

/** A label in the console's language, Chinese when the English one is empty. */
export function labelText(label: Partial<ProcessLabel> | undefined, language: string): string {
  if (!label) return '';
  return (language.startsWith('en') ? label.en : label['zh-CN']) || label['zh-CN'] || label.en || '';
}

export function nodesOf(definition: ProcessDefinitionInput, decorations: Decorations, language: string): ProcessFlowNode[] {
  return definition.nodes.map((node) => {
    const measured = decorations.measured[node.id];
    return {
      id: node.id,
      type: node.kind,
      position: { x: node.position.x, y: node.position.y },
      selected: decorations.selected === node.id,
      ...(measured && { measured }),
      data: { node, start: definition.start === node.id, errors: decorations.errors.get(node.id) ?? [], onPath: decorations.path.has(node.id), current: decorations.current.has(node.id), language },
    };
  });
}

export function edgesOf(definition: ProcessDefinitionInput, decorations: Decorations, language: string): ProcessFlowEdge[] {
  return definition.transitions.map((transition) => {
    const errors = decorations.errors.get(transition.id) ?? [];
    const onPath = decorations.path.has(transition.id);
    const isReturn = transition.kind === 'return';
    return {
      id: transition.id,
      type: 'transition',
      markerEnd: { type: 'arrowclosed' },
      source: transition.from,
      target: transition.to,
      label: labelText(transition.label, language),
      selected: decorations.selected === transition.id,
      className: [errors.length ? 'process-edge-error' : '', onPath ? 'process-edge-path' : '', isReturn ? 'process-edge-return' : ''].filter(Boolean).join(' ') || undefined,
      animated: onPath,
      data: { transition, errors, onPath },
      ...(isReturn && { style: { strokeDasharray: '6 4' } }),
    };
  });
}
