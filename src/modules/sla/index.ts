/** Public surface of the SLA module: the business-calendar engine and the stored calendars. */
import type { AppModule } from '../../app/context.js';
import { registerCalendarAdminRoutes } from './calendar-admin-routes.js';
import { registerCalendarRoutes } from './calendar-routes.js';

export * from './calendar/index.js';
export { getCalendar, listCalendars, type CalendarView } from './calendars.js';

export const slaModule: AppModule = {
  name: 'sla',
  registerRoutes(app, context) {
    registerCalendarRoutes(app, context);
    registerCalendarAdminRoutes(app, context);
  },
};
