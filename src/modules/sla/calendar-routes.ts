import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { addBusinessMinutes, CHINA_SCHEDULE_SOURCE, CHINA_SCHEDULE_YEARS, chinaHolidaySchedule, type YearHolidaySchedule } from './calendar/index.js';
import { calendarJson, calendarSchema, idParams, yearScheduleSchema } from './calendar-http.js';
import { getCalendar, listCalendars } from './calendars.js';

const tags = ['sla'];

let bundled: YearHolidaySchedule[] | undefined;
/** The bundled data cannot change while the process runs: derive it once. */
function bundledSchedules(): YearHolidaySchedule[] {
  bundled ??= CHINA_SCHEDULE_YEARS.map(chinaHolidaySchedule).filter((schedule) => schedule !== undefined);
  return bundled;
}

export function registerCalendarRoutes(app: AppServer, { database }: AppContext): void {
  // Calendars are reference data every agent's SLA countdown depends on: readable by all staff.
  app.get('/api/v1/sla/calendars', {
    config: { permission: 'tickets.read' },
    schema: { tags, summary: '工作日历列表 Business calendars (the default first)', response: { 200: z.object({ items: z.array(calendarSchema) }) } },
  }, async () => ({ items: (await listCalendars(database.db)).map(calendarJson) }));

  app.get('/api/v1/sla/calendars/:id', {
    config: { permission: 'tickets.read' },
    schema: { tags, summary: '工作日历 A business calendar', description: 'The `ETag` header carries the version for `If-Match`.', params: idParams, response: { 200: calendarSchema } },
  }, async (request, reply) => {
    const view = await getCalendar(database.db, request.params.id);
    return reply.header('ETag', `"${view.version}"`).send(calendarJson(view));
  });

  app.get('/api/v1/sla/calendars/:id/add-business-time', {
    config: { permission: 'tickets.read' },
    schema: {
      tags,
      summary: '加上工作时间 Add business minutes to an instant',
      description: 'Counting starts at `from`, or at the next opening when `from` is outside business time. Ending exactly at a closing time answers that closing time.',
      params: idParams,
      querystring: z.strictObject({ from: z.iso.datetime({ offset: true }), minutes: z.coerce.number().int().min(0).max(10_000_000) }),
      response: { 200: z.object({ dueAt: z.string() }) },
    },
  }, async (request) => {
    const { calendar } = await getCalendar(database.db, request.params.id);
    return { dueAt: addBusinessMinutes(calendar, new Date(request.query.from), request.query.minutes).toISOString() };
  });

  app.get('/api/v1/sla/holiday-schedules/china', {
    config: { permission: 'tickets.read' },
    schema: {
      tags,
      summary: '内置的国务院节假日安排 The official China schedules bundled with this build',
      description: 'One entry per year the bundled data covers, with the names of the days. Years not listed count as plain weekdays until a schedule is imported into a calendar.',
      response: { 200: z.object({ source: z.string(), schedules: z.array(yearScheduleSchema) }) },
    },
  }, async () => ({ source: CHINA_SCHEDULE_SOURCE, schedules: bundledSchedules() }));
}
