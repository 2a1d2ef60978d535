import { createHash } from 'node:crypto';
import { z } from 'zod';
import { workOrderStepTypes } from './work-order-status.js';

const reportSchema = z.strictObject({
  fault: z.string().trim().max(5000).default(''),
  cause: z.string().trim().max(5000).default(''),
  action: z.string().trim().max(5000).default(''),
  /** The service type's report fields, judged by its report form. */
  fields: z.record(z.string(), z.unknown()).default({}),
  parts: z.array(z.strictObject({ name: z.string().trim().min(1).max(200), model: z.string().trim().max(200).nullable().default(null), quantity: z.number().positive().max(100_000) })).max(200).default([]),
  labourMinutes: z.number().int().min(0).max(10_000).nullable().default(null),
  /** Attachment ids of this order (uploaded first, with their client ids). */
  photoIds: z.array(z.uuid()).max(50).default([]),
  signatureId: z.uuid().nullable().default(null),
  /** The customer's rating on the engineer's screen, 1–5. */
  rating: z.number().int().min(1).max(5).nullable().default(null),
});

/**
 * One operation of the engineer's outbox or the console: `opId` is the client's UUID, so sending
 * it again (a retry, a replayed outbox) changes nothing; `at` is the client's clock when it
 * happened (offline hours ago, maybe); `lat`/`lng` are the phone's WGS-84 reading.
 */
export const stepFields = {
  opId: z.uuid(),
  type: z.enum(workOrderStepTypes),
  at: z.coerce.date(),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
  /** reject (required), cancel, revisit. */
  reason: z.string().trim().min(1).max(2000).optional(),
  /** dispatch: the engineer. */
  engineerId: z.uuid().optional(),
  /** dispatch: the time slot booked (派工台); the end defaults to the start plus the estimated duration. */
  appointmentStart: z.coerce.date().optional(),
  appointmentEnd: z.coerce.date().optional(),
  /** dispatch: book the slot even when it clashes (another visit, off shift, on leave). */
  force: z.boolean().optional(),
  /** report: the service report. */
  report: reportSchema.optional(),
};
export const stepInputSchema = z.strictObject(stepFields);
export type StepInput = z.infer<typeof stepInputSchema>;

/** A stable digest of the operation as the server understood it: the same opId with another body is a conflict. */
export function stepRequestHash(workOrderId: string, input: StepInput): string {
  const canonical = (value: unknown): unknown => {
    if (value instanceof Date) return value.toISOString();
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
    return value;
  };
  return createHash('sha256').update(JSON.stringify(canonical({ workOrderId, ...input }))).digest('base64url');
}
