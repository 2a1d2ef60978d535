import type { WriteRules } from '../../app/write-rules.js';
import type { Database } from '../../db/database.js';
import { lookupContact } from '../customers/index.js';
import { findOpenTicketOfRequester, receiveInboundMessage, type AttachmentStore, type InboundResult } from '../tickets/index.js';
import { callHeadline, callRecordOf, normaliseCaller, type CallInput } from './call-record.js';

export type CtiCall = CallInput & { callId: string };

/**
 * A call record pushed by a telephony system, stored once per call id. A number with a ticket
 * still being worked joins its newest one (reopening it if pending); otherwise a new phone
 * ticket is made, and a missed inbound call (0 s) is tagged `missed_call` so someone calls back.
 */
export async function ingestCall(database: Database, input: CtiCall, options: { timeZone: string; store: AttachmentStore } & WriteRules): Promise<InboundResult> {
  const { e164, display } = normaliseCaller(input.callerNumber);
  const contact = await lookupContact(database.db, { kind: 'phone', value: e164 });
  const openTicketId = contact ? await findOpenTicketOfRequester(database.db, contact.id) : null;
  const call = callRecordOf(input, e164, { callId: input.callId });
  const headline = callHeadline(call, display);
  return receiveInboundMessage(
    database,
    {
      channel: 'phone',
      externalId: input.callId,
      ticketId: openTicketId,
      requester: { phone: e164 },
      subject: headline,
      body: input.summary?.trim() || headline,
      meta: { call },
      newTicket: { tags: call.missed ? ['missed_call'] : [] },
    },
    options,
  );
}
