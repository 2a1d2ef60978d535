import type { Db } from '../../db/database.js';
import { listAggregateEvents } from '../../jobs/events.js';
import { getUserNames } from '../auth/index.js';
import { mergedContactIds } from './contacts.js';

/** A contact's or organisation's audit trail (including records merged into it), newest first, with actor names. */
export async function customerHistory(db: Db, aggregateType: 'contact' | 'organization', id: string) {
  const ids = aggregateType === 'contact' ? [id, ...(await mergedContactIds(db, id))] : [id];
  const events = await listAggregateEvents(db, aggregateType, ids);
  const names = await getUserNames(db, events.map((e) => e.actorId).filter((a): a is string => Boolean(a)));
  return events.map((e) => ({ id: e.id, type: e.type, actor: e.actorId ? { id: e.actorId, name: names.get(e.actorId) ?? '' } : null, payload: e.payload, createdAt: e.createdAt }));
}
