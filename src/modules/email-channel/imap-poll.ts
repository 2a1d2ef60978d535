import { eq } from 'drizzle-orm';
import type { Config } from '../../app/config.js';
import type { Database } from '../../db/database.js';
import { enqueueJob } from '../../jobs/queue.js';
import { pinOutbound } from '../security-settings/index.js';
import type { JobHandler } from '../../jobs/registry.js';
import { storeInbound } from './inbound-store.js';
import { decryptSecret, emailKeys } from './installation-key.js';
import type { MailboxRow } from './mailbox-model.js';
import { imapPollJob } from './mailboxes.js';
import { emailMailboxes } from './schema.js';

const batchSize = 50;

/**
 * IMAP fetching as a due-time job per mailbox (`email.imap.poll`, one pending row per mailbox,
 * re-scheduled by itself). Resumes from the stored UIDVALIDITY and last UID: each message is stored
 * together with the new last UID in one transaction, and only then marked \Seen or moved, so a
 * crash anywhere re-fetches nothing that was stored and loses nothing that was not. A changed
 * UIDVALIDITY starts over from the first UID; the Message-ID receipt keeps that from duplicating.
 */
export function imapPollHandler(config: Config): JobHandler {
  return async (payload, { database, log }) => {
    const mailboxId = String(payload.mailboxId);
    const [mailbox] = await database.db.select().from(emailMailboxes).where(eq(emailMailboxes.id, mailboxId));
    if (!mailbox?.imap || !mailbox.active) return;
    let error: string | null = null;
    let more = false;
    try {
      more = await pollOnce(database, config, mailbox);
    } catch (failure) {
      error = failure instanceof Error ? failure.message : String(failure);
      log.warn({ err: failure, mailboxId }, 'imap poll failed');
    }
    await database.transaction(async (tx) => {
      await tx.update(emailMailboxes).set({ imapLastPolledAt: new Date(), imapLastError: error }).where(eq(emailMailboxes.id, mailboxId));
      const runAt = new Date(Date.now() + (more ? 0 : mailbox.imap!.pollSeconds * 1000));
      await enqueueJob(tx, { type: imapPollJob, payload: { mailboxId }, runAt, dedupeKey: `${imapPollJob}:${mailboxId}` });
    });
  };
}

/** One round against the server; true when more mail is waiting than one batch. */
export async function pollOnce(database: Database, config: Config, mailbox: MailboxRow): Promise<boolean> {
  const settings = mailbox.imap!;
  // Through the outbound guard: connect to the address it checked, the name only for TLS.
  const pinned = await pinOutbound(database.db, config, settings.host);
  // Imported on first use: imapflow is ~0.4 s of CPU to load, paid only where a mailbox is polled.
  const { ImapFlow } = await import('imapflow');
  const client = new ImapFlow({
    host: pinned.address,
    servername: pinned.host,
    port: settings.port,
    secure: settings.secure,
    auth: { user: settings.user, pass: mailbox.imapPassword ? decryptSecret(emailKeys(config).secrets, mailbox.imapPassword) : '' },
    logger: false,
    connectionTimeout: 30_000,
  });
  await client.connect();
  try {
    const lock = await client.getMailboxLock(settings.folder);
    try {
      const opened = client.mailbox;
      if (!opened) throw new Error(`could not open ${settings.folder}`);
      const uidValidity = Number(opened.uidValidity);
      let lastUid = mailbox.imapUidValidity === uidValidity ? mailbox.imapLastUid : 0;
      if (mailbox.imapUidValidity !== uidValidity) {
        await database.transaction((tx) => tx.update(emailMailboxes).set({ imapUidValidity: uidValidity, imapLastUid: 0 }).where(eq(emailMailboxes.id, mailbox.id)));
      }
      // Collect first: no other IMAP command may run while a FETCH streams.
      const fetched: Array<{ uid: number; source: Buffer }> = [];
      for await (const message of client.fetch(`${lastUid + 1}:*`, { uid: true, source: true }, { uid: true })) {
        // "n:*" always answers the highest message, even when it is older than n.
        if (message.uid > lastUid && message.source) fetched.push({ uid: message.uid, source: message.source });
      }
      fetched.sort((a, b) => a.uid - b.uid);
      const batch = fetched.slice(0, batchSize);
      for (const message of batch) {
        await storeInbound(
          database,
          { source: 'imap', sourceKey: `${mailbox.id}:${uidValidity}:${message.uid}`, envelopeFrom: null, recipients: [mailbox.address], mailboxIds: [mailbox.id], raw: message.source },
          (tx) => tx.update(emailMailboxes).set({ imapLastUid: message.uid }).where(eq(emailMailboxes.id, mailbox.id)).then(() => undefined),
        );
        lastUid = message.uid;
      }
      if (batch.length) {
        const range = batch.map((m) => m.uid).join(',');
        if (settings.afterFetch === 'move' && settings.moveTo) {
          await client.mailboxCreate(settings.moveTo).catch(() => undefined); // exists already
          await client.messageMove(range, settings.moveTo, { uid: true });
        } else {
          await client.messageFlagsAdd(range, ['\\Seen'], { uid: true });
        }
      }
      return fetched.length > batch.length;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
}
