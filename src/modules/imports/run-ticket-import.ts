import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { Database } from '../../db/database.js';
import { attachmentStoreIn, type StoredFile } from '../tickets/index.js';
import { commitBatch, errorCode, type Position } from './commit-batch.js';
import type { ImportDeps } from './import-deps.js';
import { planTicket, type PlannedAttachment, type PlannedTicket, type TicketPlanSettings } from './plan-ticket.js';
import type { SourceRow } from './read-source.js';
import { loadTicketDictionary } from './ticket-dictionary.js';
import { momentReader } from './ticket-times.js';
import { importJobs, type ImportCounts } from './schema.js';
import { writeTicketBatch } from './write-ticket-batch.js';

type JobRow = typeof importJobs.$inferSelect;

/** Defaults of the app's settings, for callers that do not pass them (OPENCSM_TIMEZONE, OPENCSM_MAX_ATTACHMENT_MB). */
export const defaultTicketImport = { timeZone: 'Asia/Shanghai', maxAttachmentBytes: 25 * 1024 * 1024 };

/** Everything a ticket job's rows are planned with, read once per run. */
export async function ticketPlanSettings(deps: ImportDeps, job: JobRow): Promise<TicketPlanSettings> {
  return {
    source: job.fileKind === 'jsonl' ? 'jsonl' : 'csv',
    mapping: job.mapping,
    valueMaps: job.valueMaps,
    dictionary: await loadTicketDictionary(deps.database.db),
    readMoment: momentReader(deps.timeZone ?? defaultTicketImport.timeZone),
    maxAttachmentBytes: deps.maxAttachmentBytes ?? defaultTicketImport.maxAttachmentBytes,
    attachmentsDir: job.attachmentsDir,
    now: new Date(),
  };
}

export async function planTickets(rows: readonly SourceRow[], settings: TicketPlanSettings): Promise<PlannedTicket[]> {
  return Promise.all(rows.map((row) => planTicket(row, settings)));
}

const attachmentSavesAtOnce = 16;

/**
 * The bytes of a batch's attachments, into the attachment store before its transaction (as an
 * inbound message's are). Content-addressed: a batch retried after a crash saves the same files
 * under the same names, so a resume stores nothing twice.
 */
async function saveAttachments(deps: ImportDeps, planned: readonly PlannedTicket[]): Promise<Map<PlannedAttachment, StoredFile>> {
  const saved = new Map<PlannedAttachment, StoredFile>();
  const files = planned.flatMap((p) => (p.ok ? p.values.messages.flatMap((m) => m.attachments) : []));
  if (files.length === 0) return saved;
  const store = attachmentStoreIn(deps.dataDir);
  // Several at a time: each save waits on two fsyncs, which overlap (one at a time: 24 ms a file on the shared VM).
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < files.length; i = next++) {
      const file = files[i]!;
      const stream = 'base64' in file ? Readable.from([Buffer.from(file.base64, 'base64')]) : createReadStream(file.path);
      const blob = await store.save(stream, file.contentType);
      saved.set(file, { sha256: blob.sha256, size: blob.size, contentType: blob.contentType });
    }
  };
  await Promise.all(Array.from({ length: Math.min(attachmentSavesAtOnce, files.length) }, worker));
  return saved;
}

/**
 * One batch of ticket rows: planned, attachments saved, then written in one transaction; when that
 * fails twice, row by row, where a row that still fails alone is rejected with the reason (as
 * run-import.ts does for contacts: one bad row never stops the rest).
 */
export async function commitTicketRows(deps: ImportDeps, job: JobRow, settings: TicketPlanSettings, rows: readonly SourceRow[], at: Position): Promise<Position & { counts: ImportCounts }> {
  const planned = await planTickets(rows, settings);
  const saved = await saveAttachments(deps, planned);
  const timeZone = deps.timeZone ?? defaultTicketImport.timeZone;
  const write = (database: Database, batch: readonly PlannedTicket[], from: Position) =>
    database.transaction(async (tx) => (await writeTicketBatch(tx, { jobId: job.id, seq: from.seq + 1, settingsVersion: job.settingsVersion, fromCheckpoint: from.checkpoint, lastRow: batch[batch.length - 1]!.rowNumber, rule: job.dedupRule, planned: batch, saved, timeZone })).counts);
  return commitBatch(planned, at, (batch, from) => write(deps.database, batch, from), (row, from, error) =>
    write(deps.database, [{ rowNumber: row.rowNumber, cells: row.cells, ok: false, reason: 'imports.reject.write_failed', params: { code: errorCode(error) } }], from),
  );
}
