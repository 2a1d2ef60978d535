import type { Locale } from '../../app/i18n/catalogue.js';
import { MovedPermanently, NotFound } from '../../app/errors.js';
import type { Db } from '../../db/database.js';
import { getContact } from './contacts.js';

/**
 * A customer's own language, from their contact's attributes (`locale`, or `language`, as an ERP
 * sync or an agent sets it: `en`, `en-US`, `zh-CN`, `zh` …), or null when they have none we speak.
 */
export function localeOfAttributes(attributes: Record<string, unknown>): Locale | null {
  const value = attributes.locale ?? attributes.language;
  if (typeof value !== 'string') return null;
  const tag = value.trim().toLowerCase().replace('_', '-');
  if (tag === 'en' || tag.startsWith('en-')) return 'en';
  if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
  return null;
}

/**
 * The language a contact reads (surveys' invitations, rules' replies): their own, or null when they
 * have none we speak, are anonymised, gone or merged away. A failed read is not that and throws,
 * so a passing outage never answers in the installation's language instead (the caller retries).
 */
export async function contactLocale(db: Db, contactId: string): Promise<Locale | null> {
  const contact = await getContact(db, contactId).catch((error: unknown) => {
    if (error instanceof NotFound || error instanceof MovedPermanently) return null;
    throw error;
  });
  return contact && !contact.anonymized ? localeOfAttributes(contact.attributes) : null;
}
