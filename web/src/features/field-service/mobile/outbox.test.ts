import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextStatus, type WorkOrderStatus } from '../../../../../src/modules/field-service/work-order-status.ts';
import { flushOutbox, withPendingSteps, type OutboxOperation, type OutboxStore, type OutboxTransport, type RefusedOperation, type StepOperation, type SyncOperation } from './outbox.ts';

/** An in-memory outbox store, as local-store.ts keeps it in IndexedDB. */
function memoryStore(operations: OutboxOperation[], blobs: Record<string, Blob> = {}) {
  const queue = [...operations];
  const refused: RefusedOperation[] = [];
  const uploaded = new Map<string, string>();
  const store: OutboxStore = {
    pending: async () => [...queue],
    remove: async (opId) => void queue.splice(queue.findIndex((o) => o.opId === opId), 1),
    refuse: async (r) => void refused.push(r),
    blob: async (clientId) => blobs[clientId],
    uploadedId: async (clientId) => uploaded.get(clientId),
    rememberUpload: async (clientId, id) => void uploaded.set(clientId, id),
  };
  return { store, queue, refused };
}

/** A server that follows the lifecycle table, remembers opIds, and can lose an answer or go away. */
function fakeServer(orders: Record<string, { status: WorkOrderStatus; engineerId: string }>, me = 'engineer-1') {
  const applied: SyncOperation[] = [];
  const seen = new Set<string>();
  const uploads = new Map<string, string>();
  let loseAnswers = false;
  let offline = false;
  const transport: OutboxTransport = {
    async sync(operations) {
      if (offline) throw new TypeError('Failed to fetch');
      const answers = operations.map((op) => {
        const order = orders[op.workOrderId]!;
        if (seen.has(op.opId)) return { opId: op.opId, outcome: 'duplicate' as const, code: null, status: order.status, engineerId: order.engineerId };
        const to = nextStatus(order.status, op.type);
        if (order.engineerId !== me) return { opId: op.opId, outcome: 'conflict' as const, code: 'work_order.reassigned', status: order.status, engineerId: order.engineerId };
        if (!to) return { opId: op.opId, outcome: 'conflict' as const, code: 'work_order.step_not_allowed', status: order.status, engineerId: order.engineerId };
        seen.add(op.opId);
        order.status = to;
        applied.push(op);
        return { opId: op.opId, outcome: 'applied' as const, code: null, status: to, engineerId: order.engineerId };
      });
      if (loseAnswers) throw new TypeError('Failed to fetch (the answer was lost)');
      return answers;
    },
    async upload(op) {
      if (offline) throw new TypeError('Failed to fetch');
      const known = uploads.get(op.opId);
      if (known) return { outcome: 'duplicate', id: known };
      const id = `attachment-${uploads.size + 1}`;
      uploads.set(op.opId, id);
      return { outcome: 'applied', id };
    },
  };
  return { transport, applied, uploads, setLoseAnswers: (v: boolean) => (loseAnswers = v), setOffline: (v: boolean) => (offline = v) };
}

const at = '2026-12-07T10:00:00.000Z';
let counter = 0;
const step = (workOrderId: string, type: StepOperation['type'], extra: Partial<StepOperation> = {}): StepOperation => ({ kind: 'step', opId: `op-${++counter}`, workOrderId, type, at, ...extra });

test('operations reach the server in the order they were made, uploads before the report that names them', async () => {
  const server = fakeServer({ a: { status: 'dispatched', engineerId: 'engineer-1' } });
  const photo = { kind: 'upload' as const, opId: 'photo-1', workOrderId: 'a', uploadKind: 'photo' as const, filename: 'p.jpg', at };
  const report = step('a', 'report', { report: { fault: '不制冷', cause: '缺氟', action: '加氟', fields: {}, parts: [], labourMinutes: 30, photoClientIds: ['photo-1'], signatureClientId: null, rating: 5 } });
  const ops = [step('a', 'accept'), step('a', 'depart', { lat: 36.6, lng: 101.7 }), step('a', 'arrive', { lat: 36.6, lng: 101.7 }), step('a', 'start'), photo, report, step('a', 'finish', { lat: 36.6, lng: 101.7 })];
  const { store, queue, refused } = memoryStore(ops, { 'photo-1': new Blob(['jpeg']) });
  const summary = await flushOutbox(store, server.transport);
  assert.deepEqual(summary, { sent: 7, refused: 0 });
  assert.deepEqual(server.applied.map((op) => op.type), ['accept', 'depart', 'arrive', 'start', 'report', 'finish']);
  assert.deepEqual(server.applied[4]!.report!.photoIds, ['attachment-1'], 'the photo\'s client id became the server\'s attachment id');
  assert.equal(queue.length, 0);
  assert.equal(refused.length, 0);
});

test('a replay after a lost answer writes nothing twice: the server says duplicate and the outbox empties', async () => {
  const server = fakeServer({ a: { status: 'dispatched', engineerId: 'engineer-1' } });
  const { store, queue } = memoryStore([step('a', 'accept'), step('a', 'depart', { lat: 1, lng: 1 })]);
  server.setLoseAnswers(true);
  await assert.rejects(flushOutbox(store, server.transport));
  assert.equal(queue.length, 2, 'nothing removed without an answer');
  server.setLoseAnswers(false);
  assert.deepEqual(await flushOutbox(store, server.transport), { sent: 2, refused: 0 });
  assert.equal(server.applied.length, 2, 'each step applied once');
  assert.equal(queue.length, 0);
});

test('offline: the flush stops and keeps every operation for the next try', async () => {
  const server = fakeServer({ a: { status: 'dispatched', engineerId: 'engineer-1' } });
  const { store, queue } = memoryStore([{ kind: 'upload', opId: 'sig-1', workOrderId: 'a', uploadKind: 'signature', filename: 's.png', at }, step('a', 'accept')], { 'sig-1': new Blob(['png']) });
  server.setOffline(true);
  await assert.rejects(flushOutbox(store, server.transport));
  assert.deepEqual(queue.map((o) => o.opId), ['sig-1', queue[1]!.opId]);
});

test('a conflict (reassigned while offline) is kept with the server\'s reason, and the other orders\' steps still go', async () => {
  const server = fakeServer({ a: { status: 'accepted', engineerId: 'engineer-2' }, b: { status: 'dispatched', engineerId: 'engineer-1' } });
  const depart = step('a', 'depart', { lat: 1, lng: 1 });
  const { store, queue, refused } = memoryStore([depart, step('b', 'accept')]);
  assert.deepEqual(await flushOutbox(store, server.transport), { sent: 1, refused: 1 });
  assert.equal(queue.length, 0);
  assert.deepEqual(refused, [{ operation: depart, outcome: 'conflict', code: 'work_order.reassigned', status: 'accepted', engineerId: 'engineer-2' }]);
  assert.deepEqual(server.applied.map((op) => op.workOrderId), ['b']);
});

test('more than a batch goes in several requests, in order', async () => {
  const orders: Record<string, { status: WorkOrderStatus; engineerId: string }> = {};
  const ops: StepOperation[] = [];
  for (let i = 0; i < 250; i += 1) {
    orders[`o${i}`] = { status: 'dispatched', engineerId: 'engineer-1' };
    ops.push(step(`o${i}`, 'accept'));
  }
  const server = fakeServer(orders);
  const { store } = memoryStore(ops);
  assert.deepEqual(await flushOutbox(store, server.transport), { sent: 250, refused: 0 });
  assert.deepEqual(server.applied.map((op) => op.opId), ops.map((op) => op.opId));
});

test('the local copy shows waiting steps applied by the lifecycle table', () => {
  const queue = [step('a', 'accept'), step('a', 'depart', { lat: 1, lng: 1 }), step('b', 'accept')];
  const view = withPendingSteps({ id: 'a', status: 'dispatched' as WorkOrderStatus }, queue);
  assert.equal(view.status, 'departed');
  assert.equal(view.pending, 2);
});
