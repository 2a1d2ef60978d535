import { z } from 'zod';
import { invalidField } from '../../app/errors.js';
import { formatPhone, normalisePhone } from '../customers/index.js';

/** A phone call as agents log it and telephony systems push it. */
export const callFields = {
  direction: z.enum(['inbound', 'outbound']),
  /** The customer's number: the caller of an inbound call, the number dialled on an outbound one. Any format. */
  callerNumber: z.string().trim().min(3).max(40),
  durationSeconds: z.number().int().min(0).max(86_400),
  /** A link to the recording in the telephony system; https only. */
  recordingUrl: z.url({ protocol: /^https$/, hostname: z.regexes.hostname }).max(2000).optional(),
  startedAt: z.iso.datetime({ offset: true }).optional(),
};

export type CallInput = {
  direction: 'inbound' | 'outbound';
  callerNumber: string;
  durationSeconds: number;
  recordingUrl?: string;
  startedAt?: string;
  summary?: string;
};

/** What is kept on the message as `meta.call` (the console's timeline shows it). */
export type CallRecord = {
  direction: 'inbound' | 'outbound';
  number: string;
  durationSeconds: number;
  missed: boolean;
  recordingUrl: string | null;
  startedAt: string;
  callId?: string;
  contactId?: string | null;
};

export function normaliseCaller(raw: string): { e164: string; display: string } {
  const e164 = normalisePhone(raw);
  if (!e164) throw invalidField('callerNumber', 'identity.invalid_phone');
  return { e164, display: formatPhone(e164) };
}

export function callRecordOf(input: CallInput, e164: string, extra: { callId?: string; contactId?: string | null } = {}): CallRecord {
  return {
    direction: input.direction,
    number: e164,
    durationSeconds: input.durationSeconds,
    missed: input.direction === 'inbound' && input.durationSeconds === 0,
    recordingUrl: input.recordingUrl ?? null,
    startedAt: input.startedAt ? new Date(input.startedAt).toISOString() : new Date().toISOString(),
    ...extra,
  };
}

/** The message text when the call has no summary: "来电 138 0013 8000，3分20秒". */
export function callHeadline(call: CallRecord, display: string): string {
  const kind = call.missed ? '未接来电' : call.direction === 'inbound' ? '来电' : '去电';
  const m = Math.floor(call.durationSeconds / 60);
  const s = call.durationSeconds % 60;
  return call.missed ? `${kind} ${display}` : `${kind} ${display}，${m ? `${m}分` : ''}${s}秒`;
}
