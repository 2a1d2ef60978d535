import { pino, type Logger } from 'pino';
import { loadConfig } from '../app/config.js';
import { systemClock } from '../app/clock.js';
import type { AppContext } from '../app/context.js';
import { modules } from '../app/modules.js';
import type { Database } from '../db/database.js';
import { JobRegistry } from '../jobs/registry.js';
import { Worker } from '../jobs/worker.js';
import { createTeam, createUser, listTeams, listUsers, type Actor, type UserView } from '../modules/auth/index.js';
import { addMessage, createCategory, createTicket, updateTicket, type TicketChanges, type TicketStatus } from '../modules/tickets/index.js';
import { createDemoCustomers } from './demo-customers.js';
import { buildDemoPlan, fullDemoSize, type ChangesPlan, type DemoSize, type TicketPlan } from './demo-plan.js';
import { defaultDemoPassword, demoCategories, demoEmailDomain, demoStaff, demoTeams, type CategoryKey, type TeamKey } from './demo-directory.js';

/**
 * `opencsm seed --demo`: load the deterministic demo data set (演示数据) through the module
 * services, so events, timelines and the search index are produced exactly as in production, then
 * run the worker until the search index is built.
 *
 * Deterministic: the same teams, staff, categories, customers and tickets (subjects, texts,
 * priorities, tags, assignees, replies, notes, status histories) on every run. Not reproduced:
 * row ids (the services mint UUIDv7s), timestamps and ticket numbers — the services stamp "now",
 * so every demo ticket is created today, within a minute; there is no back-dated history yet.
 *
 * Runs once: if a `@demo.opencsm.local` user or a demo team name already exists, it does nothing
 * and says so. An interrupted run leaves partial data behind; load the demo into a fresh database.
 */
export type DemoSeedOptions = {
  /** Service time zone, for ticket numbers. */
  timeZone: string;
  /** Smaller data sets for tests; default 300 tickets, 80 customers. */
  size?: DemoSize;
  /** Password of every demo user; default `opencsm-demo-2026`. */
  password?: string;
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
      logins: { admin: string; supervisor: string; agent: string; fieldEngineer: string; password: string };
      note: string;
    }
  | { status: 'skipped'; reason: string };

export async function seedDemoData(database: Database, options: DemoSeedOptions): Promise<DemoSeedSummary> {
  const log = options.log ?? pino({ level: 'silent' });
  const existing = await findExistingDemo(database);
  if (existing) return { status: 'skipped', reason: `演示数据已存在，未做任何修改 / demo data already present (${existing}); nothing changed` };

  const password = options.password ?? defaultDemoPassword;
  const plan = buildDemoPlan(options.size ?? fullDemoSize);
  const { staff, teamIds } = await createStaffAndTeams(database, password);
  const categoryIds = await createCategories(database, staff.get(demoStaff[0]!.key)!);
  const demoCustomers = await createDemoCustomers(database, staff.get(demoStaff[0]!.key)!, plan.customers);
  log.info(demoCustomers, 'demo: organisations, contacts and records created');
  log.info({ users: staff.size, teams: teamIds.size, categories: categoryIds.size }, 'demo: staff, teams and categories created');

  const ticketsByStatus: Record<TicketStatus, number> = { new: 0, open: 0, pending: 0, resolved: 0, closed: 0 };
  let publicReplies = 0;
  let internalNotes = 0;
  for (const [index, ticket] of plan.tickets.entries()) {
    const status = await playTicket(database, ticket, plan.customers[ticket.customer]!, { staff, teamIds, categoryIds, timeZone: options.timeZone });
    if (status !== ticket.finalStatus) throw new Error(`demo: ${ticket.key} ended ${status}, planned ${ticket.finalStatus}`);
    ticketsByStatus[status] += 1;
    for (const step of ticket.steps) if (step.kind === 'message') step.internal ? internalNotes++ : publicReplies++;
    if ((index + 1) % 50 === 0) log.info({ tickets: index + 1 }, 'demo: tickets created');
  }

  log.info('demo: building the search index');
  await runWorkerUntilIdle(database, options.timeZone, log);

  const first = (role: string) => `${demoStaff.find((s) => s.role === role)!.key}@${demoEmailDomain}`;
  return {
    status: 'loaded',
    teams: demoTeams.length,
    users: demoStaff.length,
    categories: demoCategories.length,
    customers: new Set(plan.tickets.map((t) => t.customer)).size,
    tickets: plan.tickets.length,
    publicReplies,
    internalNotes,
    ticketsByStatus,
    logins: { admin: first('admin'), supervisor: first('supervisor'), agent: `zhang.wei@${demoEmailDomain}`, fieldEngineer: first('field_engineer'), password },
    note: '所有演示工单的创建时间均为今天 / all demo tickets are dated today (services stamp the current time)',
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
  for (const member of others) await create(member, admin, member.teams.map((key) => teamIds.get(key)!));
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

type Refs = { staff: Map<string, Actor>; teamIds: Map<TeamKey, string>; categoryIds: Map<CategoryKey, string>; timeZone: string };

/** Create one ticket and play its history. Returns the status it ends in. */
async function playTicket(database: Database, plan: TicketPlan, customer: { name: string; email?: string; phone?: string }, refs: Refs): Promise<TicketStatus> {
  const actor = (key: string) => refs.staff.get(key) ?? fail(`unknown demo user ${key}`);
  const { ticket, replayed } = await createTicket(
    database,
    actor(plan.creator),
    {
      subject: plan.subject,
      description: plan.description,
      priority: plan.priority,
      categoryId: refs.categoryIds.get(plan.category),
      teamId: refs.teamIds.get(plan.team),
      assigneeId: plan.assignee ? actor(plan.assignee).id : undefined,
      tags: plan.tags,
      channel: plan.channel,
      requester: { name: customer.name, email: customer.email, phone: customer.phone },
    },
    { timeZone: refs.timeZone, idempotencyKey: plan.key },
  );
  let state = { version: ticket.version, status: ticket.status };
  if (replayed) return state.status; // created by an earlier run: its history is there already
  for (const step of plan.steps) {
    if (step.kind === 'message') {
      await addMessage(database, actor(step.by), ticket.id, { body: step.body, internal: step.internal });
      // A public reply opens a new ticket (and bumps its version), as addMessage documents.
      if (!step.internal && state.status === 'new') state = { version: state.version + 1, status: 'open' };
    } else {
      const after = await updateTicket(database, actor(step.by), ticket.id, state.version, toChanges(step.changes, refs));
      state = { version: after.version, status: after.status };
    }
  }
  return state.status;
}

function toChanges(changes: ChangesPlan, refs: Refs): TicketChanges {
  return {
    ...(changes.status && { status: changes.status }),
    ...(changes.priority && { priority: changes.priority }),
    ...(changes.tags && { tags: changes.tags }),
    ...(changes.team && { teamId: refs.teamIds.get(changes.team) ?? fail(`unknown demo team ${changes.team}`) }),
    ...(changes.assignee && { assigneeId: refs.staff.get(changes.assignee)?.id ?? fail(`unknown demo user ${changes.assignee}`) }),
  };
}

/** The worker as `npm start` wires it (every module registers its jobs), run until nothing is due. */
async function runWorkerUntilIdle(database: Database, timeZone: string, log: Logger): Promise<void> {
  const context: AppContext = { config: loadConfig({ OPENCSM_TIMEZONE: timeZone, LOG_LEVEL: 'silent' }), database, log, jobs: new JobRegistry(), clock: systemClock };
  for (const module of modules) module.registerJobs?.(context);
  await new Worker(database, context.jobs, log.child({ component: 'worker' }), { batchSize: 100 }).runUntilIdle();
}

function fail(message: string): never {
  throw new Error(message);
}
