import type { Db } from '../../db/database.js';
import { listTeams, listUsers } from '../auth/index.js';
import { listFieldFacts, listTicketTypes } from '../forms/index.js';
import { listCategories, listPriorities, ticketStatuses, type TicketStatus } from '../tickets/index.js';
import { headerKey } from './auto-mapping.js';

/**
 * What a ticket row's names mean here, read once per run (never per row): priorities, statuses,
 * teams, agents, ticket types, categories and ticket custom fields, each findable by the names a
 * spreadsheet would use (Chinese or English label, key, e-mail). Keys are compared loosely
 * (headerKey: width, case, spaces and punctuation ignored).
 */
export type TicketDictionary = {
  priority: Map<string, string>;
  defaultPriority: string;
  status: Map<string, TicketStatus>;
  team: Map<string, string>;
  user: Map<string, string>;
  type: Map<string, string>;
  category: Map<string, string>;
  fieldTypes: Map<string, string>;
};

/** Statuses by the words old systems use; value maps cover the rest. */
const statusWords: Record<TicketStatus, readonly string[]> = {
  new: ['新建', '新', '待处理', '未处理', '待受理', '未分配', 'new', 'unassigned'],
  open: ['处理中', '进行中', '已受理', '已分配', '打开', 'open', 'inprogress', 'active', 'assigned'],
  pending: ['挂起', '等待', '待回复', '等待客户', '暂停', 'pending', 'onhold', 'waiting', 'hold'],
  resolved: ['已解决', '已处理', '已完成', '完成', 'resolved', 'solved', 'done'],
  closed: ['已关闭', '关闭', '已结案', '结案', 'closed'],
};

function add(map: Map<string, string>, names: ReadonlyArray<string | null | undefined>, value: string) {
  for (const name of names) if (name && !map.has(headerKey(name))) map.set(headerKey(name), value);
}

export async function loadTicketDictionary(db: Db): Promise<TicketDictionary> {
  const [priorities, teams, users, types, categories, facts] = await Promise.all([
    listPriorities(db), listTeams(db), listUsers(db, { active: true }), listTicketTypes(db), listCategories(db, { includeInactive: true }), listFieldFacts(db, 'ticket'),
  ]);
  const priority = new Map<string, string>();
  for (const p of priorities) add(priority, [p.key, p.nameZh, p.nameEn], p.key);
  const status = new Map<string, TicketStatus>();
  for (const s of ticketStatuses) for (const word of statusWords[s]) status.set(headerKey(word), s);
  const team = new Map<string, string>();
  for (const t of teams) add(team, [t.name], t.id);
  const user = new Map<string, string>();
  for (const u of users) add(user, [u.email, u.name], u.id);
  const type = new Map<string, string>();
  for (const t of types) add(type, [t.key, t.label['zh-CN'], t.label.en], t.id);
  // A category by its own name, or by its path (售后/退换货) when names repeat under different parents.
  const category = new Map<string, string>();
  const byId = new Map(categories.map((c) => [c.id, c]));
  for (const c of categories) {
    const path = (names: (c: { nameZh: string; nameEn: string }) => string) => {
      const parts: string[] = [];
      for (let at: typeof c | undefined = c; at && parts.length < 20; at = at.parentId ? byId.get(at.parentId) : undefined) parts.unshift(names(at));
      return parts.join('/');
    };
    add(category, [path((x) => x.nameZh), path((x) => x.nameEn), c.nameZh, c.nameEn], c.id);
  }
  return {
    priority,
    defaultPriority: priorities.find((p) => p.isDefault)?.key ?? priorities[0]?.key ?? 'normal',
    status,
    team,
    user,
    type,
    category,
    fieldTypes: new Map(facts.filter((f) => !f.archived).map((f) => [f.key, f.type])),
  };
}

export const lookUp = <T>(map: Map<string, T>, name: string): T | undefined => map.get(headerKey(name));
