import type { Database } from '../db/database.js';
import type { Actor } from '../modules/auth/index.js';
import { createField, listFields } from '../modules/forms/index.js';

/**
 * The demo's contact fields (issue 14 §3: 客户行业, 客户来源), filled on every demo contact so the
 * customer 360 page shows custom fields out of the box. Values are option keys, chosen by the
 * contact's company (its trade) and its place in the plan (how it found us): deterministic.
 */
const option = (value: string, zh: string, en: string) => ({ value, label: { 'zh-CN': zh, en } });

const industries = [
  option('manufacturing', '制造业', 'Manufacturing'),
  option('logistics', '物流运输', 'Logistics'),
  option('technology', '信息技术', 'Information technology'),
  option('healthcare', '医疗医药', 'Healthcare'),
  option('food', '食品饮料', 'Food & beverage'),
  option('retail', '商贸零售', 'Trade & retail'),
  option('education', '教育培训', 'Education'),
  option('hospitality', '酒店餐饮', 'Hospitality'),
  option('property', '物业服务', 'Property services'),
];
const sources = [option('expo', '展会', 'Trade fair'), option('referral', '老客户转介绍', 'Referral'), option('website', '官网咨询', 'Website'), option('phone_in', '来电咨询', 'Inbound call')];

/** The trade of each demo company, by a word of its name (公司名 → 行业). */
const tradeWords: ReadonlyArray<[RegExp, string]> = [
  [/物流/, 'logistics'],
  [/科技|电子/, 'technology'],
  [/医疗|制药/, 'healthcare'],
  [/食品/, 'food'],
  [/商贸/, 'retail'],
  [/教育/, 'education'],
  [/酒店/, 'hospitality'],
  [/物业/, 'property'],
];

export function demoIndustryOf(company: string): string {
  return tradeWords.find(([word]) => word.test(company))?.[1] ?? 'manufacturing';
}

export function demoSourceOf(index: number): string {
  return sources[index % sources.length]!.value;
}

/**
 * Defines 客户行业 and 客户来源 unless the installation already has contact fields of those keys
 * (an admin's own): the answer says which of them the demo may fill.
 */
export async function createDemoContactFields(database: Database, admin: Actor): Promise<{ industry: boolean; source: boolean }> {
  const existing = new Set((await listFields(database.db, 'contact')).map((field) => field.key));
  if (!existing.has('industry')) await createField(database, admin, 'contact', { key: 'industry', label: { 'zh-CN': '客户行业', en: 'Industry' }, type: 'select', filterable: true, options: industries });
  if (!existing.has('source')) await createField(database, admin, 'contact', { key: 'source', label: { 'zh-CN': '客户来源', en: 'Lead source' }, type: 'select', options: sources });
  return { industry: !existing.has('industry'), source: !existing.has('source') };
}
