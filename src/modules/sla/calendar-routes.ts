import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { addBusinessMinutes } from './calendar/index.js';
import { getCalendar, listCalendars, type CalendarView } from './calendars.js';

const tags = ['sla'];
const interval = z.object({ start: z.string(), end: z.string() });
const calendarSchema = z
  .object({
    id: z.uuid(),
    nameZh: z.string(),
    nameEn: z.string(),
    isDefault: z.boolean(),
    version: z.number().int(),
    timeZone: z.string(),
    weekly: z.array(z.array(interval)).length(7),
    holidays: z.array(z.string()),
    workdays: z.array(z.string()),
    makeUpDaySchedule: z.array(interval).nullable(),
    alwaysOpen: z.boolean(),
    holidayYears: z.array(z.number().int()),
  })
  .meta({ id: 'BusinessCalendar' });

function toJson(view: CalendarView): z.input<typeof calendarSchema> {
  const { calendar } = view;
  return {
    id: view.id,
    nameZh: view.nameZh,
    nameEn: view.nameEn,
    isDefault: view.isDefault,
    version: view.version,
    timeZone: calendar.timeZone,
    weekly: calendar.weekly.map((day) => [...day]),
    holidays: [...calendar.holidays],
    workdays: [...calendar.workdays],
    makeUpDaySchedule: calendar.makeUpDaySchedule ? [...calendar.makeUpDaySchedule] : null,
    alwaysOpen: Boolean(calendar.alwaysOpen),
    holidayYears: view.holidayYears,
  };
}

export function registerCalendarRoutes(app: AppServer, { database }: AppContext): void {
  // Calendars are reference data every agent's SLA countdown depends on: readable by all staff.
  app.get('/api/v1/sla/calendars', {
    config: { permission: 'tickets.read' },
    schema: { tags, summary: '工作日历列表 Business calendars (the default first)', response: { 200: z.object({ items: z.array(calendarSchema) }) } },
  }, async () => ({ items: (await listCalendars(database.db)).map(toJson) }));

  app.get('/api/v1/sla/calendars/:id', {
    config: { permission: 'tickets.read' },
    schema: { tags, summary: '工作日历 A business calendar', params: z.object({ id: z.uuid() }), response: { 200: calendarSchema } },
  }, async (request) => toJson(await getCalendar(database.db, request.params.id)));

  app.get('/api/v1/sla/calendars/:id/add-business-time', {
    config: { permission: 'tickets.read' },
    schema: {
      tags,
      summary: '加上工作时间 Add business minutes to an instant',
      description: 'Counting starts at `from`, or at the next opening when `from` is outside business time. Ending exactly at a closing time answers that closing time.',
      params: z.object({ id: z.uuid() }),
      querystring: z.strictObject({ from: z.iso.datetime({ offset: true }), minutes: z.coerce.number().int().min(0).max(10_000_000) }),
      response: { 200: z.object({ dueAt: z.string() }) },
    },
  }, async (request) => {
    const { calendar } = await getCalendar(database.db, request.params.id);
    return { dueAt: addBusinessMinutes(calendar, new Date(request.query.from), request.query.minutes).toISOString() };
  });
}
