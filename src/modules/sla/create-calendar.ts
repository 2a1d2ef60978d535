import { uuidv7 } from 'uuidv7';
import type { Database } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { slaCalendarCreated } from './events.js';
import type { Actor } from '../auth/index.js';
import { releaseDefault } from './calendar-default.js';
import { validCalendarColumns } from './calendar-fields.js';
import type { CreateCalendarInput } from './calendar-http.js';
import { presentCalendar, type CalendarView } from './calendars.js';
import { slaCalendars } from './schema.js';

export async function createCalendar(database: Database, actor: Actor, input: CreateCalendarInput): Promise<CalendarView> {
  const columns = validCalendarColumns(input);
  return database.transaction(async (tx) => {
    const id = uuidv7();
    const now = new Date();
    if (input.isDefault) await releaseDefault(tx, actor, id, now);
    const [row] = await tx
      .insert(slaCalendars)
      .values({ id, nameZh: input.nameZh, nameEn: input.nameEn, ...columns, isDefault: input.isDefault, createdAt: now, updatedAt: now })
      .returning();
    await recordEvent(tx, slaCalendarCreated, {
      aggregateId: id,
      cause: 'agent',
      actorId: actor.id,
      payload: { nameZh: input.nameZh, isDefault: input.isDefault, alwaysOpen: columns.alwaysOpen, timeZone: columns.timeZone },
    });
    return presentCalendar(row!);
  });
}
