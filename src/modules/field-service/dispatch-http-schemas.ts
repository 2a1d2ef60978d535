import { z } from 'zod';
import { labelSchema } from '../../forms/definition.js';
import { engineerProfileBody } from './engineer-profiles.js';
import { workOrderStatuses } from './work-order-status.js';

/** The dispatch board's HTTP shapes (派工台): the board, suggestions and engineer profiles. */
const reason = z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() }).meta({ id: 'DispatchReason' });
const conflict = reason;
const site = z.object({ regionNames: z.array(z.string()), street: z.string(), lat: z.number().nullable(), lng: z.number().nullable() });
const point = z.object({ lat: z.number(), lng: z.number() });

export const boardQuery = z.strictObject({
  from: z.iso.date().describe('the first local day (YYYY-MM-DD, the installation\'s time zone)'),
  days: z.coerce.number().int().min(1).max(14).default(7),
  teamId: z.uuid().optional(),
  speedKmh: z.coerce.number().min(5).max(120).default(30).describe('average travel speed for the straight-line estimate'),
  after: z.string().max(200).optional().describe('the unscheduled list\'s `nextCursor`'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const dispatchBoardSchema = z.object({
  from: z.string(),
  dates: z.array(z.string()),
  dayStarts: z.array(z.date()).describe('the first instant of each date in the installation\'s time zone'),
  speedKmh: z.number(),
  engineers: z.array(z.object({
    id: z.uuid(), name: z.string(), skills: z.array(z.string()), zones: z.array(z.string()), dailyCapacity: z.number().int(), lastPosition: point.nullable(),
    days: z.array(z.object({ date: z.string(), count: z.number().int(), minutes: z.number().int(), overCapacity: z.boolean(), conflicts: z.number().int() })),
    visits: z.array(z.object({
      id: z.uuid(), number: z.string().nullable(), status: z.enum(workOrderStatuses), priority: z.string().nullable(), serviceType: labelSchema.nullable(), site: site.nullable(),
      start: z.date(), end: z.date(), date: z.string(), visible: z.boolean(), conflicts: z.array(conflict), travelFromPrevious: z.object({ km: z.number(), minutes: z.number().int() }).nullable(),
    })),
  })),
  unscheduled: z.object({
    items: z.array(z.object({
      id: z.uuid(), number: z.string(), ticketId: z.uuid(), status: z.enum(workOrderStatuses), priority: z.string(), serviceType: labelSchema, requiredSkills: z.array(z.string()),
      estimatedMinutes: z.number().int(), appointmentStart: z.date().nullable(), appointmentEnd: z.date().nullable(), slaDueAt: z.date().nullable(), site: site.nullable(), reason: z.string().nullable(),
    })),
    nextCursor: z.string().nullable(),
  }),
}).meta({ id: 'DispatchBoard' });

export const suggestionsSchema = z.object({
  ranked: z.array(z.object({ engineerId: z.uuid(), name: z.string(), score: z.number(), distanceKm: z.number().nullable(), reasons: z.array(reason) })),
  excluded: z.array(z.object({ engineerId: z.uuid(), name: z.string(), reasons: z.array(reason) })).describe('only with `all=1`'),
}).meta({ id: 'DispatchSuggestions' });

export const engineerSchema = z.object({
  id: z.uuid(), name: z.string(), teamIds: z.array(z.uuid()), skills: z.array(z.string()), zones: z.array(z.string()),
  home: z.object({ region: z.array(z.string()), street: z.string(), lat: z.number().nullable(), lng: z.number().nullable(), coordinateSystem: z.literal('gcj02') }).nullable(),
  dailyCapacity: z.number().int(), lastLat: z.number().nullable(), lastLng: z.number().nullable(), lastSeenAt: z.date().nullable(),
  version: z.number().int().describe('0 until the profile is first edited'),
}).meta({ id: 'EngineerProfile' });

export { engineerProfileBody };
