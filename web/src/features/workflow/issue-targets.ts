import { conditionMessages } from '../../../../src/conditions/messages.ts';
import type { ProcessDefinitionInput } from '../../../../src/workflow-model/definition.ts';
import { workflowModelMessages } from '../../../../src/workflow-model/messages.ts';

/** An issue of `validateProcess` (or the server's 422) at its path into the definition. */
export type PathIssue = { path: string; code: string; params?: Record<string, string | number> };
export type PlacedIssue = PathIssue & { element: string | null };

/**
 * The node or transition an issue's path points into: `nodes.3.requiredFields.0` is the fourth
 * node, `transitions.1.condition.all.0.value` the second transition, `start` the start stage.
 * Null when the path names no element (an empty definition), so the list still shows it.
 */
export function elementOfPath(definition: ProcessDefinitionInput, path: string): string | null {
  const [head, index] = path.replace(/^definition\./, '').split('.');
  if (head === 'start') return definition.nodes.some((node) => node.id === definition.start) ? definition.start : null;
  const at = Number(index);
  if (!Number.isInteger(at)) return null;
  if (head === 'nodes') return definition.nodes[at]?.id ?? null;
  if (head === 'transitions') return definition.transitions[at]?.id ?? null;
  return null;
}

/** Every issue with its element, in the order validate gave them. */
export function placeIssues(definition: ProcessDefinitionInput, issues: readonly PathIssue[]): PlacedIssue[] {
  return issues.map((issue) => ({ ...issue, element: elementOfPath(definition, issue.path) }));
}

/** The messages each element shows in its tooltip (red outline when any). */
export function messagesByElement(issues: readonly PlacedIssue[], message: (issue: PathIssue) => string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const issue of issues) {
    if (!issue.element) continue;
    const list = out.get(issue.element) ?? [];
    list.push(message(issue));
    out.set(issue.element, list);
  }
  return out;
}

/**
 * An issue in the words the server uses for it (the model's `workflow.*` and the condition
 * language's `condition.*` catalogues), field and node keys replaced by their names.
 */
export function issueMessage(issue: PathIssue, language: string, nameOf: (key: string) => string = (key) => key): string {
  const catalogue: Record<string, string> = language.startsWith('en') ? { ...conditionMessages.en, ...workflowModelMessages.en } : { ...conditionMessages.zhCN, ...workflowModelMessages.zhCN };
  const template = catalogue[issue.code] ?? issue.code;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = issue.params?.[name];
    return value === undefined ? '' : name === 'field' || name === 'id' ? nameOf(String(value)) : String(value);
  });
}
