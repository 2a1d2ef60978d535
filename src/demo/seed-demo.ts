import { pino, type Logger } from 'pino';
import { loadConfig, type Config } from '../app/config.js';
import type { AppContext } from '../app/context.js';
import { newAppContext } from '../app/create-app.js';
import type { KeyConfig } from '../app/installation-key.js';
import { modules } from '../app/modules.js';
import type { Database } from '../db/database.js';
import { Worker } from '../jobs/worker.js';
import { createTeam, createUser, listTeams, listUsers, type Actor, type UserView } from '../modules/auth/index.js';
import { replayTicketSlaHistories } from '../modules/sla/index.js';
import { attachmentStoreIn, createCategory, importTicketHistories, type PastChanges, type PastTicket, type TicketStatus } from '../modules/tickets/index.js';
import { prepareDemoChats } from './demo-chat-seed.js';
import { createDemoCustomers } from './demo-customers.js';
import { builtinFieldTypeRegistry } from '../modules/forms/index.js';
import { demoIdGenerator } from './demo-ids.js';
import { buildDemoPlan, fullDemoSize, type ChangesPlan, type DemoSize, type TicketPlan } from './demo-plan.js';
import { defaultDemoPassword, demoCategories, demoEmailDomain, demoStaff, demoTeams, type CategoryKey, type TeamKey } from './demo-directory.js';
import { createDemoSlaPolicy } from './demo-sla.js';
import { scheduleTicket } from './demo-timeline.js';
import { prng } from './prng.js';

/**
 * `opencsm seed --demo`: load the deterministic demo data set (演示数据): a help desk that has
 * been running for 90 days. Staff, teams, categories, customers and the demo SLA policy are
 * created through the module services (a few hundred calls); the 300 tickets with their replies,
 * notes, assignments and status changes are written in bulk (importTicketHistories: a few
 * multi-row statements, with the timeline, domain events and search index the services would
 * have produced), then their SLA timers are replayed at the times things happened
 * (replayTicketSlaHistories), so 即将超时/已超时 are right as soon as the seed returns. A last
 * worker round fires the warnings and breaches that fell due and handles the services' events.
 *
 * Deterministic: given the same `now` (its "today"), the same tickets with the same ids, numbers,
 * times, texts and histories on every run (ids: demo-ids.ts). Staff, customers and categories
 * keep the services' own ids.
 *
 * Runs once: if a `@demo.opencsm.local` user or a demo team name already exists, it does nothing
 * and says so. An interrupted run leaves partial data behind; load the demo into a fresh database.
 */
export type DemoSeedOptions = {
  /** Service time zone, for ticket numbers. */
  timeZone: string;
  /**
   * The installation key and data folder of the server that will use the data (its config): the
   * demo's sandbox channel accounts keep their (made-up) secrets sealed with its key, as every
   * account does, and the chats' photos go to its attachment store.
   */
  keys: KeyConfig;
  /** Smaller data sets for tests; default 300 tickets, 80 customers. */
  size?: DemoSize;
  /** Password of every demo user; default `opencsm-demo-2026`. */
  password?: string;
  /** "Today": the history ends just before it. Default: the current time. */
  now?: Date;
  log?: Logger;
};

export type DemoSeedSummary =
  | {
      status: 'loaded';
      teams: number;
      users: number;
      categories: number;
      customers: number;
      tickets: number;
      publicReplies: number;
      internalNotes: number;
      ticketsByStatus: Record<TicketStatus, number>;
      ticketsByChannel: Record<string, number>;
      /** The sandbox WeChat / WeCom accounts and their conversations (tickets above include them). */
      chats: { accounts: number; conversations: number; customerMessages: number };
      logins: { admin: string; supervisor: string; agent: string; fieldEngineer: string; password: string };
      /** Wall-clock seconds of each phase, as measured. */
      seconds: { directory: number; tickets: number; slaTimers: number; worker: number; total: number };
      note: string;
    }
  | { status: 'skipped'; reason: string };

export async function seedDemoData(database: Database, options: DemoSeedOptions): Promise<DemoSeedSummary> {
  const started = performance.now();
  const log = options.log ?? pino({ level: 'silent' });
  const existing = await findExistingDemo(database);
  if (existing) return { status: 'skipped', reason: `演示数据已存在，未做任何修改 / demo data already present (${existing}); nothing changed` };

  const now = options.now ?? new Date();
  const password = options.password ?? defaultDemoPassword;
  const plan = buildDemoPlan(options.size ?? fullDemoSize);
  const context = demoAppContext(database, options, log);
  const { staff, teamIds } = await createStaffAndTeams(database, password);
  const admin = staff.get(demoStaff[0]!.key)!;
  log.info('demo: staff and teams created');
  const categoryIds = await createCategories(database, admin);
  const demoCustomers = await createDemoCustomers(database, admin, plan.customers);
  await createDemoSlaPolicy(database, admin);
  const refs: Refs = { staff, teamIds, categoryIds };
  const chats = await prepareDemoChats(database, context, admin, demoCustomers.contactIds, now, {
    userId: (key) => staff.get(key)?.id ?? fail(`unknown demo user ${key}`),
    teamId: (key) => teamIds.get(key) ?? fail(`unknown demo team ${key}`),
    categoryId: (key) => categoryIds.get(key) ?? fail(`unknown demo category ${key}`),
  });
  // The services' own events (users, contacts, the policy, the channel accounts) first, so the
  // last round below only has the timers' due rows left.
  await runWorkerUntilIdle(database, context, log);
  log.info({ users: staff.size, teams: teamIds.size, categories: categoryIds.size, organizations: demoCustomers.organizations, records: demoCustomers.records }, 'demo: staff, teams, categories and customers created');
  const directoryDone = performance.now();

  const pastTickets = plan.tickets.map((ticket, index) => toPastTicket(ticket, index, now, demoCustomers.contactIds[ticket.customer] ?? null, refs));
  // The chats after the planned tickets: the planned tickets' message ids do not move.
  const histories = await importTicketHistories(database, [...pastTickets, ...chats.tickets], {
    timeZone: options.timeZone,
    newId: demoIdGenerator(prng('opencsm-demo/ids/history')),
    batch: 'demo',
    // The chats' photos, in the server's attachment store.
    store: attachmentStoreIn(options.keys.OPENCSM_DATA_DIR),
  });
  await chats.recordChannelState(histories);
  const ticketsDone = performance.now();
  log.info({ tickets: histories.length }, 'demo: tickets written with their histories and search index');

  // The demo's fields are all of built-in types.
  await replayTicketSlaHistories(database, histories.map((h) => h.steps), builtinFieldTypeRegistry());
  const timersDone = performance.now();
  log.info('demo: SLA timers replayed');
  await runWorkerUntilIdle(database, context, log);
  const finished = performance.now();

  const ticketsByStatus: Record<TicketStatus, number> = { new: 0, open: 0, pending: 0, resolved: 0, closed: 0 };
  const ticketsByChannel: Record<string, number> = {};
  let publicReplies = 0;
  let internalNotes = 0;
  for (const ticket of plan.tickets) {
    ticketsByStatus[ticket.finalStatus] += 1;
    ticketsByChannel[ticket.channel] = (ticketsByChannel[ticket.channel] ?? 0) + 1;
    for (const step of ticket.steps) if (step.kind === 'message') step.internal ? internalNotes++ : publicReplies++;
  }
  for (const ticket of chats.tickets) {
    ticketsByStatus[histories.find((h) => h.ticketId === ticket.id)!.steps.at(-1)!.ticket.status] += 1;
    ticketsByChannel[ticket.channel] = (ticketsByChannel[ticket.channel] ?? 0) + 1;
    for (const step of ticket.steps) if (step.kind === 'message') step.internal ? internalNotes++ : publicReplies++;
  }
  const seconds = (from: number, to: number) => Math.round((to - from) / 100) / 10;
  const first = (role: string) => `${demoStaff.find((s) => s.role === role)!.key}@${demoEmailDomain}`;
  return {
    status: 'loaded',
    teams: demoTeams.length,
    users: demoStaff.length,
    categories: demoCategories.length,
    customers: new Set(plan.tickets.map((t) => t.customer)).size,
    tickets: plan.tickets.length + chats.tickets.length,
    publicReplies,
    internalNotes,
    ticketsByStatus,
    ticketsByChannel,
    chats: { accounts: chats.accounts, conversations: chats.tickets.length, customerMessages: chats.customerMessages },
    logins: { admin: first('admin'), supervisor: first('supervisor'), agent: `zhang.wei@${demoEmailDomain}`, fieldEngineer: first('field_engineer'), password },
    seconds: { directory: seconds(started, directoryDone), tickets: seconds(directoryDone, ticketsDone), slaTimers: seconds(ticketsDone, timersDone), worker: seconds(timersDone, finished), total: seconds(started, finished) },
    note: `工单分布在 ${now.toISOString().slice(0, 10)} 之前的 90 天内 / tickets spread over the 90 days before ${now.toISOString().slice(0, 10)}`,
  };
}

async function findExistingDemo(database: Database): Promise<string | null> {
  const users = await listUsers(database.db, { q: `@${demoEmailDomain}` });
  if (users.length) return `user ${users[0]!.email}`;
  const teamNames = new Set(demoTeams.map((t) => t.name));
  const team = (await listTeams(database.db)).find((t) => teamNames.has(t.name));
  return team ? `team ${team.name}` : null;
}

/** The demo administrator first (a system action), then the teams, then everyone else in their teams. */
async function createStaffAndTeams(database: Database, password: string): Promise<{ staff: Map<string, Actor>; teamIds: Map<TeamKey, string> }> {
  const staff = new Map<string, Actor>();
  const teamIds = new Map<TeamKey, string>();
  const create = async (member: (typeof demoStaff)[number], by: Actor | null, teamIds: string[]) => {
    const user = await createUser(database, by, { email: `${member.key}@${demoEmailDomain}`, name: member.name, password, role: member.role, teamIds });
    staff.set(member.key, toActor(user));
  };
  const [adminMember, ...others] = demoStaff;
  await create(adminMember!, null, []);
  const admin = staff.get(adminMember!.key)!;
  for (const team of demoTeams) teamIds.set(team.key, (await createTeam(database, admin, { name: team.name, description: team.description })).id);
  // Side by side: each password hash (scrypt, ~0.1 s of CPU) runs in libuv's pool before its
  // transaction, so the hashes overlap; what is stored does not depend on the order.
  await Promise.all(others.map((member) => create(member, admin, member.teams.map((key) => teamIds.get(key)!))));
  return { staff, teamIds };
}

function toActor(user: UserView): Actor {
  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale, teamIds: user.teamIds };
}

async function createCategories(database: Database, admin: Actor): Promise<Map<CategoryKey, string>> {
  const ids = new Map<CategoryKey, string>();
  for (const category of demoCategories) {
    const row = await createCategory(database, admin, {
      nameZh: category.nameZh,
      nameEn: category.nameEn,
      position: category.position,
      parentId: category.parent ? ids.get(category.parent)! : null,
    });
    ids.set(category.key, row.id);
  }
  return ids;
}

type Refs = { staff: Map<string, Actor>; teamIds: Map<TeamKey, string>; categoryIds: Map<CategoryKey, string> };

/**
 * One planned ticket with its times and stable ids. The customer opened e-mail, portal and web
 * form tickets themselves (no creating user); agents typed in phone calls and `api` tickets.
 */
function toPastTicket(plan: TicketPlan, index: number, now: Date, requesterId: string | null, refs: Refs): PastTicket {
  const userId = (key: string) => refs.staff.get(key)?.id ?? fail(`unknown demo user ${key}`);
  const { createdAt, stepTimes } = scheduleTicket(plan, index, now);
  const customerWrote = plan.channel === 'email' || plan.channel === 'portal' || plan.channel === 'web';
  return {
    id: demoIdGenerator(prng(`opencsm-demo/ids/${plan.key}`))(createdAt),
    subject: plan.subject,
    description: plan.description,
    priority: plan.priority,
    categoryId: refs.categoryIds.get(plan.category) ?? fail(`unknown demo category ${plan.category}`),
    channel: plan.channel,
    requesterId,
    teamId: refs.teamIds.get(plan.team) ?? fail(`unknown demo team ${plan.team}`),
    assigneeId: plan.assignee ? userId(plan.assignee) : null,
    tags: plan.tags,
    createdBy: customerWrote ? null : userId(plan.creator),
    createdAt,
    steps: plan.steps.map((step, i) =>
      step.kind === 'message'
        ? { kind: 'message' as const, at: stepTimes[i]!, byUserId: userId(step.by), internal: step.internal, body: step.body }
        : { kind: 'update' as const, at: stepTimes[i]!, byUserId: userId(step.by), changes: toChanges(step.changes, refs) },
    ),
  };
}

function toChanges(changes: ChangesPlan, refs: Refs): PastChanges {
  return {
    ...(changes.status && { status: changes.status }),
    ...(changes.priority && { priority: changes.priority }),
    ...(changes.tags && { tags: changes.tags }),
    ...(changes.team && { teamId: refs.teamIds.get(changes.team) ?? fail(`unknown demo team ${changes.team}`) }),
    ...(changes.assignee && { assigneeId: refs.staff.get(changes.assignee)?.id ?? fail(`unknown demo user ${changes.assignee}`) }),
  };
}

/** The application as `npm start` wires it (every module registers its jobs and channels), for the seed's services and worker. */
function demoAppContext(database: Database, options: DemoSeedOptions, log: Logger): AppContext {
  const config: Config = { ...loadConfig({ OPENCSM_TIMEZONE: options.timeZone, LOG_LEVEL: 'silent' }), OPENCSM_SECRET_KEY: options.keys.OPENCSM_SECRET_KEY, OPENCSM_DATA_DIR: options.keys.OPENCSM_DATA_DIR };
  const context = newAppContext(config, database, log);
  for (const module of modules) module.registerJobs?.(context);
  return context;
}

/** The worker, run until nothing is due. */
async function runWorkerUntilIdle(database: Database, context: AppContext, log: Logger): Promise<void> {
  await new Worker(database, context.jobs, log.child({ component: 'worker' }), { batchSize: 100 }).runUntilIdle();
}

function fail(message: string): never {
  throw new Error(message);
}
