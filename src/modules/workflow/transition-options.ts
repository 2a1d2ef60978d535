import type { Locale } from '../../app/i18n/catalogue.js';
import { translate } from '../../app/i18n/catalogue.js';
import type { ProcessDefinition, ProcessLabel, ProcessTransition } from '../../workflow-model/definition.js';
import type { CheckedConditions } from '../../workflow-model/run.js';
import type { Actor } from '../auth/index.js';
import { mayTake, type StageAssignee } from './stage-work.js';
import { conditionHolds, missingFields, requiredFieldsOf } from './transition-judgement.js';

/** A field named to the reader: its registry key (`priority`, `fields.survey_result`) and its label in both languages. */
export type NamedField = { key: string; label: ProcessLabel };

/**
 * Why a transition cannot be taken as the ticket stands, each with its message in the reader's
 * language: `not_allowed` (the caller is not among who may take it), `fields_missing` (`fields`:
 * the stage's or transition's required fields still empty; the take form can fill them),
 * `condition_not_met`, `approval_pending` (the run waits for an approval: take-transition.ts refuses
 * every transition until it is decided).
 */
export type TransitionBlock = { code: 'not_allowed' | 'fields_missing' | 'condition_not_met' | 'approval_pending'; message: string; fields?: NamedField[] };

export type TransitionOption = {
  id: string;
  label: ProcessLabel;
  kind: 'forward' | 'return';
  needsApproval: boolean;
  /** Taking it now, without values, would succeed. */
  available: boolean;
  reasons: TransitionBlock[];
  /** What taking it asks for: every field that must hold a value afterwards (none for a return, which asks for a reason instead). */
  fields: NamedField[];
};

export type OptionsContext = {
  definition: ProcessDefinition;
  conditions: CheckedConditions;
  values: Readonly<Record<string, unknown>>;
  stageActors: Readonly<Record<string, string>>;
  labelOf: (key: string) => ProcessLabel;
  locale: Locale;
  /** The run waits for an approval (审批中). */
  approvalPending: boolean;
};

/**
 * The transitions out of one stage as `actor` sees them (issue 19 §5: "explained when disabled"),
 * judged with the code that judges the POST (transition-judgement.ts, mayTake) on the ticket's
 * current values, so a button shown available is one the server takes.
 */
export function transitionOptions(actor: Actor, stage: string, assignee: StageAssignee, context: OptionsContext): TransitionOption[] {
  return context.definition.transitions
    .filter((transition) => transition.from === stage)
    .map((transition) => {
      const reasons = blocksOf(actor, transition, assignee, context);
      const fields = requiredFieldsOf(context.definition, transition).map((key) => ({ key, label: context.labelOf(key) }));
      return { id: transition.id, label: transition.label, kind: transition.kind, needsApproval: transition.approval !== undefined, available: reasons.length === 0, reasons, fields };
    });
}

/** The message of each block: the very messages the POST answers with. */
const messageKeys: Record<TransitionBlock['code'], string> = {
  not_allowed: 'workflow.transition.not_allowed',
  fields_missing: 'workflow.transition.field_required',
  condition_not_met: 'workflow.transition.condition_not_met',
  approval_pending: 'workflow.approval.pending',
};

function blocksOf(actor: Actor, transition: ProcessTransition, assignee: StageAssignee, { definition, conditions, values, stageActors, labelOf, locale, approvalPending }: OptionsContext): TransitionBlock[] {
  const inLocale = (label: ProcessLabel) => label[locale] || label['zh-CN'];
  const blocks: TransitionBlock[] = [];
  const block = (code: TransitionBlock['code'], params: Record<string, unknown> = {}, fields?: NamedField[]) => blocks.push({ code, message: translate(locale, messageKeys[code], params), ...(fields && { fields }) });
  if (!mayTake(actor, transition, { assignee, values, stageActors })) block('not_allowed');
  const missing = missingFields(requiredFieldsOf(definition, transition), values).map((key) => ({ key, label: labelOf(key) }));
  if (missing.length) block('fields_missing', { field: missing.map((field) => inLocale(field.label)).join(locale === 'zh-CN' ? '、' : ', ') }, missing);
  if (!conditionHolds(conditions, transition, values)) block('condition_not_met', { transition: inLocale(transition.label) });
  if (approvalPending) block('approval_pending');
  return blocks;
}
