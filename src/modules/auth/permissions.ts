/**
 * The permission catalogue and the built-in roles. Every route names one of these (or is
 * explicitly public); the server refuses to start otherwise.
 */
export const permissions = [
  'profile.self', // read and edit one's own profile, password and API tokens
  'tickets.read', // see tickets (scoped by ticket visibility)
  'tickets.read_all', // see every ticket regardless of team or assignee
  'tickets.create',
  'tickets.update', // change any field of visible tickets (assignee, team, priority, …)
  'tickets.change_status', // move visible tickets through their statuses (all a field engineer may change)
  'tickets.reply', // public replies
  'tickets.note', // internal notes
  'tickets.export', // download a list of tickets as Excel or CSV (customer data leaves the system: supervisors and admins)
  'directory.read', // list users and teams (to pick an assignee)
  'customers.read', // organisations, contacts, identities, external records and the 360° view
  'customers.write', // create and edit them (and upsert external records, e.g. an ERP sync)
  'customers.merge', // merge duplicate contacts or organisations
  'customers.delete', // delete customers without tickets
  'customers.privacy', // export a contact's personal data and anonymise it (PIPL requests)
  'admin.users',
  'admin.teams',
  'admin.categories',
  'admin.priorities',
  'admin.customer_tiers',
  'admin.sla', // business calendars and SLA policies
  'admin.mailboxes', // email channel: mailboxes, their SMTP/IMAP settings and passwords
  'admin.jobs',
  'admin.security', // sign-in audit log, unlocking locked accounts, the outbound-connection allowlist
  'email.quarantine', // 可疑邮件: review mail that points at a ticket without proof of its sender; attach, make a new ticket, or reject
  'forms.read', // the field registry, ticket types and their forms (every signed-in role: forms render from them)
  'forms.manage', // create and change custom fields and ticket types, publish forms (设置 › 工单类型与字段)
  'surveys.read', // 满意度调查: the list of CSAT/NPS surveys and their statistics (response rates, CSAT, NPS)
  'surveys.manage', // survey settings (delay, cooldown, low-rating threshold, NPS schedule) and sending a survey by hand
  'knowledge.read', // published knowledge-base articles (internal and public): search, suggestions, ?? in the composer
  'knowledge.write', // write drafts, edit one's own unpublished articles, submit them for review, make a draft from a reply
  'knowledge.review', // review, publish, archive and roll back any article; edit any article; manage knowledge categories
  'channels.manage', // 设置 › 渠道: channel accounts (WeChat …), their credentials, sandbox mode and the connection test; admins
  'field_service.read', // 派工单: work orders one may see (engineers: their own; others: their teams', dispatchers' and creators'); service types
  'field_service.create', // create work orders from tickets one can see (the ticket page's 创建派工单) and edit them before dispatch
  'field_service.dispatch', // dispatch, reassign and cancel work orders of one's teams (派工台: supervisors)
  'field_service.manage', // service types (服务类型) and every work order; admins
  'webhooks.manage', // 设置 › Webhook: outbound webhook endpoints, their secrets, the delivery log, replay; admins
  'processes.read', // 设置 › 流程: process definitions, their drafts, versions, history and exports (supervisors, admins)
  'processes.manage', // create, design, publish, import process definitions (admins)
  'automation.manage', // 设置 › 自动化: event rules (triggers), their order, preview and test, versions and firing log; admins and supervisors
  'assignment.manage', // 智能分配: team strategies, agents' capacity, skills and shifts, the queue and 分配看板, pausing agents (admins, supervisors)
  'channels.phone.ingest', // a telephony system (CTI) pushes call records; admins only by default: give the integration its own admin API token
  'macros.manage', // 设置 › 宏: create, change and delete shared macros (everyone with tickets.reply keeps personal ones)
  'reports.read', // 报表: KPIs, dashboards and drill-downs (agents: their own and their teams' numbers; supervisors: their teams')
  'reports.read_all', // every team's numbers (admins)
  'reports.manage', // the reporting time zone (admins)
  'imports.manage', // 设置 › 数据导入: upload, map, run and roll back imports of contacts and organisations, import templates; admins
  'exports.manage', // 设置 › 数据导出: start a full export of everything and download it (audited); admins
] as const;
export type Permission = (typeof permissions)[number];

export const roleNames = ['admin', 'supervisor', 'agent', 'field_engineer'] as const;
export type RoleName = (typeof roleNames)[number];

const agentPermissions: Permission[] = [
  'profile.self',
  'tickets.read',
  'tickets.create',
  'tickets.update',
  'tickets.change_status',
  'tickets.reply',
  'tickets.note',
  'directory.read',
  'customers.read',
  'forms.read',
  'knowledge.read',
  'knowledge.write',
  'field_service.read', 'field_service.create',
  'reports.read',
];

export const rolePermissions: Record<RoleName, ReadonlySet<Permission>> = {
  admin: new Set(permissions),
  supervisor: new Set<Permission>([...agentPermissions, 'tickets.read_all', 'tickets.export', 'customers.write', 'customers.merge', 'email.quarantine', 'admin.categories', 'admin.priorities', 'admin.sla', 'forms.manage', 'knowledge.review', 'surveys.read', 'surveys.manage', 'macros.manage', 'field_service.dispatch', 'automation.manage', 'assignment.manage', 'processes.read']),
  agent: new Set(agentPermissions),
  // Engineers in the field work the tickets assigned to them: read, change status, reply, note.
  // Re-assigning or re-prioritising is the dispatcher's job.
  field_engineer: new Set<Permission>(['profile.self', 'tickets.read', 'tickets.change_status', 'tickets.reply', 'tickets.note', 'forms.read', 'knowledge.read', 'field_service.read']),
};

export function roleHas(role: RoleName, permission: Permission): boolean {
  return rolePermissions[role].has(permission);
}
