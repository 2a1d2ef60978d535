/**
 * What the email channel uses of the tickets module, in one place. Until the tickets module's
 * inbound-messages base is merged these resolve at call time.
 */
import * as tickets from '../tickets/index.js';
import type { Database, Db } from '../../db/database.js';
import type { ContactRef } from '../customers/index.js';

export type InboundAttachment = { filename: string; contentType?: string; content: Buffer; contentId?: string };
export type InboundMessage = {
  channel: 'email';
  externalId: string;
  ticketId?: string | null;
  requester: ContactRef;
  subject: string;
  body: string;
  bodyHtml?: string | null;
  meta?: Record<string, unknown>;
  attachments?: InboundAttachment[];
  newTicket?: { teamId?: string };
};
export type InboundResult = { ticketId: string; ticketNumber: string; messageId: string | null; createdTicket: boolean; duplicate: boolean };
export type DeliveryResult = { status: 'sent' | 'failed'; error?: string; meta?: Record<string, unknown> };
export type Store = { open(sha256: string): Promise<{ stream: import('node:stream').Readable }> };
export type DeliverableMessage = {
  id: string;
  ticketId: string;
  ticketNumber: string;
  ticketSubject: string;
  teamId: string | null;
  requesterId: string | null;
  body: string;
  attachments: Array<{ filename: string; contentType: string; sha256: string }>;
};

const api = tickets as unknown as Record<string, (...args: unknown[]) => unknown>;
const call = <T>(name: string, ...args: unknown[]): T => {
  const fn = api[name];
  if (!fn) throw new Error(`tickets.${name} is not available yet (tickets: inbound messages base not merged)`);
  return fn(...args) as T;
};

export const receiveInboundMessage = (database: Database, input: InboundMessage, options: { timeZone: string; store: unknown }) => call<Promise<InboundResult>>('receiveInboundMessage', database, input, options);
export const recordDelivery = (database: Database, messageId: string, result: DeliveryResult) => call<Promise<void>>('recordDelivery', database, messageId, result);
export const attachmentStoreIn = (dataDir: string) => call<Store>('attachmentStoreIn', dataDir);
export const getDeliverableMessage = (db: Db, messageId: string) => call<Promise<DeliverableMessage | null>>('getDeliverableMessage', db, messageId);
