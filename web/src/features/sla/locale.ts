import type { Catalogue } from '../../app/locales/catalogue.ts';

/** The SLA screens' messages (zh-CN first; en typed against it). */
export const slaZhCN = {
  calendars: '工作日历',
};

export const slaEn: Catalogue<typeof slaZhCN> = {
  calendars: 'Business calendars',
};
