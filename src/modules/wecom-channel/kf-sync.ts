import { and, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Clock } from '../../app/clock.js';
import type { Config } from '../../app/config.js';
import type { Database } from '../../db/database.js';
import type { JobHandler } from '../../jobs/registry.js';
import { enqueueJob } from '../../jobs/queue.js';
import { channelSecrets, getChannelInbound, loadChannelAccount, markChannelInboundProcessed } from '../channels/index.js';
import { readKfEvent } from './wecom-callback.js';
import { wecomApi, type KfItem, type WecomApi } from './wecom-api.js';
import { wecomSettingsOf } from './wecom-settings.js';
import { wecomKfCursors, wecomKfMessages } from './schema.js';

export const kfProcessJob = 'wecom.kf_process';

/** The callback's token is good for 10 minutes; later, sync_msg is asked without it (a stricter rate limit, same answer). */
const callbackTokenLifeMs = 9 * 60_000;
/** sync_msg's own maximum per page. */
const pageLimit = 1000;
/** A callback drains at most this many pages; the next callback (or a retry) goes on from the cursor. */
const maxPages = 50;

export type SyncOutcome = { pages: number; stored: number; lostRaces: number };

/**
 * Pulls what a kf account has since the stored cursor, page by page while `has_more` (a page may
 * be empty and still have more). Each page is stored in ONE transaction with the cursor's advance,
 * and only if the cursor is still the one the page was asked with: another process that got there
 * first has stored that page already, so this one reads the cursor again and goes on from there.
 * So a crash between pages resumes at the first page not stored, and no message is stored twice
 * (the msgid is unique per account as well). Each stored message gets its processing job in the
 * same transaction.
 */
export async function syncKfAccount(database: Database, api: WecomApi, accountId: string, openKfId: string, callbackToken: string | undefined, now: () => Date): Promise<SyncOutcome> {
  const outcome: SyncOutcome = { pages: 0, stored: 0, lostRaces: 0 };
  for (let round = 0; round < maxPages; round++) {
    const [row] = await database.db.select({ cursor: wecomKfCursors.cursor }).from(wecomKfCursors).where(and(eq(wecomKfCursors.accountId, accountId), eq(wecomKfCursors.openKfId, openKfId)));
    const cursor = row?.cursor ?? null;
    const page = await api.syncMessages({ cursor, openKfId, limit: pageLimit, ...(callbackToken ? { token: callbackToken } : {}) });
    const result = await storePage(database, { accountId, openKfId, askedWith: cursor, page: page.items, nextCursor: page.nextCursor, at: now() });
    if (result === 'moved') {
      outcome.lostRaces += 1;
      continue;
    }
    outcome.pages += 1;
    outcome.stored += result.stored;
    if (!page.hasMore) break;
  }
  return outcome;
}

async function storePage(database: Database, input: { accountId: string; openKfId: string; askedWith: string | null; page: KfItem[]; nextCursor: string; at: Date }): Promise<'moved' | { stored: number }> {
  return database.transaction(async (tx) => {
    const key = and(eq(wecomKfCursors.accountId, input.accountId), eq(wecomKfCursors.openKfId, input.openKfId));
    await tx.insert(wecomKfCursors).values({ accountId: input.accountId, openKfId: input.openKfId, cursor: null }).onConflictDoNothing();
    const [locked] = await tx.select().from(wecomKfCursors).where(key).for('update');
    if ((locked?.cursor ?? null) !== input.askedWith) return 'moved';
    let stored = 0;
    for (const item of input.page) {
      const id = uuidv7();
      const inserted = await tx
        .insert(wecomKfMessages)
        .values({ id, accountId: input.accountId, msgid: item.msgid, openKfId: typeof item.open_kfid === 'string' ? item.open_kfid : input.openKfId, externalUserId: typeof item.external_userid === 'string' ? item.external_userid : null, item, receivedAt: input.at })
        .onConflictDoNothing()
        .returning({ id: wecomKfMessages.id });
      if (!inserted[0]) continue;
      stored += 1;
      await enqueueJob(tx, { type: kfProcessJob, payload: { messageId: id }, maxAttempts: 12 });
    }
    // An empty next_cursor (nothing new) keeps the one we have.
    await tx.update(wecomKfCursors).set({ cursor: input.nextCursor || input.askedWith, pages: (locked?.pages ?? 0) + 1, syncedAt: input.at }).where(key);
    return { stored };
  });
}

/** The job of a stored kf callback: sync that kf account, then mark the callback done. */
export function kfSyncHandler(config: Config, clock: Clock): JobHandler {
  return async (payload, { database }) => {
    const inbound = await getChannelInbound(database, String(payload.inboundId));
    if (!inbound || inbound.processedAt) return;
    const account = await loadChannelAccount(database.db, channelSecrets(config), inbound.accountId);
    const event = readKfEvent(inbound.raw);
    if (!account?.enabled || !event) return markChannelInboundProcessed(database, inbound.id, { outcome: 'ignored' });
    const fresh = clock.now().getTime() - inbound.receivedAt.getTime() < callbackTokenLifeMs;
    const api = wecomApi({ database, config, clock }, account.id, wecomSettingsOf(account.settings));
    await syncKfAccount(database, api, account.id, event.openKfId, fresh ? event.token : undefined, () => clock.now());
    await markChannelInboundProcessed(database, inbound.id, { outcome: 'ignored' });
  };
}
