import type { FieldOption, Label } from '../../../../../src/forms/definition.ts';
import type { components } from '../../../shared/api/schema';
import type { SyncAnswer, SyncOperation, UploadAnswer, UploadOperation } from './outbox.ts';

/** The engineer app talks to the API with fetch (no console client, to stay small); same cookie. */
export type MobileWorkOrder = components['schemas']['WorkOrder'];
/** A report field as the app reads it (the generated schema cannot spell its nested options). */
export type MobileReportField = { key: string; label: Label; type: string; options?: FieldOption[]; archived: boolean };
export type MobileServiceType = Omit<components['schemas']['ServiceType'], 'forms'> & { forms: { reportFields: MobileReportField[] } | null };
export type MobileMe = { id: string; name: string; email: string; role: string; locale: string };

/** The server answered with an error status (as opposed to no answer at all, which throws a TypeError). */
export class ApiRefusal extends Error {
  constructor(readonly status: number, readonly code: string | null) {
    super(`HTTP ${status}${code ? ` ${code}` : ''}`);
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) throw new ApiRefusal(response.status, (json as { code?: string } | undefined)?.code ?? null);
  return json as T;
}

export const mobileApi = {
  me: () => call<MobileMe>('GET', '/api/v1/me'),
  signIn: (email: string, password: string) => call<MobileMe>('POST', '/api/v1/auth/login', { email, password }),
  signOut: () => call<void>('POST', '/api/v1/auth/logout'),
  /** The engineer's own orders (the server lists only those for the field_engineer role). */
  myOrders: async () => (await call<{ items: MobileWorkOrder[] }>('GET', '/api/v1/work-orders?mine=true&limit=200')).items,
  serviceTypes: async () => (await call<{ items: MobileServiceType[] }>('GET', '/api/v1/service-types')).items,
  async sync(operations: SyncOperation[]): Promise<SyncAnswer[]> {
    try {
      return (await call<{ results: SyncAnswer[] }>('POST', '/api/v1/work-orders/sync', { operations })).results;
    } catch (error) {
      // A batch the server cannot read at all (400) would block the outbox for ever: its operations
      // go to the kept list as invalid, with the server's code, instead of waiting silently.
      if (error instanceof ApiRefusal && error.status === 400) return operations.map((op) => ({ opId: op.opId, outcome: 'invalid', code: error.code, status: null, engineerId: null }));
      throw error;
    }
  },
  async upload(operation: UploadOperation, file: Blob): Promise<UploadAnswer> {
    const form = new FormData();
    form.append('file', file, operation.filename);
    const response = await fetch(`/api/v1/work-orders/${operation.workOrderId}/attachments?clientId=${operation.opId}&kind=${operation.uploadKind}`, { method: 'POST', body: form, credentials: 'same-origin' });
    const json = (await response.json().catch(() => ({}))) as { id?: string; code?: string };
    if (response.status === 200 || response.status === 201) return { outcome: response.status === 201 ? 'applied' : 'duplicate', id: json.id! };
    // Signed out or the server failing: no answer for the outbox; it tries again later.
    if (response.status === 401 || response.status >= 500 || response.status === 429) throw new ApiRefusal(response.status, json.code ?? null);
    return { outcome: response.status === 404 ? 'not_found' : response.status === 403 ? 'forbidden' : response.status === 409 ? 'conflict' : 'invalid', code: json.code ?? null };
  },
};
