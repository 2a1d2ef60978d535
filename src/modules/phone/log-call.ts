import type { Database } from '../../db/database.js';
import type { Actor } from '../auth/index.js';
import { lookupContact } from '../customers/index.js';
import { addMessage } from '../tickets/index.js';
import { callHeadline, callRecordOf, normaliseCaller, type CallInput } from './call-record.js';

/**
 * An agent logs a call on a ticket: a public `phone` message whose text is the summary and whose
 * `meta.call` holds direction, number (E.164), duration, recording link and the contact the
 * number belongs to. Nothing is delivered; the summary is what the customer sees in the portal.
 */
export async function logCall(database: Database, actor: Actor, ticketId: string, input: CallInput & { summary: string }) {
  const { e164, display } = normaliseCaller(input.callerNumber);
  const contact = await lookupContact(database.db, { kind: 'phone', value: e164 });
  const call = callRecordOf(input, e164, { contactId: contact?.id ?? null });
  const body = input.summary.trim() || callHeadline(call, display);
  return addMessage(database, actor, ticketId, { body, call });
}
