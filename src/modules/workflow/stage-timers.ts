import type { Tx } from '../../db/database.js';
import type { ProcessDefinition, StageNode } from '../../workflow-model/definition.js';
import { startNamedTimer, stopNamedTimers } from '../sla/index.js';

/** The SLA module's name for the countdown of one token at its stage (the token is the stay: a return re-enters with a new one). */
export const stageTimerKey = (instanceId: string, tokenId: string) => `stage:${instanceId}:${tokenId}`;

/** `stage:<instance>:<token>` read back; null for another owner's key. */
export function parseStageTimerKey(key: string): { instanceId: string; tokenId: string } | null {
  const [owner, instanceId, tokenId] = key.split(':');
  return owner === 'stage' && instanceId && tokenId ? { instanceId, tokenId } : null;
}

/**
 * Tokens entering stages with an SLA target start their stage's timer (issue 19 §1), in the move's
 * transaction: business time of the ticket's calendar, warning at the stage's percent, paused
 * while the ticket's SLA is paused. The SLA module fires it (stage-timer-firings.ts follows).
 */
export async function startStageTimers(tx: Tx, definition: ProcessDefinition, owner: { instanceId: string; ticketId: string }, tokens: ReadonlyArray<{ id: string; node: string }>, at: Date): Promise<void> {
  for (const token of tokens) {
    const stage = definition.nodes.find((node): node is StageNode => node.kind === 'stage' && node.id === token.node);
    if (!stage?.slaTargetMinutes) continue;
    await startNamedTimer(tx, { ticketId: owner.ticketId, key: stageTimerKey(owner.instanceId, token.id), targetMinutes: stage.slaTargetMinutes, at, ...(stage.slaWarningPercent && { warnAtPercent: stage.slaWarningPercent }) });
  }
}

/** Tokens leaving their stages stop its timers in the same transaction: a stage left in time fires nothing. */
export async function stopStageTimers(tx: Tx, instanceId: string, tokenIds: readonly string[]): Promise<void> {
  await stopNamedTimers(tx, tokenIds.map((id) => stageTimerKey(instanceId, id)));
}
