import { stat } from 'node:fs/promises';
import { isAbsolute, join, normalize, sep } from 'node:path';
import { normaliseEmail, normalisePhone, type ImportIdentity } from '../customers/index.js';
import { sanitiseEmailHtml, textOfHtml } from '../email-channel/index.js';
import type { TicketStatus } from '../tickets/index.js';
import { cleanDate, cleanText, splitList } from './clean-values.js';
import type { SourceRow } from './read-source.js';
import type { ColumnMapping, RowWarning, ValueMaps } from './schema.js';
import { lookUp, type TicketDictionary } from './ticket-dictionary.js';
import { recordFromCells, recordFromJsonLine, type RecordAttachment, type TicketRecord } from './ticket-record.js';
import type { MomentReader } from './ticket-times.js';

/** Where an attachment's bytes are: in the line (base64) or in a file beside it. `size`: known before reading. */
export type PlannedAttachment = { filename: string; contentType: string | undefined; size: number } & ({ base64: string } | { path: string });
export type PlannedMessage = { authorUserId: string | null; byRequester: boolean; internal: boolean; body: string; bodyHtml: string | null; createdAt: Date; attachments: PlannedAttachment[] };
export type PlannedRequester = { name: string | null; identities: ImportIdentity[]; externalId: string | null };
export type TicketValues = {
  externalId: string | null;
  subject: string;
  description: string;
  status: TicketStatus;
  priority: string;
  typeId: string | null;
  categoryId: string | null;
  teamId: string | null;
  assigneeId: string | null;
  requester: PlannedRequester | null;
  tags: string[];
  fields: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  closedAt: Date | null;
  /** The first message is the requester's description. */
  opening: boolean;
  messages: PlannedMessage[];
  warnings: RowWarning[];
};
export type PlannedTicket = { rowNumber: number; cells: string[] } & ({ ok: true; values: TicketValues } | { ok: false; reason: string; params?: Record<string, string | number> });
export type TicketPlanSettings = {
  source: 'csv' | 'jsonl';
  mapping: readonly ColumnMapping[];
  valueMaps: ValueMaps;
  dictionary: TicketDictionary;
  readMoment: MomentReader;
  maxAttachmentBytes: number;
  /** The folder attachment paths are relative to; null: paths are not available (an upload without its folder). */
  attachmentsDir: string | null;
  now: Date;
};

class RowRejected extends Error {
  constructor(readonly reason: string, readonly params?: Record<string, string | number>) {
    super(reason);
  }
}

/** A rejected JSON line keeps this much of itself for the rejected-rows workbook (a line may carry megabytes of base64). */
const keptLineChars = 2_000;

/** One row or line planned: names resolved, values mapped, dates read, HTML sanitised, attachments measured. Reads only attachment sizes from disk. */
export async function planTicket(row: SourceRow, settings: TicketPlanSettings): Promise<PlannedTicket> {
  const cells = settings.source === 'jsonl' ? [row.cells[0]!.slice(0, keptLineChars)] : row.cells;
  const base = { rowNumber: row.rowNumber, cells };
  const read = settings.source === 'jsonl' ? recordFromJsonLine(row.cells[0] ?? '') : recordFromCells(row, settings.mapping);
  if (!read.ok) return { ...base, ok: false, reason: read.reason, ...(read.params && { params: read.params }) };
  try {
    return { ...base, ok: true, values: await planValues(read.record, settings) };
  } catch (error) {
    if (error instanceof RowRejected) return { ...base, ok: false, reason: error.reason, ...(error.params && { params: error.params }) };
    throw error;
  }
}

async function planValues(record: TicketRecord, settings: TicketPlanSettings): Promise<TicketValues> {
  const { dictionary, valueMaps } = settings;
  const mapped = (target: string, value: string | null) => (value === null ? null : (valueMaps[target]?.[value] ?? value));
  /** A name that must mean something here: unknown is a rejection naming the column and the value. */
  const resolve = <T>(target: string, value: string | null, map: Map<string, T>): T | null => {
    const name = mapped(target, value);
    if (name === null) return null;
    const found = lookUp(map, name);
    if (found === undefined) throw new RowRejected(`imports.reject.unknown_${target}`, { value: name });
    return found;
  };
  const moment = (target: string, value: string | null): Date | null => {
    if (value === null) return null;
    const at = settings.readMoment(value);
    if (!at) throw new RowRejected('imports.reject.invalid_time', { column: target, value });
    return at;
  };
  const warnings: RowWarning[] = [];
  const requester = planRequester(record.requester);
  const messages: PlannedMessage[] = [];
  let opening = false;
  if (record.messages === null) {
    // A spreadsheet row: its description is the requester's first message.
    if (record.description) {
      messages.push({ authorUserId: null, byRequester: true, internal: false, body: record.description, bodyHtml: null, createdAt: new Date(0), attachments: [] });
      opening = true;
    }
  } else {
    for (const [index, m] of record.messages.entries()) messages.push(await planMessage(m, index, settings, warnings));
  }
  const firstAt = messages.find((m) => m.createdAt.getTime() > 0)?.createdAt ?? null;
  const createdAt = moment('createdAt', record.createdAt) ?? firstAt ?? settings.now;
  for (const m of messages) if (m.createdAt.getTime() === 0) m.createdAt = createdAt;
  messages.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const description = record.description ?? messages[0]?.body ?? '';
  if (record.messages !== null && messages[0]?.byRequester && !messages[0].internal && messages[0].body === description) opening = true;
  const subject = record.subject ?? '';
  if (!subject) throw new RowRejected('imports.reject.subject_missing');
  const status = resolve('status', record.status, dictionary.status) ?? (record.closedAt ? 'closed' : 'new');
  const closedAt = moment('closedAt', record.closedAt);
  const lastAt = Math.max(createdAt.getTime(), ...messages.map((m) => m.createdAt.getTime()));
  const updatedAt = moment('updatedAt', record.updatedAt) ?? new Date(Math.max(lastAt, closedAt?.getTime() ?? 0));
  const resolvedAt = moment('resolvedAt', record.resolvedAt);
  const done = status === 'resolved' || status === 'closed';
  return {
    externalId: record.externalId,
    subject: subject.slice(0, 500),
    description,
    status,
    priority: resolve('priority', record.priority, dictionary.priority) ?? dictionary.defaultPriority,
    typeId: resolve('type', record.type, dictionary.type),
    categoryId: resolve('category', record.category, dictionary.category),
    teamId: resolve('team', record.team, dictionary.team),
    assigneeId: resolve('assignee', record.assignee, dictionary.user),
    requester,
    tags: record.tags.map((t) => mapped('tags', t)!),
    fields: planFields(record.fields, settings),
    createdAt,
    updatedAt,
    // A finished ticket keeps when it finished; without a time, its last update is the best there is.
    resolvedAt: done ? (resolvedAt ?? closedAt ?? updatedAt) : null,
    closedAt: status === 'closed' ? (closedAt ?? updatedAt) : null,
    opening,
    messages,
    warnings,
  };
}

function planRequester(raw: TicketRecord['requester']): PlannedRequester | null {
  const identities: ImportIdentity[] = [];
  for (const [kind, value] of [['phone', raw.phone], ['email', raw.email]] as const) {
    for (const part of value ? splitList(value) : []) {
      const normal = kind === 'phone' ? normalisePhone(part) : normaliseEmail(part);
      if (!normal) throw new RowRejected(`imports.reject.invalid_${kind}`, { column: kind, value: part });
      if (!identities.some((i) => i.kind === kind && i.value === normal)) identities.push({ kind, value: normal });
    }
  }
  if (!raw.name && identities.length === 0 && !raw.externalId) return null;
  return { name: raw.name, identities, externalId: raw.externalId };
}

async function planMessage(m: NonNullable<TicketRecord['messages']>[number], index: number, settings: TicketPlanSettings, warnings: RowWarning[]): Promise<PlannedMessage> {
  const bodyHtml = m.html ? sanitiseEmailHtml(m.html) : null;
  const body = m.body?.trim() || (bodyHtml ? textOfHtml(bodyHtml) : '');
  if (!body && m.attachments.length === 0) throw new RowRejected('imports.reject.message_empty', { message: index + 1 });
  let authorUserId: string | null = null;
  if (m.authorKind === 'agent' && m.author) {
    authorUserId = lookUp(settings.dictionary.user, m.author) ?? null;
    if (!authorUserId) warnings.push({ reason: 'imports.warn.unknown_author', params: { message: index + 1, value: m.author } });
  }
  const createdAt = m.createdAt ? settings.readMoment(m.createdAt) : null;
  if (m.createdAt && !createdAt) throw new RowRejected('imports.reject.invalid_time', { column: `messages.${index}.createdAt`, value: m.createdAt });
  const attachments: PlannedAttachment[] = [];
  for (const file of m.attachments) {
    const planned = await planAttachment(file, settings, warnings);
    if (planned) attachments.push(planned);
  }
  // An agent whose account is not here still wrote as staff: the message stays an agent's (no author), not the customer's.
  return { authorUserId, byRequester: m.authorKind === 'contact', internal: m.internal, body, bodyHtml, createdAt: createdAt ?? new Date(0), attachments };
}

/** Measured, not read: the bytes are read only when the batch saves them. Oversized or missing: a warning on the row, the ticket imported without it. */
async function planAttachment(file: RecordAttachment, settings: TicketPlanSettings, warnings: RowWarning[]): Promise<PlannedAttachment | null> {
  const limitMb = Math.round(settings.maxAttachmentBytes / 1024 / 1024);
  let size: number;
  let where: { base64: string } | { path: string };
  if (file.base64 !== undefined) {
    const b64 = file.base64.replace(/\s+/g, '');
    size = Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);
    where = { base64: b64 };
  } else if (file.path !== undefined && settings.attachmentsDir) {
    const path = normalize(isAbsolute(file.path) ? file.path : join(settings.attachmentsDir, file.path));
    // Only files under the folder of the import: a line must not read /etc/passwd.
    if (!path.startsWith(normalize(settings.attachmentsDir) + sep)) {
      warnings.push({ reason: 'imports.warn.attachment_missing', params: { filename: file.filename } });
      return null;
    }
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) {
      warnings.push({ reason: 'imports.warn.attachment_missing', params: { filename: file.filename } });
      return null;
    }
    size = info.size;
    where = { path };
  } else {
    warnings.push({ reason: 'imports.warn.attachment_missing', params: { filename: file.filename } });
    return null;
  }
  if (size > settings.maxAttachmentBytes) {
    warnings.push({ reason: 'imports.warn.attachment_too_large', params: { filename: file.filename, size, limit: limitMb } });
    return null;
  }
  if (size === 0) {
    warnings.push({ reason: 'imports.warn.attachment_missing', params: { filename: file.filename } });
    return null;
  }
  return { filename: file.filename, contentType: file.contentType, size, ...where };
}

/** Custom values by the registry's type: dates read, lists split, numbers as numbers, the rest as cleaned text. */
function planFields(raw: Record<string, unknown>, settings: TicketPlanSettings): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const type = settings.dictionary.fieldTypes.get(key);
    if (!type) throw new RowRejected('imports.reject.unknown_field', { value: key });
    if (value === null || value === undefined || value === '') continue;
    const text = typeof value === 'string' ? (settings.valueMaps[`fields.${key}`]?.[cleanText(value)] ?? value) : value;
    if (typeof text !== 'string') {
      fields[key] = text;
    } else if (type === 'date') {
      const date = cleanDate(text);
      if (!date) throw new RowRejected('imports.reject.invalid_date', { column: key, value: text });
      fields[key] = date;
    } else if (type === 'number') {
      const number = Number(cleanText(text));
      if (!Number.isFinite(number)) throw new RowRejected('imports.reject.invalid_number', { column: key, value: text });
      fields[key] = number;
    } else {
      fields[key] = type === 'multiselect' ? splitList(text).map(cleanText) : cleanText(text);
    }
  }
  return fields;
}
