import type { ProcessDefinitionInput } from '../../../../src/workflow-model/definition.ts';
import type { NodeInput, TransitionInput } from './diagram.ts';

/**
 * The designer's edits, pure: each takes the definition and returns the next one, so the canvas,
 * the side panel and undo-free saving all go through the same few functions (and tests hold them).
 */
export type PaletteKind = 'stage' | 'exclusive' | 'parallel' | 'join' | 'end';
export const paletteKinds: readonly PaletteKind[] = ['stage', 'exclusive', 'parallel', 'join', 'end'];

const idPrefix: Record<PaletteKind, string> = { stage: 'stage', exclusive: 'choice', parallel: 'split', join: 'join', end: 'end' };

/** A key no node or transition has yet (`stage_3`): ids are stable and never renamed, so never reused while present. */
export function freshId(definition: ProcessDefinitionInput, prefix: string): string {
  const taken = new Set([...definition.nodes.map((node) => node.id), ...definition.transitions.map((t) => t.id)]);
  for (let n = 1; ; n++) if (!taken.has(`${prefix}_${n}`)) return `${prefix}_${n}`;
}

/** A new node of the palette's kind at a point of the canvas; names are the caller's (the console's language). */
export function addNode(definition: ProcessDefinitionInput, kind: PaletteKind, position: { x: number; y: number }, name: { 'zh-CN': string; en: string }): { definition: ProcessDefinitionInput; id: string } {
  const id = freshId(definition, idPrefix[kind]);
  const at = { x: Math.round(position.x), y: Math.round(position.y) };
  const node: NodeInput =
    kind === 'stage' ? { kind: 'stage', id, name, position: at }
    : kind === 'end' ? { kind: 'end', id, name, position: at }
    : kind === 'join' ? { kind: 'gateway', gateway: 'join', id, name, position: at, join: 'all' }
    : { kind: 'gateway', gateway: kind, id, name, position: at };
  return { definition: { ...definition, nodes: [...definition.nodes, node] }, id };
}

/** A forward transition drawn from one node to another; a second line between the same two nodes is allowed (two buttons). */
export function connect(definition: ProcessDefinitionInput, from: string, to: string, label: { 'zh-CN': string; en: string }): { definition: ProcessDefinitionInput; id: string } | null {
  if (from === to) return null;
  const id = freshId(definition, `${from}_to_${to}`.slice(0, 56));
  const transition: TransitionInput = { id, from, to, label };
  return { definition: { ...definition, transitions: [...definition.transitions, transition] }, id };
}

export function moveNode(definition: ProcessDefinitionInput, id: string, position: { x: number; y: number }): ProcessDefinitionInput {
  const at = { x: Math.round(position.x), y: Math.round(position.y) };
  return { ...definition, nodes: definition.nodes.map((node) => (node.id === id ? { ...node, position: at } : node)) };
}

export function updateNode(definition: ProcessDefinitionInput, id: string, next: NodeInput): ProcessDefinitionInput {
  return { ...definition, nodes: definition.nodes.map((node) => (node.id === id ? next : node)) };
}

export function updateTransition(definition: ProcessDefinitionInput, id: string, next: TransitionInput): ProcessDefinitionInput {
  return { ...definition, transitions: definition.transitions.map((t) => (t.id === id ? next : t)) };
}

/**
 * Removes a node with the transitions touching it, or one transition; what pointed at a removed
 * transition (a gateway's default) is cleared so it does not name a missing key.
 */
export function removeElement(definition: ProcessDefinitionInput, id: string): ProcessDefinitionInput {
  const transitions = definition.transitions.filter((t) => t.id !== id && t.from !== id && t.to !== id);
  const kept = new Set(transitions.map((t) => t.id));
  const nodes = definition.nodes
    .filter((node) => node.id !== id)
    .map((node) => (node.kind === 'gateway' && node.gateway === 'exclusive' && node.defaultTransition && !kept.has(node.defaultTransition) ? { ...node, defaultTransition: undefined } : node));
  return { ...definition, nodes, transitions };
}

/** The element an id names, for the side panel. */
export function elementOf(definition: ProcessDefinitionInput, id: string | null): { kind: 'node'; node: NodeInput } | { kind: 'transition'; transition: TransitionInput } | null {
  if (!id) return null;
  const node = definition.nodes.find((n) => n.id === id);
  if (node) return { kind: 'node', node };
  const transition = definition.transitions.find((t) => t.id === id);
  return transition ? { kind: 'transition', transition } : null;
}

/** A new process's first draft: one stage, one end, one button between them (valid, so it can be published at once). */
export function starterDefinition(names: { stage: { 'zh-CN': string; en: string }; end: { 'zh-CN': string; en: string }; transition: { 'zh-CN': string; en: string } }): ProcessDefinitionInput {
  return {
    start: 'accept',
    nodes: [
      { kind: 'stage', id: 'accept', name: names.stage, position: { x: 0, y: 0 } },
      { kind: 'end', id: 'closed', name: names.end, position: { x: 320, y: 0 } },
    ],
    transitions: [{ id: 'done', from: 'accept', to: 'closed', label: names.transition }],
  };
}
