import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../db/database.js';
import { openTestDatabase } from '../db/test-database.js';
import type { DemoSize } from './demo-plan.js';
import { seedDemoData } from './seed-demo.js';

// Two fresh databases, the same seed and the same "today": the same rows with the same ids.
const size: DemoSize = { tickets: 24, customers: 12 };
const now = new Date('2026-11-18T06:30:00Z');
// The sandbox accounts' made-up secrets are sealed with an installation key like any account's;
// the chats' photos go to the data folder's attachment store.
const keys = { OPENCSM_SECRET_KEY: '5e'.repeat(32), OPENCSM_DATA_DIR: mkdtempSync(join(tmpdir(), 'opencsm-demo-stable-')) };

const databases: Database[] = [];
after(async () => {
  for (const database of databases) await database.close();
  rmSync(keys.OPENCSM_DATA_DIR, { recursive: true, force: true });
});

type Snapshot = { tickets: unknown[]; messages: unknown[]; timeline: unknown[]; attachments: unknown[] };

async function seedFresh(): Promise<Snapshot> {
  const database = await openTestDatabase();
  databases.push(database);
  const summary = await seedDemoData(database, { timeZone: 'Asia/Shanghai', size, now, keys });
  assert.equal(summary.status, 'loaded');
  // Staff, teams, customers and categories keep the services' own ids: compare through names.
  const tickets = await queryRows(database.db, sql`
    select t.id, t.number, t.subject, t.status, t.priority, t.channel, t.tags, t.version, t.created_at, t.updated_at,
           t.first_response_at, t.resolved_at, t.closed_at, t.sla_due_at, c.name as requester, a.email as assignee, te.name as team
    from tickets t left join contacts c on c.id = t.requester_id left join users a on a.id = t.assignee_id left join teams te on te.id = t.team_id
    order by t.id`);
  const messages = await queryRows(database.db, sql`select id, ticket_id, internal, channel, body, created_at from ticket_messages order by id`);
  // Team and assignee changes hold the services' ids of teams and users: compared by field and time only.
  const timeline = await queryRows(database.db, sql`
    select id, ticket_id, type, field, created_at,
           case when field in ('teamId', 'assigneeId') then null else old_value::text end as old_value,
           case when field in ('teamId', 'assigneeId') then null else new_value::text end as new_value
    from ticket_events where type <> 'sla' order by id`);
  // The chats' photos: the same rows and the same bytes.
  const attachments = await queryRows(database.db, sql`select id, ticket_id, message_id, filename, content_type, size, sha256, created_at from ticket_attachments order by id`);
  return { tickets, messages, timeline, attachments };
}

test('two seeds into two fresh databases make the same tickets, numbers, messages and timeline rows, ids included', async () => {
  const first = await seedFresh();
  const second = await seedFresh();
  // The planned tickets and the five sandbox WeChat / WeCom chats.
  assert.equal(first.tickets.length, size.tickets + 5);
  assert.ok(first.messages.length > size.tickets);
  assert.deepEqual(second.tickets, first.tickets);
  assert.deepEqual(second.messages, first.messages);
  assert.deepEqual(second.timeline, first.timeline);
  assert.equal(first.attachments.length, 2);
  assert.deepEqual(second.attachments, first.attachments);
});
