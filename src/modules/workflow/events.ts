import { z } from 'zod';
import { defineEvent } from '../../jobs/event-definition.js';

/**
 * The workflow module's domain events. Definition changes are the audit trail of 设置 › 流程
 * (who saved, published or imported what); instance events come with the process engine's runs.
 */
const processFacts = { key: z.string(), ticketType: z.string() };

export const processCreated = defineEvent({ name: 'workflow.process_created', version: 1, aggregate: 'process', payload: processFacts });
/** The draft or the name changed; `changes` names which. */
export const processChanged = defineEvent({ name: 'workflow.process_changed', version: 1, aggregate: 'process', payload: { ...processFacts, changes: z.array(z.string()) } });
/** A new immutable version; new tickets of the type start on it. */
export const processPublished = defineEvent({ name: 'workflow.process_published', version: 1, aggregate: 'process', payload: { ...processFacts, version: z.number().int() } });
/** A definition came in as JSON (from another installation): created, or the draft replaced. */
export const processImported = defineEvent({ name: 'workflow.process_imported', version: 1, aggregate: 'process', payload: { ...processFacts, created: z.boolean() } });

/** A ticket started on a process version; `stages`: where its tokens wait. Aggregate: the ticket. */
export const processStarted = defineEvent({ name: 'workflow.process_started', version: 1, aggregate: 'ticket', payload: { processId: z.string(), version: z.number().int(), stages: z.array(z.string()) } });
/** A transition was taken on a ticket (cause `process:<id>`): from which stage, the stages entered, the fields it wrote, the reason of a return. */
export const transitionTaken = defineEvent({
  name: 'workflow.transition_taken',
  version: 1,
  aggregate: 'ticket',
  payload: { processId: z.string(), version: z.number().int(), transition: z.string(), from: z.string(), entered: z.array(z.string()), fields: z.array(z.string()), reason: z.string().optional(), completed: z.boolean() },
});

/**
 * Approvals (审批, issue 19 §2), all with the ticket as aggregate and cause `process:<id>`.
 * Requested: a transition waits for its plan (the mode, the tier chosen, who was asked).
 */
export const approvalRequested = defineEvent({
  name: 'workflow.approval_requested',
  version: 1,
  aggregate: 'ticket',
  payload: { processId: z.string(), requestId: z.string(), transition: z.string(), from: z.string(), mode: z.string(), tier: z.number().int().nullable(), approvers: z.array(z.string()), attention: z.array(z.string()) },
});
/** One approver's decision; `outcome`: the request's status after it (pending until the plan is decided); `channel` 'link' when decided through a signed link in the approver's email (absent: the console or the API). */
export const approvalDecided = defineEvent({
  name: 'workflow.approval_decided',
  version: 1,
  aggregate: 'ticket',
  payload: { processId: z.string(), requestId: z.string(), transition: z.string(), decision: z.enum(['approve', 'reject', 'return']), reason: z.string().optional(), delegatedFrom: z.string().optional(), outcome: z.enum(['pending', 'approved', 'rejected', 'returned']), channel: z.literal('link').optional() },
});
/** A signer added (加签) by an approver or an admin. */
export const approvalSignerAdded = defineEvent({ name: 'workflow.approval_signer_added', version: 1, aggregate: 'ticket', payload: { processId: z.string(), requestId: z.string(), signer: z.string() } });
/** A step moved to someone else: its approver was deactivated (to their team's lead) or an admin reassigned it. */
export const approvalReassigned = defineEvent({
  name: 'workflow.approval_reassigned',
  version: 1,
  aggregate: 'ticket',
  payload: { processId: z.string(), requestId: z.string(), from: z.string().nullable(), to: z.string(), why: z.enum(['deactivated', 'admin']) },
});
/** A request nobody can move on alone (an approver left without a lead, or none was found): admins are to reassign it. */
export const approvalNeedsAttention = defineEvent({ name: 'workflow.approval_needs_attention', version: 1, aggregate: 'ticket', payload: { processId: z.string(), requestId: z.string(), attention: z.array(z.string()) } });
/** A user set (or cleared: substitute null) who approves for them while away (代理审批). Aggregate: the user. */
export const approvalDelegateChanged = defineEvent({ name: 'workflow.approval_delegate_changed', version: 1, aggregate: 'user', payload: { substituteId: z.string().nullable(), startsAt: z.string().nullable(), endsAt: z.string().nullable() } });
/** An admin moved a running ticket from one published version to another: each token's stage before and after. */
export const instanceMigrated = defineEvent({
  name: 'workflow.instance_migrated',
  version: 1,
  aggregate: 'ticket',
  payload: { processId: z.string(), fromVersion: z.number().int(), toVersion: z.number().int(), stages: z.array(z.object({ from: z.string(), to: z.string() })) },
});
