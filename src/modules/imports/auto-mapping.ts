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

/** Header text compared loosely: full-width folded, case, spaces, required marks and punctuation ignored. */
export function headerKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s*＊:：()（）[\]【】_\-.]/g, '');
}

export function builtInTargets(entity: ImportEntity): string[] {
  return Object.keys(entity === 'contacts' ? synonyms : organisationSynonyms);
}

export function autoMapping(entity: ImportEntity, headers: readonly string[], fields: readonly FieldChoice[]): ColumnMapping[] {
  const table = entity === 'contacts' ? synonyms : organisationSynonyms;
  const byKey = new Map<string, string>();
  for (const [target, names] of Object.entries(table)) for (const name of names) byKey.set(headerKey(name), target);
  for (const field of fields) for (const label of [field.key, ...field.labels]) if (!byKey.has(headerKey(label))) byKey.set(headerKey(label), `fields.${field.key}`);
  const taken = new Set<string>();
  return headers.map((header, column) => {
    const target = byKey.get(headerKey(header)) ?? null;
    // Several phone columns (手机, 座机) all become identities; any other target is taken once.
    if (!target || (target !== 'phone' && taken.has(target))) return { column, header, target: null };
    taken.add(target);
    return { column, header, target };
  });
}
