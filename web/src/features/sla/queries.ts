import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client.ts';
import type { paths } from '../../shared/api/schema';
import type { Calendar, CalendarBody } from './calendar-draft.ts';
import { slaKeys } from './keys.ts';

export type ImportBody = NonNullable<paths['/api/v1/sla/calendars/{id}/import-schedule']['post']['requestBody']>['content']['application/json'];

export function useCalendars() {
  return useQuery({ queryKey: slaKeys.calendars(), queryFn: async () => (await unwrap(api.GET('/api/v1/sla/calendars'))).items });
}

/** The official schedules this build ships (they change only with a new release). */
export function useBundledSchedules() {
  return useQuery({ queryKey: slaKeys.bundledSchedules(), queryFn: () => unwrap(api.GET('/api/v1/sla/holiday-schedules/china')), staleTime: Infinity });
}

const ifMatch = (calendar: Pick<Calendar, 'version'>) => ({ 'if-match': `"${calendar.version}"` });

/** Calendar writes; each refreshes the list (a new default changes two calendars). */
export function useCalendarActions() {
  const queryClient = useQueryClient();
  const refreshed = async <T,>(result: Promise<T>): Promise<T> => {
    try {
      return await result;
    } finally {
      await queryClient.invalidateQueries({ queryKey: slaKeys.calendars() });
    }
  };
  return {
    create: (body: CalendarBody) => refreshed(unwrap(api.POST('/api/v1/sla/calendars', { body }))),
    update: (calendar: Calendar, body: Partial<CalendarBody>) =>
      refreshed(unwrap(api.PATCH('/api/v1/sla/calendars/{id}', { params: { path: { id: calendar.id }, header: ifMatch(calendar) }, body }))),
    remove: (calendar: Calendar) => refreshed(unwrap(api.DELETE('/api/v1/sla/calendars/{id}', { params: { path: { id: calendar.id }, header: ifMatch(calendar) } }))),
    importSchedule: (calendar: Calendar, body: ImportBody) =>
      refreshed(unwrap(api.POST('/api/v1/sla/calendars/{id}/import-schedule', { params: { path: { id: calendar.id }, header: ifMatch(calendar) }, body }))),
  };
}

export async function addBusinessTime(calendarId: string, from: string, minutes: number): Promise<string> {
  const { dueAt } = await unwrap(api.GET('/api/v1/sla/calendars/{id}/add-business-time', { params: { path: { id: calendarId }, query: { from, minutes } } }));
  return dueAt;
}
