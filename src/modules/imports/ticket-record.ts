import { z } from 'zod';
import { cleanText, splitList } from './clean-values.js';
import type { SourceRow } from './read-source.js';
import type { ColumnMapping } from './schema.js';

/**
 * A ticket as the source wrote it, before anything is looked up: from a spreadsheet row through
 * the column mapping, or from one line of the JSON-lines format (docs/migration.md). Text only;
 * the planner (plan-ticket.ts) resolves names, value maps, dates and authors.
 */
export type RecordAttachment = { filename: string; contentType?: string | undefined; base64?: string | undefined; path?: string | undefined };
export type RecordMessage = { authorKind: 'agent' | 'contact' | 'system'; author: string | null; body: string | null; html: string | null; internal: boolean; createdAt: string | null; attachments: RecordAttachment[] };
export type TicketRecord = {
  externalId: string | null;
  subject: string | null;
  description: string | null;
  status: string | null;
  priority: string | null;
  type: string | null;
  category: string | null;
  team: string | null;
  assignee: string | null;
  requester: { name: string | null; phone: string | null; email: string | null; externalId: string | null };
  tags: string[];
  fields: Record<string, unknown>;
  createdAt: string | null;
  updatedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  /** JSON lines: the conversation. A spreadsheet has none: its description is the first message. */
  messages: RecordMessage[] | null;
};
export type RecordResult = { ok: true; record: TicketRecord } | { ok: false; reason: string; params?: Record<string, string | number> };

/** Built-in targets of a ticket column (besides `fields.<key>`). */
export const ticketTargets = [
  'externalId', 'subject', 'description', 'status', 'priority', 'type', 'category', 'team', 'assignee',
  'requesterName', 'requesterPhone', 'requesterEmail', 'requesterExternalId', 'tags', 'createdAt', 'updatedAt', 'resolvedAt', 'closedAt',
] as const;
type TicketTarget = (typeof ticketTargets)[number];

const blankRecord = (): TicketRecord => ({
  externalId: null, subject: null, description: null, status: null, priority: null, type: null, category: null, team: null, assignee: null,
  requester: { name: null, phone: null, email: null, externalId: null }, tags: [], fields: {}, createdAt: null, updatedAt: null, resolvedAt: null, closedAt: null, messages: null,
});

const requesterKeys = { requesterName: 'name', requesterPhone: 'phone', requesterEmail: 'email', requesterExternalId: 'externalId' } as const;

/** A spreadsheet row through the mapping (value maps are the planner's: they apply to JSON lines too). */
export function recordFromCells(row: SourceRow, mapping: readonly ColumnMapping[]): RecordResult {
  const record = blankRecord();
  for (const { column, header, target } of mapping) {
    if (!target) continue;
    const raw = row.cells[column] ?? '';
    if (raw.trim() === '') continue;
    if (row.lostPrecision?.includes(column)) return { ok: false, reason: 'imports.reject.precision_lost', params: { column: header, value: raw } };
    if (target.startsWith('fields.')) record.fields[target.slice('fields.'.length)] = raw;
    else if (target === 'tags') record.tags = splitList(raw).map(cleanText);
    else if (target in requesterKeys) record.requester[requesterKeys[target as keyof typeof requesterKeys]] = cleanText(raw);
    else if (target === 'description') record.description = raw.trim();
    else if ((ticketTargets as readonly string[]).includes(target)) record[target as Exclude<TicketTarget, keyof typeof requesterKeys | 'tags' | 'description'>] = cleanText(raw);
  }
  return { ok: true, record };
}

const text = z.string().max(1_000_000).nullish();
const attachmentLine = z.object({
  filename: z.string().min(1).max(255),
  contentType: z.string().max(200).optional(),
  base64: z.string().optional(),
  path: z.string().max(1000).optional(),
});
const messageLine = z.object({
  authorKind: z.enum(['agent', 'contact', 'system']),
  author: z.string().max(320).nullish(),
  body: text,
  html: text,
  internal: z.boolean().default(false),
  createdAt: z.string().max(40).nullish(),
  attachments: z.array(attachmentLine).max(100).default([]),
});
const scalar = z.union([z.string(), z.number(), z.boolean()]).nullish();
/** One line of the format (docs/migration.md, "JSON lines"): unknown keys are ignored, so tools may add their own. */
export const ticketLine = z.object({
  externalId: scalar,
  subject: z.string().max(1000).nullish(),
  description: text,
  status: z.string().max(100).nullish(),
  priority: z.string().max(100).nullish(),
  type: z.string().max(200).nullish(),
  category: z.string().max(500).nullish(),
  team: z.string().max(200).nullish(),
  assignee: z.string().max(320).nullish(),
  requester: z.object({ name: z.string().max(200).nullish(), phone: scalar, email: z.string().max(320).nullish(), externalId: scalar }).nullish(),
  tags: z.array(z.string().max(100)).max(50).nullish(),
  fields: z.record(z.string(), z.unknown()).nullish(),
  createdAt: z.string().max(40).nullish(),
  updatedAt: z.string().max(40).nullish(),
  resolvedAt: z.string().max(40).nullish(),
  closedAt: z.string().max(40).nullish(),
  messages: z.array(messageLine).max(10_000).nullish(),
});

const str = (value: string | number | boolean | null | undefined) => (value === null || value === undefined || value === '' ? null : cleanText(String(value)));

/** One line of the JSON-lines format; a line that is not JSON, or not a ticket, is a rejected row naming the first wrong key. */
export function recordFromJsonLine(line: string): RecordResult {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { ok: false, reason: 'imports.reject.invalid_json' };
  }
  const parsed = ticketLine.safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'imports.reject.invalid_line', params: { key: parsed.error.issues[0]?.path.join('.') || '(line)' } };
  const t = parsed.data;
  return {
    ok: true,
    record: {
      externalId: str(t.externalId), subject: str(t.subject), description: t.description?.trim() || null, status: str(t.status), priority: str(t.priority),
      type: str(t.type), category: str(t.category), team: str(t.team), assignee: str(t.assignee),
      requester: { name: str(t.requester?.name), phone: str(t.requester?.phone), email: str(t.requester?.email), externalId: str(t.requester?.externalId) },
      tags: (t.tags ?? []).map(cleanText).filter(Boolean), fields: t.fields ?? {},
      createdAt: str(t.createdAt), updatedAt: str(t.updatedAt), resolvedAt: str(t.resolvedAt), closedAt: str(t.closedAt),
      messages: (t.messages ?? []).map((m) => ({ authorKind: m.authorKind, author: str(m.author), body: m.body ?? null, html: m.html ?? null, internal: m.internal, createdAt: str(m.createdAt), attachments: m.attachments })),
    },
  };
}
