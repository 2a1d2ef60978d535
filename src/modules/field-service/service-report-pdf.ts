import PDFDocument from 'pdfkit';
import type { Locale } from '../../app/i18n/catalogue.js';
import { translate } from '../../app/i18n/catalogue.js';
import type { PartUsed } from './schema.js';
import type { ReportFont } from './service-report-font.js';

/** Everything the PDF shows, already read and formatted for the reader's language. */
export type ServiceReportContent = {
  locale: Locale;
  timeZone: string;
  companyName: string | null;
  number: string;
  ticketNumber: string | null;
  serviceType: string;
  customer: { name: string; phone: string | null; organization: string | null } | null;
  site: string | null;
  devices: string[];
  engineer: string | null;
  appointment: { start: Date; end: Date } | null;
  arrivedAt: Date | null;
  finishedAt: Date | null;
  fault: string;
  cause: string;
  action: string;
  /** The service type's report fields, labelled in the reader's language. */
  fields: Array<{ label: string; value: string }>;
  parts: PartUsed[];
  labourMinutes: number | null;
  /** Photo bytes (JPEG or PNG: what pdfkit embeds; others are listed by count only). */
  photos: Buffer[];
  signature: Buffer | null;
  rating: number | null;
};

const margin = 48;
const thumb = 150;

/** Renders the 服务报告 as an A4 PDF with the CJK font embedded as a subset. */
export async function renderServiceReport(content: ServiceReportContent, font: ReportFont | null): Promise<Buffer> {
  const t = (key: string, params?: Record<string, unknown>) => translate(content.locale, `work_order.report.${key}`, params);
  const doc = new PDFDocument({ size: 'A4', margin, info: { Title: `${t('title')} ${content.number}`, Producer: 'OpenCSM' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  if (font) doc.registerFont('report', font.path, font.face);
  doc.font(font ? 'report' : 'Helvetica');
  const width = doc.page.width - 2 * margin;
  const when = (date: Date | null) => (date ? formatTime(date, content.locale, content.timeZone) : '—');

  doc.fontSize(11).fillColor('#555555').text(content.companyName ?? '', { width });
  doc.fontSize(20).fillColor('#000000').text(t('title'), { width, align: 'center' });
  doc.fontSize(10).text(`${t('number')}: ${content.number}${content.ticketNumber ? `    ${t('ticket')}: ${content.ticketNumber}` : ''}`, { width, align: 'center' });
  doc.moveDown();

  const rows: Array<[string, string]> = [
    [t('service_type'), content.serviceType],
    [t('customer'), content.customer ? [content.customer.name, content.customer.organization, content.customer.phone].filter(Boolean).join('  ') : '—'],
    [t('site'), content.site ?? '—'],
    [t('devices'), content.devices.join('；') || '—'],
    [t('engineer'), content.engineer ?? '—'],
    [t('appointment'), content.appointment ? `${when(content.appointment.start)} – ${when(content.appointment.end)}` : '—'],
    [t('arrived'), when(content.arrivedAt)],
    [t('finished'), when(content.finishedAt)],
  ];
  section(doc, t('visit'), width);
  rows.forEach(([label, value]) => line(doc, label, value, width));

  section(doc, t('work'), width);
  line(doc, t('fault'), content.fault || '—', width);
  line(doc, t('cause'), content.cause || '—', width);
  line(doc, t('action'), content.action || '—', width);
  content.fields.forEach((field) => line(doc, field.label, field.value, width));
  line(doc, t('labour'), content.labourMinutes === null ? '—' : t('minutes', { minutes: content.labourMinutes }), width);

  section(doc, t('parts'), width);
  if (content.parts.length === 0) doc.fontSize(10).text(t('no_parts'), { width });
  content.parts.forEach((part) => doc.fontSize(10).text(`• ${part.name}${part.model ? ` (${part.model})` : ''} × ${part.quantity}`, { width }));

  const photos = content.photos.filter(embeddable);
  if (photos.length) {
    section(doc, t('photos', { count: photos.length }), width);
    let x = margin;
    ensureRoom(doc, thumb);
    let top = doc.y;
    for (const photo of photos) {
      if (x + thumb > margin + width) {
        x = margin;
        top += thumb + 8;
        if (top + thumb > doc.page.height - margin) {
          doc.addPage();
          top = doc.y;
        }
      }
      doc.image(photo, x, top, { fit: [thumb, thumb], align: 'center', valign: 'center' });
      x += thumb + 8;
    }
    doc.x = margin;
    doc.y = top + thumb + 8;
  }

  section(doc, t('confirmation'), width);
  line(doc, t('rating'), content.rating === null ? t('not_rated') : `${'★'.repeat(content.rating)}${'☆'.repeat(5 - content.rating)} (${content.rating}/5)`, width);
  doc.fontSize(10).text(`${t('signature')}:`, { width });
  if (content.signature && embeddable(content.signature)) {
    ensureRoom(doc, 90);
    const top = doc.y;
    doc.image(content.signature, margin, top, { fit: [220, 80] });
    doc.y = top + 88;
    doc.x = margin;
  } else doc.text(t('not_signed'), { width });
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

function section(doc: PDFDocument, title: string, width: number): void {
  ensureRoom(doc, 40);
  doc.moveDown(0.6).fontSize(13).fillColor('#1f3a8a').text(title, { width }).fillColor('#000000');
  doc.moveTo(margin, doc.y + 2).lineTo(margin + width, doc.y + 2).strokeColor('#cccccc').lineWidth(0.5).stroke();
  doc.moveDown(0.4);
}

function line(doc: PDFDocument, label: string, value: string, width: number): void {
  doc.fontSize(10).fillColor('#555555').text(`${label}: `, { width, continued: true }).fillColor('#000000').text(value);
}

function ensureRoom(doc: PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - margin) doc.addPage();
}

/** JPEG or PNG by their magic bytes: what pdfkit can embed. */
function embeddable(bytes: Buffer): boolean {
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return jpeg || png;
}

function formatTime(date: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}
