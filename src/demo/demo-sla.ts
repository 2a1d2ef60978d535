import type { Database } from '../db/database.js';
import type { Actor } from '../modules/auth/index.js';
import { createCalendar, createPolicy } from '../modules/sla/index.js';

/**
 * The demo's own SLA policy, tried before the default one: urgent faults are answered around the
 * clock (7×24 全天候), as service desks with maintenance contracts promise. Besides showing a
 * second policy and calendar in the settings, it is what lets 即将超时 hold tickets at any hour:
 * under the default business-hours calendar nothing can fall due within the hour on a Sunday.
 * Targets in minutes of that 24×7 calendar; same pause, warning and escalation as the default.
 */
export async function createDemoSlaPolicy(database: Database, admin: Actor): Promise<void> {
  const calendar = await createCalendar(database, admin, {
    nameZh: '7×24 全天候',
    nameEn: '24×7',
    timeZone: 'Asia/Shanghai',
    weekly: [[], [], [], [], [], [], []],
    holidays: [],
    workdays: [],
    makeUpDaySchedule: null,
    alwaysOpen: true,
    isDefault: false,
  });
  await createPolicy(database, admin, {
    nameZh: '紧急故障 7×24 响应',
    nameEn: 'Urgent faults, 24×7',
    active: true,
    position: 0,
    conditions: { all: [{ field: 'priority', op: 'in', values: ['urgent'] }] },
    targets: { urgent: { firstResponseMinutes: 30, nextResponseMinutes: 60, resolutionMinutes: 480 } },
    calendarId: calendar.id,
    pauseStatuses: ['pending'],
    warningPercent: 80,
    escalation: [{ afterMinutes: 0, target: 'any', actions: [{ type: 'notify', to: 'assignee' }, { type: 'notify', to: 'supervisors' }], businessHoursOnly: false }],
  });
}
