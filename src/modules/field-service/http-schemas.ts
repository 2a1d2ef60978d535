import { z } from 'zod';
import { customValuesSchema, formDefinitionSchema, labelSchema } from '../../forms/definition.js';
import { autoDispatchPicks } from './schema.js';
import { siteInputSchema } from './site-address.js';
import { serviceFieldSchema } from './service-type-forms.js';
import { syncOutcomes } from './sync-operations.js';
import { workOrderStatuses, workOrderStepTypes } from './work-order-status.js';

const storedField = serviceFieldSchema.extend({ id: z.string(), archived: z.boolean(), version: z.number().int() }).loose();

export const serviceTypeSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  name: labelSchema,
  defaultDurationMinutes: z.number().int(),
  requiredSkills: z.array(z.string()),
  checkInRadiusMeters: z.number().int(),
  autoDispatch: z.boolean(),
  autoDispatchPick: z.enum(autoDispatchPicks),
  autoDispatchWithinHours: z.number().int().nullable(),
  active: z.boolean(),
  position: z.number().int(),
  currentVersion: z.number().int().nullable(),
  version: z.number().int(),
  forms: z.object({ version: z.number().int(), fields: z.array(storedField), form: formDefinitionSchema, reportFields: z.array(storedField), reportForm: formDefinitionSchema }).nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
}).meta({ id: 'ServiceType' });

export const serviceTypeBody = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'field_service.service_type_key_format'),
  name: labelSchema,
  defaultDurationMinutes: z.number().int().min(5).max(24 * 60).optional(),
  requiredSkills: z.array(z.string().trim().min(1).max(60)).max(20).optional(),
  checkInRadiusMeters: z.number().int().min(50).max(50_000).optional(),
  autoDispatch: z.boolean().optional(),
  /** Which suggestion wins: the best score, the nearest engineer, or the least loaded. */
  autoDispatchPick: z.enum(autoDispatchPicks).optional(),
  /** Only orders whose appointment starts within this many hours (or that have none); null: any. */
  autoDispatchWithinHours: z.number().int().min(1).max(24 * 30).nullable().optional(),
  active: z.boolean().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  forms: z.unknown().optional(),
});

const siteSchema = z.object({ region: z.array(z.string()), regionNames: z.array(z.string()).describe('the 省/市/区 names of `region`, in Chinese'), street: z.string(), lat: z.number().nullable(), lng: z.number().nullable(), coordinateSystem: z.literal('gcj02') });
const reportSchema = z.object({
  fault: z.string(), cause: z.string(), action: z.string(), fields: customValuesSchema,
  parts: z.array(z.object({ name: z.string(), model: z.string().nullable(), quantity: z.number() })),
  labourMinutes: z.number().nullable(), photoIds: z.array(z.string()), signatureId: z.string().nullable(), rating: z.number().nullable(),
});

export const workOrderSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  ticketId: z.uuid(),
  serviceType: z.object({ id: z.uuid(), key: z.string(), name: labelSchema }),
  serviceTypeVersion: z.number().int().nullable(),
  status: z.enum(workOrderStatuses),
  priority: z.string(),
  teamId: z.uuid().nullable(),
  engineer: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  requester: z.object({ id: z.uuid(), name: z.string(), phone: z.string().nullable(), organization: z.string().nullable() }).nullable(),
  site: siteSchema.nullable(),
  appointmentStart: z.date().nullable(),
  appointmentEnd: z.date().nullable(),
  appointmentAgreed: z.boolean(),
  deviceIds: z.array(z.uuid()),
  devices: z.array(z.object({ id: z.uuid(), type: z.string(), title: z.string(), status: z.string().nullable(), expiresOn: z.string().nullable() })),
  requiredSkills: z.array(z.string()),
  estimatedMinutes: z.number().int(),
  fields: customValuesSchema,
  report: reportSchema.nullable(),
  reason: z.string().nullable(),
  allowedSteps: z.array(z.enum(workOrderStepTypes)),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
}).meta({ id: 'WorkOrder' });

export const workOrderDetailSchema = workOrderSchema.extend({
  steps: z.array(z.object({
    id: z.uuid(), type: z.string(), from: z.string(), to: z.string(), actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    at: z.date(), recordedAt: z.date(), lat: z.number().nullable(), lng: z.number().nullable(), distanceMeters: z.number().nullable(), beyondRadius: z.boolean().nullable(),
    detail: z.record(z.string(), z.unknown()),
  })),
  attachments: z.array(z.object({ id: z.uuid(), clientId: z.uuid(), kind: z.string(), filename: z.string(), contentType: z.string(), size: z.number(), createdAt: z.date() })),
}).meta({ id: 'WorkOrderDetail' });

const appointmentSchema = z.strictObject({ start: z.coerce.date(), end: z.coerce.date(), agreed: z.boolean().optional() });
export const workOrderFields = {
  priority: z.string().trim().min(1).max(40).optional(),
  teamId: z.uuid().nullable().optional(),
  site: siteInputSchema.nullable().optional(),
  appointment: appointmentSchema.nullable().optional(),
  deviceIds: z.array(z.uuid()).max(50).optional(),
  requiredSkills: z.array(z.string().trim().min(1).max(60)).max(20).optional(),
  estimatedMinutes: z.number().int().min(5).max(7 * 24 * 60).optional(),
  fields: customValuesSchema.optional(),
};
export const createWorkOrderBody = z.strictObject({ ticketId: z.string().min(1).max(64), serviceType: z.string().max(40).optional(), ...workOrderFields });
export const updateWorkOrderBody = z.strictObject(workOrderFields);

export const listWorkOrdersQuery = z.strictObject({
  mine: z.enum(['true', 'false']).optional(),
  status: z.string().max(400).optional().describe('Comma-separated statuses'),
  engineer: z.uuid().optional(),
  ticket: z.string().max(64).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  after: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const stepResultSchema = z.object({
  outcome: z.enum(['applied', 'duplicate']),
  step: z.object({ id: z.uuid(), opId: z.uuid(), type: z.string(), from: z.string(), to: z.string(), at: z.date(), distanceMeters: z.number().nullable(), beyondRadius: z.boolean().nullable() }),
  workOrder: workOrderSchema,
});

export const syncResultSchema = z.object({
  results: z.array(z.object({
    opId: z.uuid(), workOrderId: z.uuid(), outcome: z.enum(syncOutcomes), status: z.string().nullable(), version: z.number().nullable(), engineerId: z.string().nullable(),
    code: z.string().nullable(), params: z.record(z.string(), z.union([z.string(), z.number()])), errors: z.array(z.object({ path: z.string(), code: z.string() })),
  })),
});

export const attachmentSchema = z.object({ id: z.uuid(), clientId: z.uuid(), kind: z.string(), filename: z.string(), contentType: z.string(), size: z.number(), createdAt: z.date() });
