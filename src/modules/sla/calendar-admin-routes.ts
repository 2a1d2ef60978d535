import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { actorOf } from '../../app/http/request-context.js';
import { calendarJson, calendarSchema, createCalendarBody, idParams, ifMatchHeaders, importScheduleBody, updateCalendarBody } from './calendar-http.js';
import type { CalendarView } from './calendars.js';
import { createCalendar } from './create-calendar.js';
import { deleteCalendar } from './delete-calendar.js';
import { calendarVersionFrom } from './if-match.js';
import { importHolidaySchedule } from './import-holiday-schedule.js';
import { updateCalendar } from './update-calendar.js';

const tags = ['sla'];
const etag = (view: CalendarView) => `"${view.version}"`;

/** Creating, editing and deleting business calendars, and importing a year's holiday schedule. */
export function registerCalendarAdminRoutes(app: AppServer, { database }: AppContext): void {
  app.post('/api/v1/sla/calendars', {
    config: { permission: 'admin.sla' },
    schema: {
      tags, summary: '创建工作日历 Create a business calendar',
      description: 'Validated like every calendar: intervals "HH:MM", sorted and not overlapping; dates YYYY-MM-DD; a day is not both a holiday and a make-up workday. A bad field answers 400 naming it (`errors[].path`, e.g. `weekly.1.1.start`).',
      body: createCalendarBody,
      response: { 201: calendarSchema },
    },
  }, async (request, reply) => {
    const view = await createCalendar(database, actorOf(request), request.body);
    return reply.status(201).header('ETag', etag(view)).send(calendarJson(view));
  });

  app.patch('/api/v1/sla/calendars/:id', {
    config: { permission: 'admin.sla' },
    schema: {
      tags, summary: '修改工作日历 Update a business calendar',
      description: 'Requires `If-Match: "<version>"` (428 without it); a stale version answers 412 and changes nothing. Lists replace the stored ones. `isDefault: true` moves the default here.',
      params: idParams,
      headers: ifMatchHeaders,
      body: updateCalendarBody,
      response: { 200: calendarSchema },
    },
  }, async (request, reply) => {
    const expected = calendarVersionFrom(request.headers['if-match'], { required: true });
    const view = await updateCalendar(database, actorOf(request), request.params.id, expected, request.body);
    return reply.header('ETag', etag(view)).send(calendarJson(view));
  });

  app.delete('/api/v1/sla/calendars/:id', {
    config: { permission: 'admin.sla' },
    schema: {
      tags, summary: '删除工作日历 Delete a business calendar',
      description: 'The default calendar cannot be deleted (409): make another one the default first. An optional `If-Match` guards against deleting a calendar someone just changed.',
      params: idParams,
      headers: ifMatchHeaders,
      response: { 204: z.null() },
    },
  }, async (request, reply) => {
    await deleteCalendar(database, actorOf(request), request.params.id, calendarVersionFrom(request.headers['if-match'], { required: false }));
    return reply.status(204).send(null);
  });

  app.post('/api/v1/sla/calendars/:id/import-schedule', {
    config: { permission: 'admin.sla' },
    schema: {
      tags, summary: '导入全年节假日安排 Import a year\'s holidays and make-up workdays',
      description: [
        'Replaces the holidays and make-up workdays (调休) of `year`; other years are kept. Requires `If-Match`.',
        '`{"source": "china", "year": 2026}` imports the official State Council schedule bundled with this build (422 for a year it has no data for, e.g. 2027: import a file instead).',
        'Otherwise send the file format `{year, source?, holidays: [{date, name}], workdays: [{date, name}]}`; every date must lie in `year`.',
      ].join(' '),
      params: idParams,
      headers: ifMatchHeaders,
      body: importScheduleBody,
      response: { 200: calendarSchema },
    },
  }, async (request, reply) => {
    const expected = calendarVersionFrom(request.headers['if-match'], { required: true });
    const view = await importHolidaySchedule(database, actorOf(request), request.params.id, expected, request.body);
    return reply.header('ETag', etag(view)).send(calendarJson(view));
  });
}
