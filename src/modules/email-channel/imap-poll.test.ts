import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { ImapFlow } from 'imapflow';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { queryRows } from '../../db/database.js';
import { startDovecot, type Dovecot } from './dovecot-fixture.js';
import { emailMailboxes } from './schema.js';
import { fixturePath } from './smtp-test-kit.js';

/** IMAP polling against a real dovecot: fetch, mark or move, resume by UID without duplicates. */
let t: TestApp;
let dovecot: Dovecot;
let imap: ImapFlow;
let mailboxId: string;

before(async () => {
  dovecot = await startDovecot();
  t = await createTestApp();
  imap = new ImapFlow({ host: '127.0.0.1', port: dovecot.port, secure: false, auth: { user: dovecot.user, pass: dovecot.pass }, logger: false });
  await imap.connect();
});
after(async () => {
  await imap.logout();
  await t.close();
  await dovecot.stop();
});

const ticketCount = async () => (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from tickets`))[0]!.n;
const makePollDue = () => t.database.transaction((tx) => tx.execute(sql`update jobs set run_at = now() where type = 'email.imap.poll'`));
async function flagsOf(folder: string): Promise<Array<{ uid: number; seen: boolean }>> {
  const lock = await imap.getMailboxLock(folder);
  try {
    const list: Array<{ uid: number; seen: boolean }> = [];
    for await (const m of imap.fetch('1:*', { uid: true, flags: true })) list.push({ uid: m.uid, seen: m.flags?.has('\\Seen') ?? false });
    return list;
  } finally {
    lock.release();
  }
}
const mailbox = async () => (await t.database.db.select().from(emailMailboxes).where(eq(emailMailboxes.id, mailboxId)))[0]!;

test('fetched mail becomes tickets, is marked \\Seen, and the last UID is kept', async () => {
  await imap.append('INBOX', await readFile(fixturePath('foxmail-gb18030.eml')));
  await imap.append('INBOX', await readFile(fixturePath('big5-qp.eml')));
  const res = await t.api('POST', '/api/v1/mailboxes', { body: { address: 'support@acme.test', name: '客服', imap: { host: '127.0.0.1', port: dovecot.port, secure: false, user: dovecot.user, pass: dovecot.pass } } });
  assert.equal(res.statusCode, 201, res.body);
  mailboxId = res.json().id;
  await t.drain();
  assert.equal(await ticketCount(), 2);
  assert.deepEqual((await flagsOf('INBOX')).map((m) => m.seen), [true, true]);
  const row = await mailbox();
  assert.equal(row.imapLastUid, 2);
  assert.equal(row.imapLastError, null);
  const subjects = await queryRows<{ subject: string }>(t.database.db, sql`select subject from tickets order by subject`);
  assert.deepEqual(subjects.map((s) => s.subject).sort(), ['發票機故障', '𠮷野家门店的收银机无法开机'].sort());
  // The next poll is scheduled, not running in a loop.
  const [next] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from jobs where type = 'email.imap.poll' and run_at > now()`);
  assert.equal(next!.n, 1);
});

test('a crash before flagging (mail still unseen) or a lost resume point fetches again but duplicates nothing', async () => {
  // As if we died after storing but before \Seen: the UID tracking skips them.
  const lock = await imap.getMailboxLock('INBOX');
  await imap.messageFlagsRemove('1:*', ['\\Seen'], { uid: true });
  lock.release();
  await makePollDue();
  await t.drain();
  assert.equal(await ticketCount(), 2);
  // As if the resume point were lost (restored backup, UIDVALIDITY reset): everything is fetched
  // again; the stored source keys and the Message-ID receipts keep it to the same two tickets.
  await t.database.transaction((tx) => tx.update(emailMailboxes).set({ imapLastUid: 0, imapUidValidity: null }).where(eq(emailMailboxes.id, mailboxId)));
  await makePollDue();
  await t.drain();
  assert.equal(await ticketCount(), 2);
  assert.equal((await mailbox()).imapLastUid, 2);
});

test('with afterFetch "move", fetched mail is moved out of the inbox', async () => {
  await t.database.transaction((tx) => tx.execute(sql`update email_mailboxes set imap = jsonb_set(jsonb_set(imap, '{afterFetch}', '"move"'), '{moveTo}', '"OpenCSM"') where id = ${mailboxId}`));
  await imap.append('INBOX', await readFile(fixturePath('qq-mail.eml')));
  await makePollDue();
  await t.drain();
  assert.equal(await ticketCount(), 3);
  // A fresh session: ours may not have seen the other session's EXPUNGE yet.
  const fresh = new ImapFlow({ host: '127.0.0.1', port: dovecot.port, secure: false, auth: { user: dovecot.user, pass: dovecot.pass }, logger: false });
  await fresh.connect();
  try {
    const count = async (folder: string) => {
      const status = await fresh.status(folder, { messages: true });
      return status ? status.messages : -1;
    };
    assert.equal(await count('INBOX'), 2);
    assert.equal(await count('OpenCSM'), 1);
  } finally {
    await fresh.logout();
  }
});

test('a wrong password is recorded on the mailbox and polling goes on', async () => {
  await t.database.transaction((tx) => tx.execute(sql`update email_mailboxes set imap = jsonb_set(imap, '{user}', '"nobody"') where id = ${mailboxId}`));
  await makePollDue();
  await t.drain();
  assert.ok((await mailbox()).imapLastError);
  const [next] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from jobs where type = 'email.imap.poll' and state = 'pending'`);
  assert.equal(next!.n, 1);
});
