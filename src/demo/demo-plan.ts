import type { TicketStatus } from '../modules/tickets/index.js';
import {
  demoCompanies, demoTeams, departments, givenNames, intakeAgents, surnames, teamWorkers,
  type CategoryKey, type TeamKey,
} from './demo-directory.js';
import { prng, type Prng } from './prng.js';
import { scenarios, type Scenario } from './demo-scenarios.js';

/**
 * The demo data set as a pure, deterministic plan: who the customers are and, for every ticket,
 * how it was created and what happened to it afterwards (replies, notes, assignment, status
 * changes), step by step. `seed-demo.ts` plays the plan through the module services.
 * Each ticket draws from its own seeded generator (`opencsm-demo/ticket/<n>`), so editing one
 * scenario's texts does not reshuffle every other ticket.
 */
export type DemoSize = { tickets: number; customers: number };
export const fullDemoSize: DemoSize = { tickets: 300, customers: 80 };

export type CustomerPlan = { name: string; company: string; email?: string; phone?: string; keyAccount: boolean };

export type ChangesPlan = { status?: TicketStatus; assignee?: string; team?: TeamKey; priority?: string; tags?: string[] };
export type StepPlan =
  | { kind: 'message'; by: string; internal: boolean; body: string }
  | { kind: 'update'; by: string; changes: ChangesPlan };

export type TicketPlan = {
  /** Stable key, also sent as the create call's idempotency key. */
  key: string;
  scenario: string;
  creator: string;
  customer: number;
  subject: string;
  description: string;
  priority: string;
  category: CategoryKey;
  team: TeamKey;
  assignee?: string;
  tags: string[];
  channel: string;
  steps: StepPlan[];
  finalStatus: TicketStatus;
  /** Timed so that its next SLA target falls due within the hour of the seed's "today" (demo-timeline.ts). */
  timing?: 'due_soon';
};

export type DemoPlan = { customers: CustomerPlan[]; tickets: TicketPlan[] };

const floors = ['3 楼', '5 楼东区', 'A 座 12 层', '二楼行政区', 'B 栋 7 层', '1 号厂房'];
const statusWeights: readonly (readonly [TicketStatus, number])[] = [['new', 10], ['open', 22], ['pending', 13], ['resolved', 25], ['closed', 30]];
const escalatedPriority: Record<string, string> = { lowest: 'normal', low: 'normal', normal: 'high', high: 'urgent', urgent: 'urgent' };

export function buildDemoPlan(size: DemoSize = fullDemoSize): DemoPlan {
  const customers = buildCustomers(size.customers);
  const firstPass = prng('opencsm-demo/customer-order').shuffle(customers.map((_, i) => i));
  const tickets: TicketPlan[] = [];
  for (let n = 0; n < size.tickets; n++) {
    const rng = prng(`opencsm-demo/ticket/${n}`);
    // Every customer gets at least one ticket; after that key accounts call three times as often.
    const customer = n < customers.length ? firstPass[n]! : rng.weighted(customers.map((c, i) => [i, c.keyAccount ? 3 : 1] as const));
    tickets.push(buildTicket(rng, n, customer, customers[customer]!));
  }
  markDueSoon(tickets);
  return { customers, tickets };
}

function buildCustomers(count: number): CustomerPlan[] {
  const rng = prng('opencsm-demo/customers');
  const usedNames = new Set<string>();
  const usedPhones = new Set<string>();
  const customers: CustomerPlan[] = [];
  if (count > surnames.length * givenNames.length) throw new Error('demo: too many customers for the name lists');
  while (customers.length < count) {
    const [surname, surnamePinyin] = rng.pick(surnames);
    const [given, givenPinyin] = rng.pick(givenNames);
    if (usedNames.has(surname + given)) continue;
    usedNames.add(surname + given);
    const company = rng.pick(demoCompanies);
    const reach = rng.next(); // 15 % e-mail only, 15 % phone only, the rest both
    let phone: string | undefined;
    while (reach >= 0.15 && (!phone || usedPhones.has(phone))) {
      phone = `1${rng.pick(['39', '38', '37', '58', '86', '88'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
    }
    if (phone) usedPhones.add(phone);
    customers.push({
      name: surname + given,
      company: company.name,
      keyAccount: company.key,
      ...(reach < 0.15 || reach >= 0.3 ? { email: `${givenPinyin}.${surnamePinyin}@${company.domain}` } : {}),
      ...(reach >= 0.15 ? { phone: formatPhone(phone!) } : {}),
    });
  }
  return customers;
}

/** As people type it: `138 0013 8000` or `138-0013-8000` (the service normalises both). */
function formatPhone(digits: string): string {
  return digits.replace(/^(\d{3})(\d{4})(\d{4})$/, digits.charCodeAt(10) % 2 ? '$1 $2 $3' : '$1-$2-$3');
}

function buildTicket(rng: Prng, n: number, customerIndex: number, customer: CustomerPlan): TicketPlan {
  const scenario = rng.weighted(scenarios.map((s) => [s, s.weight] as const));
  const vars: Record<string, string> = {
    company: customer.company,
    customer: customer.name,
    dept: rng.pick(departments),
    floor: rng.pick(floors),
    ...Object.fromEntries(Object.entries(scenario.vars ?? {}).map(([name, values]) => [name, rng.pick(values)])),
  };
  const fill = (template: string) => template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
  const creator = rng.pick(intakeAgents);
  // Channels that work in a fresh installation (no WeChat/WeCom/DingTalk app is configured):
  // the hotline, e-mail, the customer portal, the web form, and tickets agents type in (api).
  const channel = rng.weighted<string>([['phone', 35], ['email', customer.email ? 25 : 0], ['portal', 15], ['web', 10], ['api', 15]]);
  const tags = new Set(scenario.tags);
  for (const tag of scenario.extraTags ?? []) if (rng.chance(0.3)) tags.add(tag);
  if (customer.keyAccount && rng.chance(0.5)) tags.add('vip');

  const workers = teamWorkers[scenario.team];
  const assignee = rng.pick(workers.assignees);
  const finalStatus = rng.weighted(statusWeights);
  const escalated = scenario.escalated === true && rng.chance(0.7);
  const assignAtCreate = !escalated && finalStatus !== 'new' && rng.chance(0.35);
  const ticket: TicketPlan = {
    key: `demo-ticket-${String(n + 1).padStart(4, '0')}`,
    scenario: scenario.key,
    creator,
    customer: customerIndex,
    subject: fill(rng.pick(scenario.subjects)),
    description: fill(rng.pick(scenario.descriptions)),
    priority: rng.weighted(scenario.priorities),
    category: scenario.category,
    team: escalated ? 'frontline' : scenario.team,
    ...(assignAtCreate && { assignee }),
    tags: [...tags].sort(),
    channel,
    steps: [],
    finalStatus,
  };
  ticket.steps = lifecycle(rng, scenario, ticket, { assignee, escalated, assignAtCreate, fill });
  return ticket;
}

type LifecycleContext = { assignee: string; escalated: boolean; assignAtCreate: boolean; fill: (template: string) => string };

function lifecycle(rng: Prng, scenario: Scenario, ticket: TicketPlan, context: LifecycleContext): StepPlan[] {
  const { assignee, fill } = context;
  const steps: StepPlan[] = [];
  const supervisor = teamWorkers[scenario.team].supervisor;
  const message = (by: string, body: string, internal = false) => steps.push({ kind: 'message', by, internal, body: fill(body) });
  const update = (by: string, changes: ChangesPlan) => steps.push({ kind: 'update', by, changes });
  const notes = rng.shuffle(scenario.notes);

  if (ticket.finalStatus === 'new') {
    if (rng.chance(0.3)) message(ticket.creator, '已电话联系客户确认故障现象，等待分派处理人员。', true);
    return steps;
  }
  if (context.escalated) {
    message(ticket.creator, `一线初步排查未能解决，申请转交${teamName(scenario.team)}处理。`, true);
    update(teamWorkers.frontline.supervisor, { team: scenario.team, assignee });
  } else if (!context.assignAtCreate) {
    update(supervisor, { assignee });
  }
  if (scenario.team === 'field' && rng.chance(0.5)) message(supervisor, '已派工，请工程师今天内与客户电话确认上门时间。', true);
  message(assignee, rng.pick(scenario.firstReplies));
  if (notes[0] && rng.chance(0.7)) message(assignee, notes[0], true);

  if (scenario.team === 'complaints' && rng.chance(0.5)) {
    const tags = [...new Set([...ticket.tags, '升级'])].sort();
    update(supervisor, { priority: escalatedPriority[ticket.priority] ?? 'high', tags });
    message(supervisor, '已升级处理：请在今天下班前给客户明确答复，并同步处理进展。', true);
  }
  if (ticket.finalStatus === 'open') {
    if (rng.chance(0.3)) message(ticket.creator, '客户来电催促进度，已告知正在处理，请尽快跟进。', true);
    return steps;
  }
  if (ticket.finalStatus === 'pending' || rng.chance(0.4)) {
    message(assignee, rng.pick(scenario.pendingAsks));
    update(assignee, { status: 'pending' });
    if (ticket.finalStatus === 'pending') return steps;
    message(assignee, '客户已回复并提供了所需信息，继续处理。', true);
    update(assignee, { status: 'open' });
  }
  if (notes[1] && rng.chance(0.5)) message(assignee, notes[1], true);
  message(assignee, rng.pick(scenario.resolutions));
  update(assignee, { status: 'resolved' });
  if (rng.chance(0.1)) {
    message(ticket.creator, '客户来电反馈问题再次出现，已重新打开工单，请再次跟进。', true);
    update(ticket.creator, { status: 'open' });
    message(assignee, '您好，非常抱歉问题再次出现，我们会重新排查并尽快给您答复。');
    message(assignee, rng.pick(scenario.resolutions));
    update(assignee, { status: 'resolved' });
  }
  if (ticket.finalStatus === 'closed') {
    if (rng.chance(0.6)) message(ticket.creator, rng.pick(['已电话回访，客户对处理结果满意。', '已回访，客户确认问题解决，同意关闭工单。', '回访客户未接电话，已发送短信告知，按流程关闭。']), true);
    update(rng.chance(0.5) ? ticket.creator : supervisor, { status: 'closed' });
  }
  return steps;
}

/**
 * Two waiting-for-a-first-answer and two answered tickets become urgent and are timed to fall due
 * within the hour (see demo-timeline.ts), so 即将超时 has something to show at any time of day.
 * The last ones of their status, so the rest of the plan does not move.
 */
function markDueSoon(tickets: TicketPlan[]): void {
  for (const status of ['new', 'open'] as const) {
    for (const ticket of tickets.filter((t) => t.finalStatus === status).slice(-2)) {
      ticket.timing = 'due_soon';
      ticket.priority = 'urgent';
      ticket.tags = [...new Set([...ticket.tags, '紧急'])].sort();
      // A complaint's escalation step planned from the old priority must not lower it again.
      for (const step of ticket.steps) {
        if (step.kind !== 'update') continue;
        if (step.changes.priority) step.changes.priority = 'urgent';
        if (step.changes.tags) step.changes.tags = [...new Set([...step.changes.tags, '紧急'])].sort();
      }
    }
  }
}

function teamName(team: TeamKey): string {
  return demoTeams.find((t) => t.key === team)!.name;
}
