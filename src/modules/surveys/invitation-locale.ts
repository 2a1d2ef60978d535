import type { Locale } from '../../app/i18n/catalogue.js';
import type { Db } from '../../db/database.js';
import { contactLocale } from '../customers/index.js';

/** The language of a survey's invitation: the customer's own, else the installation's (survey settings). */
export async function invitationLocale(db: Db, contactId: string, installationDefault: Locale): Promise<Locale> {
  return (await contactLocale(db, contactId)) ?? installationDefault;
}
