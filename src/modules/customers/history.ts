import type { Db } from '../../db/database.js';
import { listAggregateEvents } from '../../jobs/events.js';
import { getUserNames } from '../auth/index.js';
import { mergedContactIds } from './contacts.js';
import { readableFieldsOf, type FieldReader } from './customer-fields.js';

type Payload = Record<string, unknown>;
const customKey = (key: string) => (key.startsWith('fields.') ? key.slice('fields.'.length) : null);

/**
 * A custom value's change is recorded under `fields.<key>` (in `from`/`to` of an update, in
 * `fields` of a creation), and a merge names the keys the survivor took (`fieldsTaken`); a reader
 * sees only those of fields it may read, like the record itself.
 */
function withoutUnreadable(payload: Payload, readable: (key: string) => boolean): Payload {
  const keep = (values: unknown) => (values && typeof values === 'object' ? Object.fromEntries(Object.entries(values).filter(([key]) => customKey(key) === null || readable(customKey(key)!))) : values);
  const taken = Array.isArray(payload.fieldsTaken) ? { fieldsTaken: payload.fieldsTaken.filter((key) => readable(String(key))) } : {};
  return { ...payload, ...('from' in payload && { from: keep(payload.from) }), ...('to' in payload && { to: keep(payload.to) }), ...('fields' in payload && { fields: keep(payload.fields) }), ...taken };
}

/** A contact's or organisation's audit trail (including records merged into it), newest first, with actor names. */
export async function customerHistory(db: Db, aggregateType: 'contact' | 'organization', id: string, reader?: FieldReader) {
  const ids = aggregateType === 'contact' ? [id, ...(await mergedContactIds(db, id))] : [id];
  const events = await listAggregateEvents(db, aggregateType, ids);
  const names = await getUserNames(db, events.map((e) => e.actorId).filter((a): a is string => Boolean(a)));
  // The registry is read only when some event names a custom field.
  const namesFields = events.some((e) => 'fieldsTaken' in e.payload || JSON.stringify(e.payload).includes('"fields.'));
  const readable = namesFields ? await readableFieldsOf(db, aggregateType === 'contact' ? 'contact' : 'organisation', reader) : () => false;
  return events.map((e) => ({ id: e.id, type: e.type, actor: e.actorId ? { id: e.actorId, name: names.get(e.actorId) ?? '' } : null, payload: withoutUnreadable(e.payload, readable), createdAt: e.createdAt }));
}
