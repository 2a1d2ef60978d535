import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiRefusal, mobileApi, type MobileMe, type MobileServiceType, type MobileWorkOrder } from './mobile-api.ts';
import { indexedOutbox, localStore, type KeptRefusal } from './local-store.ts';
import { flushOutbox, withPendingSteps, type OutboxOperation } from './outbox.ts';

/** How often the app tries the outbox while it is open (besides on start, on `online`, and after a write). */
export const syncEveryMs = 30_000;

export type OrderView = ReturnType<typeof withPendingSteps<MobileWorkOrder>>;

/**
 * The engineer app's state: who is signed in (the console's session cookie, else the last one
 * seen on this phone while offline), the orders from IndexedDB with the waiting steps applied,
 * the outbox and the refused operations, and a sync that runs one at a time.
 */
export function useFieldEngineer() {
  const [me, setMe] = useState<MobileMe | null | undefined>(undefined);
  const [orders, setOrders] = useState<MobileWorkOrder[]>([]);
  const [serviceTypes, setServiceTypes] = useState<MobileServiceType[]>([]);
  const [queue, setQueue] = useState<OutboxOperation[]>([]);
  const [refused, setRefused] = useState<KeptRefusal[]>([]);
  const [online, setOnline] = useState(navigator.onLine);
  const [syncing, setSyncing] = useState(false);
  const [lastSynced, setLastSynced] = useState<string | undefined>();
  const running = useRef(false);
  const again = useRef(false);

  const reload = useCallback(async () => {
    const [o, q, r, t, l] = await Promise.all([localStore.orders(), indexedOutbox.pending(), localStore.refused(), localStore.serviceTypes(), localStore.lastSynced()]);
    setOrders(o);
    setQueue(q);
    setRefused(r);
    setServiceTypes(t);
    setLastSynced(l);
  }, []);

  const sync = useCallback(async () => {
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = true;
    setSyncing(true);
    try {
      do {
        again.current = false;
        await flushOutbox(indexedOutbox, mobileApi);
        const [list, types] = await Promise.all([mobileApi.myOrders(), mobileApi.serviceTypes()]);
        await localStore.replaceOrders(list);
        await localStore.setServiceTypes(types);
        await localStore.setLastSynced(new Date().toISOString());
      } while (again.current);
    } catch (error) {
      if (error instanceof ApiRefusal && error.status === 401) setMe(null);
      // Otherwise no answer: everything stays queued for the next try.
    } finally {
      running.current = false;
      setSyncing(false);
      await reload();
    }
  }, [reload]);

  useEffect(() => {
    void (async () => {
      await reload();
      const cached = await localStore.me();
      try {
        const current = await mobileApi.me();
        await localStore.setMe(current);
        setMe(current);
        void sync();
      } catch (error) {
        // Offline: the phone's last session (the cookie is still there for when it is back).
        setMe(error instanceof ApiRefusal ? null : (cached ?? null));
      }
    })();
    const goOnline = () => {
      setOnline(true);
      void sync();
    };
    const goOffline = () => setOnline(false);
    window.addEventListener('online', goOnline);
    window.addEventListener('offline', goOffline);
    const timer = window.setInterval(() => navigator.onLine && void sync(), syncEveryMs);
    return () => {
      window.removeEventListener('online', goOnline);
      window.removeEventListener('offline', goOffline);
      window.clearInterval(timer);
    };
  }, [reload, sync]);

  const enqueue = useCallback(async (operations: OutboxOperation[], blobs: Array<{ clientId: string; blob: Blob }> = []) => {
    await localStore.enqueue(operations, blobs);
    await reload();
    if (navigator.onLine) void sync();
  }, [reload, sync]);

  const signedIn = useCallback(async (who: MobileMe) => {
    await localStore.setMe(who);
    setMe(who);
    await sync();
  }, [sync]);

  const signOut = useCallback(async () => {
    await mobileApi.signOut().catch(() => undefined);
    await localStore.forgetMe();
    setMe(null);
  }, []);

  const dismiss = useCallback(async (opId: string) => {
    await localStore.dismissRefused(opId);
    await reload();
  }, [reload]);

  const views = useMemo(() => orders.map((order) => withPendingSteps(order, queue)), [orders, queue]);
  return { me, orders: views, serviceTypes, queue, refused, online, syncing, lastSynced, sync, enqueue, signedIn, signOut, dismiss };
}

export type FieldEngineer = ReturnType<typeof useFieldEngineer>;
