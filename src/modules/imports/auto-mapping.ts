import type { ColumnMapping, ImportEntity } from './schema.js';

/**
 * Columns mapped by their header before anyone touches them: the names Chinese and English
 * spreadsheets use for each built-in target, then the registry's custom fields by label or key.
 * The admin corrects the rest in the wizard; a template remembers the result by header text.
 */
export type FieldChoice = { key: string; labels: string[] };

const synonyms: Record<string, readonly string[]> = {
  name: ['姓名', '联系人', '联系人姓名', '客户姓名', '名字', 'name', 'fullname', 'contact', 'contactname'],
  phone: ['手机', '电话', '联系电话', '手机号', '手机号码', '电话号码', '移动电话', '座机', 'mobile', 'phone', 'tel', 'telephone', 'phonenumber', 'cellphone'],
  email: ['邮箱', '电子邮件', '电子邮箱', '邮件', 'email', 'e-mail', 'mail', 'emailaddress'],
  organisation: ['公司', '单位', '公司名称', '单位名称', '所属公司', '企业', '客户单位', 'organisation', 'organization', 'company', 'org'],
  externalId: ['外部编号', '编号', '客户编号', '原编号', '外部id', 'externalid', 'external_id', 'id', 'code'],
  notes: ['备注', '说明', 'notes', 'note', 'remark', 'remarks', 'comment'],
};

const organisationSynonyms: Record<string, readonly string[]> = {
  name: ['公司', '单位', '公司名称', '单位名称', '企业名称', '客户名称', '名称', 'name', 'organisation', 'organization', 'company'],
  externalId: synonyms.externalId!,
  notes: synonyms.notes!,
};

const ticketSynonyms: Record<string, readonly string[]> = {
  externalId: ['原工单号', '工单号', '工单编号', '原编号', '编号', 'ticketnumber', 'ticketno', 'ticketid', 'number', 'id', 'externalid'],
  subject: ['标题', '主题', '工单标题', '问题标题', 'subject', 'title'],
  description: ['描述', '问题描述', '内容', '详情', '工单内容', 'description', 'content', 'body', 'details'],
  status: ['状态', '工单状态', 'status', 'state'],
  priority: ['优先级', '紧急程度', '级别', 'priority', 'urgency'],
  type: ['类型', '工单类型', 'type', 'tickettype'],
  category: ['分类', '类别', '问题分类', '问题类型', 'category'],
  team: ['团队', '处理组', '技能组', '部门', 'team', 'group'],
  assignee: ['处理人', '负责人', '受理人', '客服', '经办人', 'assignee', 'agent', 'owner'],
  requesterName: ['客户', '客户姓名', '联系人', '姓名', '报告人', '提交人', 'requester', 'customer', 'name', 'contact'],
  requesterPhone: ['电话', '手机', '联系电话', '手机号', '手机号码', '客户电话', 'phone', 'mobile', 'tel'],
  requesterEmail: ['邮箱', '电子邮件', '客户邮箱', 'email', 'e-mail', 'mail'],
  requesterExternalId: ['客户编号', '客户id', 'customerid', 'requesterid'],
  tags: ['标签', 'tags', 'labels'],
  createdAt: ['创建时间', '提交时间', '创建日期', '报告时间', 'created', 'createdat', 'created_at', 'opened'],
  updatedAt: ['更新时间', '最后更新', '修改时间', 'updated', 'updatedat', 'updated_at'],
  resolvedAt: ['解决时间', '完成时间', 'resolved', 'resolvedat', 'solvedat'],
  closedAt: ['关闭时间', '结案时间', 'closed', 'closedat', 'closed_at'],
};

const synonymsOf = (entity: ImportEntity) => (entity === 'contacts' ? synonyms : entity === 'tickets' ? ticketSynonyms : organisationSynonyms);

/** Header text compared loosely: full-width folded, case, spaces, required marks and punctuation ignored. */
export function headerKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s*＊:：()（）[\]【】_\-.]/g, '');
}

/** The field registry's entity whose custom fields a job's columns may target. */
export function fieldEntityOf(entity: ImportEntity): 'contact' | 'organisation' | 'ticket' {
  return entity === 'contacts' ? 'contact' : entity === 'tickets' ? 'ticket' : 'organisation';
}

export function builtInTargets(entity: ImportEntity): string[] {
  return Object.keys(synonymsOf(entity));
}

export function autoMapping(entity: ImportEntity, headers: readonly string[], fields: readonly FieldChoice[]): ColumnMapping[] {
  const table = synonymsOf(entity);
  const byKey = new Map<string, string>();
  for (const [target, names] of Object.entries(table)) for (const name of names) byKey.set(headerKey(name), target);
  for (const field of fields) for (const label of [field.key, ...field.labels]) if (!byKey.has(headerKey(label))) byKey.set(headerKey(label), `fields.${field.key}`);
  const taken = new Set<string>();
  return headers.map((header, column) => {
    const target = byKey.get(headerKey(header)) ?? null;
    // Several phone columns (手机, 座机) of a contact all become identities; any other target is taken once.
    if (!target || ((target !== 'phone' || entity !== 'contacts') && taken.has(target))) return { column, header, target: null };
    taken.add(target);
    return { column, header, target };
  });
}
