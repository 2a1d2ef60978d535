/**
 * The variable catalogue of text templates (macros' replies, rules' "reply from template"): every
 * variable a text may name, with its label in both languages for the console's picker and the
 * docs' table (docs/automation.md). Custom fields are `fields.<key>`, known from the field
 * registry rather than listed here. Plain data: the web console imports it.
 */
export type TemplateVariable = { key: string; label: { 'zh-CN': string; en: string } };

const variable = (key: string, zh: string, en: string): TemplateVariable => ({ key, label: { 'zh-CN': zh, en } });

export const templateVariables: readonly TemplateVariable[] = [
  variable('ticket.number', '工单编号', 'Ticket number'),
  variable('ticket.subject', '工单标题', 'Ticket subject'),
  variable('ticket.status', '工单状态', 'Ticket status'),
  variable('ticket.priority', '优先级', 'Priority'),
  variable('ticket.category', '分类', 'Category'),
  variable('ticket.team', '团队', 'Team'),
  variable('ticket.assignee', '处理人', 'Assignee'),
  variable('ticket.link', '工单链接', 'Ticket link'),
  variable('requester.name', '客户姓名', 'Customer name'),
  variable('requester.email', '客户邮箱', 'Customer email'),
  variable('requester.phone', '客户电话', 'Customer phone'),
  variable('organisation.name', '客户所属组织', 'Customer organisation'),
  variable('agent.name', '当前客服姓名', 'Current agent name'),
];

/** Custom field variables: `fields.` followed by the field's key. */
export const customFieldPrefix = 'fields.';

const builtinKeys = new Set(templateVariables.map((v) => v.key));

/**
 * Whether a variable name is known: a catalogue variable, or `fields.<key>` for a key `isField`
 * accepts (the registry's custom ticket fields; omitted, no custom field is known).
 */
export function isKnownVariable(name: string, isField: (key: string) => boolean = () => false): boolean {
  if (builtinKeys.has(name)) return true;
  return name.startsWith(customFieldPrefix) && isField(name.slice(customFieldPrefix.length));
}
