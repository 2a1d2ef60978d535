import { asc, eq, lte } from 'drizzle-orm';
import { z } from 'zod';
import type { Clock } from '../../app/clock.js';
import { translate, type Locale } from '../../app/i18n/catalogue.js';
import type { SystemMailer } from '../../app/system-mailer.js';
import type { Database } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { enqueueJobs } from '../../jobs/queue.js';
import type { DueRowSource, JobHandler } from '../../jobs/registry.js';
import { findStaffRecipients, loadActor } from '../auth/index.js';
import { xlsxWriter } from '../tickets/index.js';
import { scheduledReportSent } from './events.js';
import { reportDefinitionSchema } from './report-definition.js';
import { nextDue } from './report-schedules.js';
import { reportTable } from './report-table.js';
import { runReport } from './run-report.js';
import { reportSchedules, savedReports } from './schema.js';
import { getReportSettings } from './settings.js';

export const scheduledReportJob = 'reports.send_scheduled';
const duePerRound = 20;

/**
 * Schedules whose time came (on the injected clock) become one send job each, and move to their
 * next time after now in the same transaction: FOR UPDATE SKIP LOCKED, so two workers never
 * take the same row, and the job's dedupe key (report, due time) adds nothing twice. A server
 * down for three weeks finds a weekly row three periods late and sends it once: the next time is
 * counted from now, not from the missed one.
 */
export function dueScheduledReports(clock: Clock, defaultTimeZone: string): DueRowSource {
  return ({ database }) =>
    database.transaction(async (tx) => {
      const now = clock.now();
      const due = await tx.select().from(reportSchedules).where(lte(reportSchedules.dueAt, now)).orderBy(asc(reportSchedules.dueAt)).limit(duePerRound).for('update', { skipLocked: true });
      if (due.length === 0) return 0;
      const { timeZone } = await getReportSettings(tx, defaultTimeZone);
      await enqueueJobs(tx, due.map((s) => ({ type: scheduledReportJob, payload: { reportId: s.reportId, dueAt: s.dueAt.toISOString() }, dedupeKey: `${scheduledReportJob}:${s.reportId}:${s.dueAt.toISOString()}` })));
      for (const s of due) await tx.update(reportSchedules).set({ dueAt: await nextDue(tx, s, now, timeZone), lastSentAt: now }).where(eq(reportSchedules.reportId, s.reportId));
      return due.length;
    });
}

/**
 * The email of one due schedule: the report run in the scope of whoever set the schedule, per
 * recipient in their language — a summary table in the body and the same table as .xlsx.
 */
export function sendScheduledReport(mailer: SystemMailer, clock: Clock, defaultTimeZone: string): JobHandler {
  return async (payload, { database }) => {
    const job = z.object({ reportId: z.string(), dueAt: z.iso.datetime() }).parse(payload);
    const [report] = await database.db.select().from(savedReports).where(eq(savedReports.id, job.reportId));
    const [schedule] = await database.db.select().from(reportSchedules).where(eq(reportSchedules.reportId, job.reportId));
    if (!report || !schedule) return; // deleted or unscheduled since
    const actor = await loadActor(database.db, schedule.createdBy);
    if (!actor) return;
    const users = await findStaffRecipients(database.db, { userIds: schedule.recipientUserIds });
    const recipients: Array<{ email: string; locale: Locale }> = [
      ...users.map((u) => ({ email: u.email, locale: asLocale(u.locale) })),
      ...schedule.recipientEmails.map((email) => ({ email, locale: asLocale(actor.locale) })),
    ];
    const definition = reportDefinitionSchema.parse(report.definition);
    const mails = new Map<Locale, Awaited<ReturnType<typeof composeMail>>>();
    for (const r of recipients) {
      if (!mails.has(r.locale)) mails.set(r.locale, await composeMail(database, { name: report.name, definition, actor, locale: r.locale, now: clock.now(), defaultTimeZone }));
      const mail = mails.get(r.locale)!;
      await mailer.send({ to: r.email, subject: mail.subject, text: mail.text, html: mail.html, attachments: [mail.attachment] });
    }
    const rows = [...mails.values()][0]?.rows ?? 0;
    await database.transaction((tx) => recordEvent(tx, scheduledReportSent, { aggregateId: report.id, cause: 'system', payload: { dueAt: job.dueAt, recipients: recipients.length, rows } }));
  };
}

const asLocale = (locale: string): Locale => (locale === 'en' ? 'en' : 'zh-CN');
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** The body lists at most this many rows; the workbook holds them all. */
const summaryRows = 20;

async function composeMail(database: Database, input: { name: string; definition: ReturnType<typeof reportDefinitionSchema.parse>; actor: NonNullable<Awaited<ReturnType<typeof loadActor>>>; locale: Locale; now: Date; defaultTimeZone: string }) {
  const { definition, locale } = input;
  const result = await runReport(database.db, { definition, actor: input.actor, now: input.now, defaultTimeZone: input.defaultTimeZone, locale });
  const table = reportTable(definition, result, locale);
  const writer = await xlsxWriter(result.timeZone, translate(locale, 'report.export.sheet'));
  const chunks: Buffer[] = [];
  writer.stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise((resolve, reject) => { writer.stream.on('end', resolve); writer.stream.on('error', reject); });
  await writer.row(table.header);
  for (const row of table.rows) await writer.row(row);
  await writer.end();
  await finished;
  const period = `${result.from.slice(0, 10)} – ${result.to.slice(0, 10)}`;
  const shown = table.rows.slice(0, summaryRows);
  const more = table.rows.length > summaryRows ? translate(locale, 'report.schedule.mail_more', { count: table.rows.length - summaryRows }) : '';
  const cell = (v: string | number | null) => (v === null ? '—' : String(v));
  const text = [translate(locale, 'report.schedule.mail_intro', { name: input.name, period }), '', table.header.join('\t'), ...shown.map((r) => r.map(cell).join('\t')), more].join('\n');
  const html = `<p>${escapeHtml(translate(locale, 'report.schedule.mail_intro', { name: input.name, period }))}</p>`
    + `<table border="1" cellpadding="4" cellspacing="0"><thead><tr>${table.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`
    + `<tbody>${shown.map((r) => `<tr>${r.map((v) => `<td>${escapeHtml(cell(v))}</td>`).join('')}</tr>`).join('')}</tbody></table>${more ? `<p>${escapeHtml(more)}</p>` : ''}`;
  const filename = `${input.name.replace(/[\\/:*?"<>|]/g, '_')}-${input.now.toISOString().slice(0, 10)}.xlsx`;
  return {
    subject: `[OpenCSM] ${translate(locale, 'report.schedule.mail_subject', { name: input.name })}`,
    text, html, rows: table.rows.length,
    attachment: { filename, content: Buffer.concat(chunks), contentType: writer.contentType },
  };
}
