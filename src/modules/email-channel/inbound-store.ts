import { uuidv7 } from 'uuidv7';
import type { Database, Tx } from '../../db/database.js';
import { enqueueJob } from '../../jobs/queue.js';
import { emailInbound } from './schema.js';

export const processInboundJob = 'email.process';

export type InboundMail = {
  source: 'smtp' | 'imap';
  /** IMAP: mailbox, UIDVALIDITY and UID; the same message is stored once however often fetched. */
  sourceKey?: string;
  envelopeFrom: string | null;
  recipients: string[];
  mailboxIds: string[];
  raw: Buffer;
  /** SMTP: the client's address and HELO name, for SPF in the processing job. */
  clientIp?: string | null;
  helo?: string | null;
};

/**
 * The raw message and the job that will turn it into a ticket message, in one transaction. Only
 * after this commits (and on the embedded database, its WAL is on disk) do we acknowledge the mail
 * (SMTP 250, IMAP \Seen): whatever happens next, the job finds the message.
 * Returns false when an IMAP message with this source key was stored before.
 */
export async function storeInbound(database: Database, mail: InboundMail, alsoInTransaction?: (tx: Tx) => Promise<void>): Promise<{ id: string; stored: boolean }> {
  return database.transaction(async (tx) => {
    const id = uuidv7();
    const inserted = await tx
      .insert(emailInbound)
      .values({ id, source: mail.source, sourceKey: mail.sourceKey ?? null, envelopeFrom: mail.envelopeFrom, recipients: mail.recipients, mailboxIds: mail.mailboxIds, raw: mail.raw, size: mail.raw.length, clientIp: mail.clientIp ?? null, helo: mail.helo ?? null })
      .onConflictDoNothing()
      .returning({ id: emailInbound.id });
    await alsoInTransaction?.(tx);
    if (!inserted[0]) return { id, stored: false };
    await enqueueJob(tx, { type: processInboundJob, payload: { inboundId: id }, maxAttempts: 12 });
    return { id, stored: true };
  });
}
