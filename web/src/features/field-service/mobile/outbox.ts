import { nextStatus, type WorkOrderStatus, type WorkOrderStepType } from '../../../../../src/modules/field-service/work-order-status.ts';

/**
 * The engineer app's outbox: every write is an operation with a client-made id, kept on the phone
 * until the server answered it. Pure logic over a store and a transport so it is tested without a
 * browser (outbox.test.ts); the IndexedDB store is local-store.ts, the HTTP transport mobile-api.ts.
 *
 * Rules: operations leave in the order they were made; one is removed only once the server
 * answered it (applied or duplicate — a replay after a lost answer writes nothing twice); one the
 * server refused (conflict, e.g. reassigned meanwhile; invalid; forbidden; not found) moves to the
 * kept "未同步/冲突" list with the server's reason, never dropped; no answer (offline) stops the
 * flush and keeps everything for the next try.
 */

export type ReportDraft = {
  fault: string;
  cause: string;
  action: string;
  fields: Record<string, unknown>;
  parts: Array<{ name: string; model: string | null; quantity: number }>;
  labourMinutes: number | null;
  /** Client ids of the photos (queued uploads before this operation). */
  photoClientIds: string[];
  signatureClientId: string | null;
  rating: number | null;
};

export type StepOperation = {
  kind: 'step';
  opId: string;
  workOrderId: string;
  type: WorkOrderStepType;
  /** The phone's clock when it happened (ISO). */
  at: string;
  lat?: number;
  lng?: number;
  reason?: string;
  report?: ReportDraft;
};

/** A photo or signature; its bytes wait in the store under `opId`, which is also its clientId. */
export type UploadOperation = { kind: 'upload'; opId: string; workOrderId: string; uploadKind: 'photo' | 'signature'; filename: string; at: string };

export type OutboxOperation = StepOperation | UploadOperation;

export type RefusedOutcome = 'conflict' | 'invalid' | 'forbidden' | 'not_found';
export type RefusedOperation = {
  operation: OutboxOperation;
  outcome: RefusedOutcome;
  code: string | null;
  /** The order as the server has it (conflict): its status and engineer. */
  status: string | null;
  engineerId: string | null;
};

/** What the sync endpoint takes for one step (POST /api/v1/work-orders/sync). */
export type SyncOperation = Omit<StepOperation, 'kind' | 'report'> & {
  report?: Omit<ReportDraft, 'photoClientIds' | 'signatureClientId'> & { photoIds: string[]; signatureId: string | null };
};
export type SyncAnswer = { opId: string; outcome: 'applied' | 'duplicate' | RefusedOutcome; code: string | null; status: string | null; engineerId: string | null };
export type UploadAnswer = { outcome: 'applied' | 'duplicate'; id: string } | { outcome: RefusedOutcome; code: string | null };

export interface OutboxStore {
  /** Waiting operations, oldest first. */
  pending(): Promise<OutboxOperation[]>;
  remove(opId: string): Promise<void>;
  refuse(refused: RefusedOperation): Promise<void>;
  blob(clientId: string): Promise<Blob | undefined>;
  uploadedId(clientId: string): Promise<string | undefined>;
  rememberUpload(clientId: string, attachmentId: string): Promise<void>;
}

/** Throws when there is no answer (offline, server down): the flush stops and keeps the rest. */
export interface OutboxTransport {
  sync(operations: SyncOperation[]): Promise<SyncAnswer[]>;
  upload(operation: UploadOperation, file: Blob): Promise<UploadAnswer>;
}

export const syncBatchSize = 100;

export type FlushSummary = { sent: number; refused: number };

/** Send what waits, in order, until the outbox is empty or there is no answer (then it throws). */
export async function flushOutbox(store: OutboxStore, transport: OutboxTransport): Promise<FlushSummary> {
  const summary: FlushSummary = { sent: 0, refused: 0 };
  for (;;) {
    const queue = await store.pending();
    const head = queue[0];
    if (!head) return summary;
    if (head.kind === 'upload') {
      const file = await store.blob(head.opId);
      const answer: UploadAnswer = file ? await transport.upload(head, file) : { outcome: 'invalid', code: 'attachment.missing_file' };
      if ('id' in answer) {
        await store.rememberUpload(head.opId, answer.id);
        summary.sent += 1;
      } else {
        await store.refuse({ operation: head, outcome: answer.outcome, code: answer.code, status: null, engineerId: null });
        summary.refused += 1;
      }
      await store.remove(head.opId);
      continue;
    }
    const run: StepOperation[] = [];
    for (const operation of queue) {
      if (operation.kind !== 'step' || run.length === syncBatchSize) break;
      run.push(operation);
    }
    const body = await Promise.all(run.map((operation) => toSyncOperation(store, operation)));
    const answers = await transport.sync(body);
    for (const operation of run) {
      const answer = answers.find((a) => a.opId === operation.opId);
      // An operation the server did not answer stays queued (it never drops one silently).
      if (!answer) return summary;
      if (answer.outcome === 'applied' || answer.outcome === 'duplicate') summary.sent += 1;
      else {
        await store.refuse({ operation, outcome: answer.outcome, code: answer.code, status: answer.status, engineerId: answer.engineerId });
        summary.refused += 1;
      }
      await store.remove(operation.opId);
    }
  }
}

async function toSyncOperation(store: OutboxStore, operation: StepOperation): Promise<SyncOperation> {
  // Only the fields the server knows: its schema is strict.
  const { opId, workOrderId, type, at, lat, lng, reason, report } = operation;
  const step: SyncOperation = { opId, workOrderId, type, at, lat, lng, reason };
  if (!report) return step;
  const { photoClientIds, signatureClientId, ...rest } = report;
  // A photo whose upload was refused is in the kept list already; the report goes without it.
  const photoIds = (await Promise.all(photoClientIds.map((clientId) => store.uploadedId(clientId)))).filter((id): id is string => Boolean(id));
  const signatureId = signatureClientId ? ((await store.uploadedId(signatureClientId)) ?? null) : null;
  return { ...step, report: { ...rest, photoIds, signatureId } };
}

/**
 * The order as the engineer sees it: the server's last copy with the waiting steps applied by the
 * same lifecycle table the server uses (the server still decides; a refusal shows in the kept list).
 */
export function withPendingSteps<T extends { id: string; status: WorkOrderStatus }>(order: T, queue: readonly OutboxOperation[]): T & { pending: number; draftReport: ReportDraft | null } {
  let status = order.status;
  let pending = 0;
  let draftReport: ReportDraft | null = null;
  for (const operation of queue) {
    if (operation.workOrderId !== order.id) continue;
    pending += 1;
    if (operation.kind !== 'step') continue;
    status = nextStatus(status, operation.type) ?? status;
    if (operation.report) draftReport = operation.report;
  }
  return { ...order, status, pending, draftReport };
}
