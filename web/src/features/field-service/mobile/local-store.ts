import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { OutboxOperation, OutboxStore, RefusedOperation } from './outbox.ts';
import type { MobileMe, MobileServiceType, MobileWorkOrder } from './mobile-api.ts';

/**
 * The phone's copy, in IndexedDB through idb: the engineer's orders as the server last sent them,
 * the outbox (in the order made), the photos' and signatures' bytes until uploaded, the refused
 * operations (kept until the engineer dismisses them), and who is signed in.
 */
interface MobileDb extends DBSchema {
  orders: { key: string; value: MobileWorkOrder };
  outbox: { key: number; value: OutboxOperation & { seq?: number }; indexes: { opId: string } };
  blobs: { key: string; value: Blob };
  uploads: { key: string; value: string };
  refused: { key: string; value: KeptRefusal };
  meta: { key: string; value: unknown };
}

/** A refusal as kept on the phone: when, and the order's number (the order may leave the list, e.g. reassigned). */
export type KeptRefusal = RefusedOperation & { refusedAt: string; number: string | null };

let opened: Promise<IDBPDatabase<MobileDb>> | undefined;
function db(): Promise<IDBPDatabase<MobileDb>> {
  opened ??= openDB<MobileDb>('opencsm-field-engineer', 1, {
    upgrade(database) {
      database.createObjectStore('orders', { keyPath: 'id' });
      database.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true }).createIndex('opId', 'opId', { unique: true });
      database.createObjectStore('blobs');
      database.createObjectStore('uploads');
      database.createObjectStore('refused', { keyPath: 'operation.opId' });
      database.createObjectStore('meta');
    },
  });
  return opened;
}

export const localStore = {
  async me(): Promise<MobileMe | undefined> {
    return (await (await db()).get('meta', 'me')) as MobileMe | undefined;
  },
  /** Another engineer on this phone starts from an empty copy (an unsent outbox stays theirs: kept). */
  async setMe(me: MobileMe): Promise<void> {
    const database = await db();
    const previous = (await database.get('meta', 'me')) as MobileMe | undefined;
    if (previous && previous.id !== me.id) await database.clear('orders');
    await database.put('meta', me, 'me');
  },
  async forgetMe(): Promise<void> {
    await (await db()).delete('meta', 'me');
  },
  async serviceTypes(): Promise<MobileServiceType[]> {
    return ((await (await db()).get('meta', 'serviceTypes')) as MobileServiceType[] | undefined) ?? [];
  },
  async setServiceTypes(types: MobileServiceType[]): Promise<void> {
    await (await db()).put('meta', types, 'serviceTypes');
  },
  async orders(): Promise<MobileWorkOrder[]> {
    return (await db()).getAll('orders');
  },
  /** The server's list replaces the copy (orders taken away from the engineer disappear). */
  async replaceOrders(orders: MobileWorkOrder[]): Promise<void> {
    const tx = (await db()).transaction('orders', 'readwrite');
    await tx.store.clear();
    await Promise.all(orders.map((order) => tx.store.put(order)));
    await tx.done;
  },
  /** Queue operations (with their bytes) in one transaction: all or none. */
  async enqueue(operations: OutboxOperation[], blobs: Array<{ clientId: string; blob: Blob }> = []): Promise<void> {
    const tx = (await db()).transaction(['outbox', 'blobs'], 'readwrite');
    for (const { clientId, blob } of blobs) await tx.objectStore('blobs').put(blob, clientId);
    for (const operation of operations) await tx.objectStore('outbox').add(operation);
    await tx.done;
  },
  async refused(): Promise<KeptRefusal[]> {
    return (await db()).getAll('refused');
  },
  async dismissRefused(opId: string): Promise<void> {
    await (await db()).delete('refused', opId);
  },
  async lastSynced(): Promise<string | undefined> {
    return (await (await db()).get('meta', 'lastSynced')) as string | undefined;
  },
  async setLastSynced(at: string): Promise<void> {
    await (await db()).put('meta', at, 'lastSynced');
  },
};

/** The outbox's store in IndexedDB. */
export const indexedOutbox: OutboxStore = {
  async pending() {
    // The store's own key (seq) keeps the order; the operation itself is what was queued.
    return (await (await db()).getAll('outbox')).map(({ seq: _seq, ...operation }) => operation);
  },
  async remove(opId) {
    const database = await db();
    const key = await database.getKeyFromIndex('outbox', 'opId', opId);
    if (key !== undefined) await database.delete('outbox', key);
  },
  async refuse(refused) {
    const database = await db();
    const order = await database.get('orders', refused.operation.workOrderId);
    await database.put('refused', { ...refused, refusedAt: new Date().toISOString(), number: order?.number ?? null });
  },
  async blob(clientId) {
    return (await db()).get('blobs', clientId);
  },
  async uploadedId(clientId) {
    return (await db()).get('uploads', clientId);
  },
  async rememberUpload(clientId, attachmentId) {
    const tx = (await db()).transaction(['uploads', 'blobs'], 'readwrite');
    await tx.objectStore('uploads').put(attachmentId, clientId);
    // The server has the bytes now: the phone's copy goes.
    await tx.objectStore('blobs').delete(clientId);
    await tx.done;
  },
};
