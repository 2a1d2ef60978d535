import { z } from 'zod';
import type { FieldError } from '../../../app/errors.js';
import type { ActionContext } from './action-context.js';
import type { ActionReferences } from './action-spec.js';
import { addNoteAction } from './add-note.js';
import { applySlaPolicyAction } from './apply-sla-policy.js';
import { assignTeamAction } from './assign-team.js';
import { assignUserAction } from './assign-user.js';
import { changeTypeAction } from './change-type.js';
import { createFollowUpAction } from './create-follow-up.js';
import { setFieldAction } from './set-field.js';
import { addTagsAction, removeTagsAction } from './tags.js';
import { callWebhookAction } from './call-webhook.js';
import { notifyAction } from './notify.js';
import { replyAction } from './reply.js';

/**
 * The action registry: every action a rule may run, one file each. The JSON schema of a rule's
 * `actions` is the union of theirs, so a stored list is always one the registry can run.
 */
export const ruleActionSchema = z.discriminatedUnion('type', [
  setFieldAction.schema,
  assignUserAction.schema,
  assignTeamAction.schema,
  addTagsAction.schema,
  removeTagsAction.schema,
  addNoteAction.schema,
  changeTypeAction.schema,
  createFollowUpAction.schema,
  notifyAction.schema,
  callWebhookAction.schema,
  replyAction.schema,
  applySlaPolicyAction.schema,
]);
export type RuleAction = z.output<typeof ruleActionSchema>;
export type RuleActionType = RuleAction['type'];
export const ruleActionTypes = ruleActionSchema.options.map((option) => option.shape.type.value);

/** The action's own spec, narrowed by its type (a switch, so adding a type without its file fails to compile). */
function specOf(action: RuleAction): { check: (refs: ActionReferences, path: string) => FieldError[]; run: (context: ActionContext) => Promise<Record<string, unknown>> } {
  switch (action.type) {
    case 'set_field':
      return { check: (refs, path) => setFieldAction.check(action, refs, path), run: (context) => setFieldAction.run(action, context) };
    case 'assign_user':
      return { check: (refs, path) => assignUserAction.check(action, refs, path), run: (context) => assignUserAction.run(action, context) };
    case 'assign_team':
      return { check: (refs, path) => assignTeamAction.check(action, refs, path), run: (context) => assignTeamAction.run(action, context) };
    case 'add_tags':
      return { check: (refs, path) => addTagsAction.check(action, refs, path), run: (context) => addTagsAction.run(action, context) };
    case 'remove_tags':
      return { check: (refs, path) => removeTagsAction.check(action, refs, path), run: (context) => removeTagsAction.run(action, context) };
    case 'add_note':
      return { check: (refs, path) => addNoteAction.check(action, refs, path), run: (context) => addNoteAction.run(action, context) };
    case 'change_type':
      return { check: (refs, path) => changeTypeAction.check(action, refs, path), run: (context) => changeTypeAction.run(action, context) };
    case 'create_follow_up':
      return { check: (refs, path) => createFollowUpAction.check(action, refs, path), run: (context) => createFollowUpAction.run(action, context) };
    case 'notify':
      return { check: (refs, path) => notifyAction.check(action, refs, path), run: (context) => notifyAction.run(action, context) };
    case 'webhook':
      return { check: (refs, path) => callWebhookAction.check(action, refs, path), run: (context) => callWebhookAction.run(action, context) };
    case 'reply':
      return { check: (refs, path) => replyAction.check(action, refs, path), run: (context) => replyAction.run(action, context) };
    case 'apply_sla_policy':
      return { check: (refs, path) => applySlaPolicyAction.check(action, refs, path), run: (context) => applySlaPolicyAction.run(action, context) };
  }
}

export function checkAction(action: RuleAction, refs: ActionReferences, path: string): FieldError[] {
  return specOf(action).check(refs, path);
}

export function runAction(action: RuleAction, context: ActionContext): Promise<Record<string, unknown>> {
  return specOf(action).run(context);
}

/** The users, teams, webhook endpoints and SLA policies a rule's actions name: what a save reads to check them. */
export function actionReferenceIds(actions: readonly RuleAction[]): { userIds: string[]; teamIds: string[]; webhookIds: string[]; slaPolicyIds: string[] } {
  const userIds: string[] = [];
  const teamIds: string[] = [];
  const webhookIds: string[] = [];
  const slaPolicyIds: string[] = [];
  for (const action of actions) {
    if (action.type === 'assign_user') userIds.push(action.userId);
    if (action.type === 'assign_team') teamIds.push(action.teamId);
    if (action.type === 'create_follow_up' && action.teamId) teamIds.push(action.teamId);
    if (action.type === 'notify') userIds.push(...action.recipients.userIds), teamIds.push(...action.recipients.teamIds);
    if (action.type === 'webhook') webhookIds.push(action.endpointId);
    if (action.type === 'apply_sla_policy') slaPolicyIds.push(action.policyId);
  }
  const lower = (ids: string[]) => [...new Set(ids.map((id) => id.toLowerCase()))];
  return { userIds: lower(userIds), teamIds: lower(teamIds), webhookIds: lower(webhookIds), slaPolicyIds: lower(slaPolicyIds) };
}

export { triggerFacts } from './trigger-facts.js';
export type { ActionReferences } from './action-spec.js';
export type { ActionContext, ActionCause } from './action-context.js';
