import { and, asc, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Conflict, invalidField, NotFound, PreconditionFailed } from '../../app/errors.js';
import { isUniqueViolation, type Database, type Db, type Tx } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { mailboxCreated, mailboxDeleted, mailboxUpdated } from './events.js';
import { enqueueJob } from '../../jobs/queue.js';
import { teamExists, type Actor } from '../auth/index.js';
import { encryptSecret, type EmailKeys } from './installation-key.js';
import { presentMailbox, type MailboxRow, type MailboxView } from './mailbox-model.js';
import { emailMailboxes, type ImapSettings, type OutboundSettings } from './schema.js';

export type OutboundInput = { host: string; port: number; secure?: boolean; user?: string | null; pass?: string | null };
export type ImapInput = { host: string; port: number; secure?: boolean; user: string; pass?: string | null; folder?: string; afterFetch?: 'seen' | 'move'; moveTo?: string | null; pollSeconds?: number };
export type MailboxInput = {
  address: string;
  name: string;
  teamId?: string | null;
  signature?: string;
  language?: 'zh-CN' | 'en';
  autoAcknowledge?: boolean;
  active?: boolean;
  outbound?: OutboundInput | null;
  imap?: ImapInput | null;
};
export type MailboxChanges = Partial<MailboxInput>;
/** The outbound guard's check of a user-given host: throws a 400 naming `field` when refused. */
export type CheckHost = (host: string, field: string) => Promise<void>;

async function checkHosts(checkHost: CheckHost, input: { outbound?: OutboundInput | null; imap?: ImapInput | null }): Promise<void> {
  if (input.outbound) await checkHost(input.outbound.host.trim(), 'outbound.host');
  if (input.imap) await checkHost(input.imap.host.trim(), 'imap.host');
}

export const imapPollJob = 'email.imap.poll';

export async function listMailboxes(db: Db): Promise<MailboxView[]> {
  return (await db.select().from(emailMailboxes).orderBy(asc(emailMailboxes.address))).map(presentMailbox);
}

export async function getMailbox(db: Db, id: string): Promise<MailboxView> {
  return presentMailbox(await findMailbox(db, id));
}

export async function findMailbox(db: Db, id: string): Promise<MailboxRow> {
  const [row] = await db.select().from(emailMailboxes).where(eq(emailMailboxes.id, id));
  if (!row) throw new NotFound('email.mailbox.not_found');
  return row;
}

/** Active mailboxes by (lower-case) address. */
export async function mailboxesByAddress(db: Db, addresses: readonly string[]): Promise<MailboxRow[]> {
  if (addresses.length === 0) return [];
  return db.select().from(emailMailboxes).where(and(eq(emailMailboxes.active, true), sql`${emailMailboxes.address} in (${sql.join(addresses.map((a) => sql`${a}`), sql`, `)})`));
}

function normaliseAddress(address: string): string {
  const value = address.trim().toLowerCase();
  if (!/^[^\s@<>()",;:]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(value)) throw invalidField('address', 'email.mailbox.invalid_address');
  if (value.split('@')[0]!.includes('+')) throw invalidField('address', 'email.mailbox.plus_in_address');
  return value;
}

function outboundOf(input: OutboundInput): OutboundSettings {
  return { host: input.host.trim(), port: input.port, secure: input.secure ?? input.port === 465, user: input.user?.trim() || null };
}

function imapOf(input: ImapInput): ImapSettings {
  return {
    host: input.host.trim(),
    port: input.port,
    secure: input.secure ?? input.port === 993,
    user: input.user.trim(),
    folder: input.folder?.trim() || 'INBOX',
    afterFetch: input.afterFetch ?? 'seen',
    moveTo: input.afterFetch === 'move' ? input.moveTo?.trim() || 'OpenCSM' : null,
    pollSeconds: input.pollSeconds ?? 60,
  };
}

async function checkTeam(db: Db, teamId: string | null | undefined): Promise<void> {
  if (teamId && !(await teamExists(db, teamId))) throw invalidField('teamId', 'email.mailbox.unknown_team');
}

async function schedulePoll(tx: Tx, row: MailboxRow): Promise<void> {
  if (row.imap && row.active) await enqueueJob(tx, { type: imapPollJob, payload: { mailboxId: row.id }, dedupeKey: `${imapPollJob}:${row.id}` });
}

async function insertOrConflict<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error, 'email_mailboxes_address_key')) throw new Conflict('email.mailbox.address_taken', {}, [{ path: 'address', code: 'email.mailbox.address_taken' }]);
    throw error;
  }
}

export async function createMailbox(database: Database, keys: EmailKeys, actor: Actor, input: MailboxInput, checkHost: CheckHost): Promise<MailboxView> {
  const address = normaliseAddress(input.address);
  await checkTeam(database.db, input.teamId);
  await checkHosts(checkHost, input);
  if (input.imap && !input.imap.pass) throw invalidField('imap.pass', 'email.mailbox.imap_password_required');
  return insertOrConflict(() =>
    database.transaction(async (tx) => {
      const now = new Date();
      const [row] = await tx
        .insert(emailMailboxes)
        .values({
          id: uuidv7(),
          address,
          name: input.name.trim(),
          teamId: input.teamId ?? null,
          signature: input.signature ?? '',
          language: input.language ?? 'zh-CN',
          autoAcknowledge: input.autoAcknowledge ?? true,
          active: input.active ?? true,
          outbound: input.outbound ? outboundOf(input.outbound) : null,
          outboundPassword: input.outbound?.pass ? encryptSecret(keys.secrets, input.outbound.pass) : null,
          imap: input.imap ? imapOf(input.imap) : null,
          imapPassword: input.imap?.pass ? encryptSecret(keys.secrets, input.imap.pass) : null,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await schedulePoll(tx, row!);
      await recordEvent(tx, mailboxCreated, { aggregateId: row!.id, cause: 'agent', actorId: actor.id, payload: { address } });
      return presentMailbox(row!);
    }),
  );
}

/**
 * A password left out keeps the stored one; `null` removes it. Changing the IMAP server or folder
 * starts UID tracking afresh (UIDs mean nothing across folders).
 */
export async function updateMailbox(database: Database, keys: EmailKeys, actor: Actor, id: string, expectedVersion: number, changes: MailboxChanges, checkHost: CheckHost): Promise<MailboxView> {
  const address = changes.address !== undefined ? normaliseAddress(changes.address) : undefined;
  await checkTeam(database.db, changes.teamId);
  await checkHosts(checkHost, changes);
  return insertOrConflict(() =>
    database.transaction(async (tx) => {
      const [current] = await tx.select().from(emailMailboxes).where(eq(emailMailboxes.id, id)).for('update');
      if (!current) throw new NotFound('email.mailbox.not_found');
      if (current.version !== expectedVersion) throw new PreconditionFailed('email.mailbox.version_mismatch', { current: current.version });
      const secret = (pass: string | null | undefined, stored: string | null) => (pass === undefined ? stored : pass ? encryptSecret(keys.secrets, pass) : null);
      const imap = changes.imap === undefined ? current.imap : changes.imap ? imapOf(changes.imap) : null;
      const imapPassword = changes.imap === undefined ? current.imapPassword : changes.imap ? secret(changes.imap.pass, current.imapPassword) : null;
      if (imap && !imapPassword) throw invalidField('imap.pass', 'email.mailbox.imap_password_required');
      const sameFolder = imap && current.imap && imap.host === current.imap.host && imap.user === current.imap.user && imap.folder === current.imap.folder;
      const [row] = await tx
        .update(emailMailboxes)
        .set({
          ...(address !== undefined && { address }),
          ...(changes.name !== undefined && { name: changes.name.trim() }),
          ...(changes.teamId !== undefined && { teamId: changes.teamId }),
          ...(changes.signature !== undefined && { signature: changes.signature }),
          ...(changes.language !== undefined && { language: changes.language }),
          ...(changes.autoAcknowledge !== undefined && { autoAcknowledge: changes.autoAcknowledge }),
          ...(changes.active !== undefined && { active: changes.active }),
          ...(changes.outbound !== undefined && {
            outbound: changes.outbound ? outboundOf(changes.outbound) : null,
            outboundPassword: changes.outbound ? secret(changes.outbound.pass, current.outboundPassword) : null,
          }),
          imap,
          imapPassword,
          ...(!sameFolder && { imapUidValidity: null, imapLastUid: 0, imapLastError: null }),
          version: current.version + 1,
          updatedAt: new Date(),
        })
        .where(eq(emailMailboxes.id, id))
        .returning();
      await schedulePoll(tx, row!);
      await recordEvent(tx, mailboxUpdated, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { fields: Object.keys(changes) } });
      return presentMailbox(row!);
    }),
  );
}

export async function deleteMailbox(database: Database, actor: Actor, id: string, expectedVersion?: number): Promise<void> {
  await database.transaction(async (tx) => {
    const [current] = await tx.select().from(emailMailboxes).where(eq(emailMailboxes.id, id)).for('update');
    if (!current) throw new NotFound('email.mailbox.not_found');
    if (expectedVersion !== undefined && current.version !== expectedVersion) throw new PreconditionFailed('email.mailbox.version_mismatch', { current: current.version });
    await tx.delete(emailMailboxes).where(eq(emailMailboxes.id, id));
    await recordEvent(tx, mailboxDeleted, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { address: current.address } });
  });
}
