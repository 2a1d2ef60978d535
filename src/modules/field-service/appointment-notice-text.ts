import type { Locale } from '../../app/i18n/catalogue.js';
import { translate } from '../../app/i18n/catalogue.js';
import type { SiteAddress } from './schema.js';
import { regionNames } from './site-address.js';

export type NoticeKind = 'scheduled' | 'rescheduled' | 'cancelled' | 'reminder';

/** A notice's text in the customer's language: the order number, window, engineer (name only) and address. */
export function appointmentNoticeText(kind: NoticeKind, locale: Locale, timeZone: string, facts: { number: string; start: Date; end: Date; engineerName: string | null; site: SiteAddress | null }): string {
  return translate(locale, `work_order.notice.${kind}`, {
    number: facts.number,
    window: formatWindow(facts.start, facts.end, locale, timeZone),
    engineer: facts.engineerName || translate(locale, 'work_order.notice.no_engineer'),
    address: facts.site ? `${regionNames(facts.site.region).join('')} ${facts.site.street}`.trim() : translate(locale, 'work_order.notice.no_address'),
  });
}

/** 12月8日 09:00–11:00 / 8 Dec 09:00–11:00 (the end's date too when it is another day). */
export function formatWindow(start: Date, end: Date, locale: Locale, timeZone: string): string {
  const day = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { timeZone, month: locale === 'en' ? 'short' : 'long', day: 'numeric', weekday: 'short' });
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const sameDay = day.format(start) === day.format(end);
  return `${day.format(start)} ${time.format(start)}–${sameDay ? '' : `${day.format(end)} `}${time.format(end)}`;
}
