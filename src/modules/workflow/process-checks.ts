import type { FieldTypes } from '../../app/field-types.js';
import type { ReadModels } from '../../app/read-models.js';
import type { Db } from '../../db/database.js';
import type { ProcessAction, ProcessDefinition } from '../../workflow-model/definition.js';
import { validateProcess, type ProcessIssue } from '../../workflow-model/validate.js';
import { roleNames } from '../auth/index.js';
import { isRunnableAction, ruleActionTypes } from '../automation/index.js';
import { processFields } from './process-fields.js';

export type ProcessCheck = { ok: true; definition: ProcessDefinition } | { ok: false; issues: ProcessIssue[] };
export type CheckDeps = { readModels: ReadModels; fieldTypes: FieldTypes };

/**
 * The whole check before publishing: the model's (shape, fields, conditions, structure) against
 * this installation's ticket fields, then what only the installation knows: roles exist and every
 * action is one automation's registry runs, with settings it accepts.
 */
export async function checkProcess(db: Db, deps: CheckDeps, input: unknown): Promise<ProcessCheck> {
  const validation = validateProcess(input, await processFields(db, deps.readModels, deps.fieldTypes));
  if (!validation.ok) return validation;
  const issues = referenceIssues(validation.definition);
  return issues.length ? { ok: false, issues } : validation;
}

const knownRoles = new Set<string>(roleNames);
const knownActions = new Set<string>(ruleActionTypes);

function referenceIssues(definition: ProcessDefinition): ProcessIssue[] {
  const issues: ProcessIssue[] = [];
  const role = (path: string, value: string) => knownRoles.has(value) || issues.push({ path, code: 'workflow.unknown_role', params: { role: value } });
  // An action of a known type must also have the settings automation's registry runs (they run on every move).
  const action = (path: string, stored: ProcessAction) =>
    !knownActions.has(stored.type) ? issues.push({ path: `${path}.type`, code: 'workflow.unknown_action', params: { type: stored.type } }) : isRunnableAction(stored) || issues.push({ path, code: 'workflow.invalid_action', params: { type: stored.type } });
  definition.nodes.forEach((node, i) => {
    if (node.kind !== 'stage') return;
    if (node.assignee?.kind === 'role') role(`nodes.${i}.assignee.role`, node.assignee.role);
    node.entryActions.forEach((a, j) => action(`nodes.${i}.entryActions.${j}`, a));
    node.exitActions.forEach((a, j) => action(`nodes.${i}.exitActions.${j}`, a));
  });
  definition.transitions.forEach((t, i) => {
    for (const list of ['allow', 'exclude'] as const) t[list].forEach((rule, j) => rule.kind === 'role' && role(`transitions.${i}.${list}.${j}.role`, rule.role));
    t.actions.forEach((a, j) => action(`transitions.${i}.actions.${j}`, a));
    const plans = !t.approval ? [] : t.approval.kind === 'fixed' ? [{ at: `transitions.${i}.approval`, plan: t.approval }] : t.approval.tiers.map((plan, k) => ({ at: `transitions.${i}.approval.tiers.${k}`, plan }));
    for (const { at, plan } of plans) plan.approvers.forEach((rule, j) => rule.kind === 'role' && role(`${at}.approvers.${j}.role`, rule.role));
  });
  return issues;
}
