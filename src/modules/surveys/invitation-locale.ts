import type { Locale } from '../../app/i18n/catalogue.js';
import { MovedPermanently, NotFound } from '../../app/errors.js';
import type { Db } from '../../db/database.js';
import { getContact } from '../customers/index.js';

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

/** The language of a survey's invitation: the customer's own, else the installation's (survey settings). */
export async function invitationLocale(db: Db, contactId: string, installationDefault: Locale): Promise<Locale> {
  // A contact gone or merged away has no language of its own here; a failed read is not that, and
  // fails the job (retried), so a passing outage never sends the installation's language instead.
  const contact = await getContact(db, contactId).catch((error: unknown) => {
    if (error instanceof NotFound || error instanceof MovedPermanently) return null;
    throw error;
  });
  return (contact && !contact.anonymized ? localeOfAttributes(contact.attributes) : null) ?? installationDefault;
}
