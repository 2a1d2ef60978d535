import { and, asc, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Conflict, Invalid, NotFound, PreconditionFailed, invalidField } from '../../app/errors.js';
import type { FieldTypes } from '../../app/field-types.js';
import { isUniqueViolation, type Database, type Db, type Tx } from '../../db/database.js';
import type { Label } from '../../forms/definition.js';
import { recordEvent } from '../../jobs/events.js';
import type { Actor } from '../auth/index.js';
import { serviceTypeChanged } from './events.js';
import { serviceTypes, serviceTypeVersions, type AutoDispatchPick } from './schema.js';
import { prepareServiceForms, serviceFormsSchema, storedFields, type PreparedServiceForms, type ServiceForms } from './service-type-forms.js';

export type ServiceTypeRow = typeof serviceTypes.$inferSelect;
export type ServiceTypeView = ServiceTypeRow & { forms: (ServiceForms & { version: number }) | null };

export type ServiceTypeInput = {
  key: string;
  name: Label;
  defaultDurationMinutes?: number;
  requiredSkills?: string[];
  checkInRadiusMeters?: number;
  /** 自动派工: new work orders of this type go to the top suggested engineer. */
  autoDispatch?: boolean;
  autoDispatchPick?: AutoDispatchPick;
  autoDispatchWithinHours?: number | null;
  active?: boolean;
  position?: number;
};
export type ServiceTypeChanges = Partial<Omit<ServiceTypeInput, 'key'>>;

export async function listServiceTypes(db: Db): Promise<ServiceTypeView[]> {
  const rows = await db
    .select({ type: serviceTypes, forms: serviceTypeVersions })
    .from(serviceTypes)
    .leftJoin(serviceTypeVersions, and(eq(serviceTypeVersions.typeId, serviceTypes.id), eq(serviceTypeVersions.version, serviceTypes.currentVersion)))
    .orderBy(asc(serviceTypes.position), asc(serviceTypes.createdAt));
  return rows.map(({ type, forms }) => ({ ...type, forms: forms && { version: forms.version, fields: forms.fields, form: forms.form, reportFields: forms.reportFields, reportForm: forms.reportForm } }));
}

export async function getServiceType(db: Db, key: string): Promise<ServiceTypeView> {
  const found = (await listServiceTypes(db)).find((type) => type.key === key);
  if (!found) throw new NotFound('field_service.service_type_not_found', { key });
  return found;
}

/** A type's forms at one version, prepared for judging values (work orders keep their version). */
export async function serviceFormsAt(db: Db | Tx, typeId: string, version: number | null, fieldTypes: FieldTypes, timeZone: string): Promise<PreparedServiceForms> {
  const empty: ServiceForms = { fields: [], form: { sections: [], rules: [], portal: { enabled: false, fields: [] } }, reportFields: [], reportForm: { sections: [], rules: [], portal: { enabled: false, fields: [] } } };
  let forms = empty;
  if (version !== null) {
    const [row] = await db.select().from(serviceTypeVersions).where(and(eq(serviceTypeVersions.typeId, typeId), eq(serviceTypeVersions.version, version)));
    if (row) forms = row;
  }
  const prepared = prepareServiceForms(forms, fieldTypes, timeZone);
  // A published version was prepared before it was stored; failing now is a bug, not input.
  if (!prepared.ok) throw new Error(`service type ${typeId} v${version} no longer prepares: ${JSON.stringify(prepared.issues)}`);
  return prepared.forms;
}

export async function createServiceType(database: Database, actor: Actor, input: ServiceTypeInput & { forms?: unknown }, options: { fieldTypes: FieldTypes; timeZone: string }): Promise<ServiceTypeView> {
  try {
    const id = uuidv7();
    await database.transaction(async (tx) => {
      const { forms, ...values } = input;
      await tx.insert(serviceTypes).values({ id, ...values });
      await recordEvent(tx, serviceTypeChanged, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { key: input.key, change: 'created', version: null } });
      await publishIn(tx, actor, id, input.key, forms ?? {}, options);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'service_types_key')) throw invalidField('key', 'field_service.service_type_key_taken', { key: input.key });
    throw error;
  }
  return getServiceType(database.db, input.key);
}

export async function updateServiceType(database: Database, actor: Actor, key: string, expectedVersion: number, changes: ServiceTypeChanges): Promise<ServiceTypeView> {
  await database.transaction(async (tx) => {
    const [row] = await tx.select().from(serviceTypes).where(eq(serviceTypes.key, key)).for('update');
    if (!row) throw new NotFound('field_service.service_type_not_found', { key });
    if (row.version !== expectedVersion) throw new PreconditionFailed('field_service.service_type_version_mismatch', { current: row.version });
    await tx.update(serviceTypes).set({ ...changes, version: row.version + 1, updatedAt: new Date() }).where(eq(serviceTypes.id, row.id));
    await recordEvent(tx, serviceTypeChanged, { aggregateId: row.id, cause: 'agent', actorId: actor.id, payload: { key, change: 'updated', version: null } });
  });
  return getServiceType(database.db, key);
}

/** Publishes a new immutable version of the type's two forms; new work orders get it. */
export async function publishServiceForms(database: Database, actor: Actor, key: string, input: unknown, options: { fieldTypes: FieldTypes; timeZone: string }): Promise<ServiceTypeView> {
  await database.transaction(async (tx) => {
    const [row] = await tx.select().from(serviceTypes).where(eq(serviceTypes.key, key)).for('update');
    if (!row) throw new NotFound('field_service.service_type_not_found', { key });
    await publishIn(tx, actor, row.id, key, input, options);
  });
  return getServiceType(database.db, key);
}

async function publishIn(tx: Tx, actor: Actor, typeId: string, key: string, input: unknown, options: { fieldTypes: FieldTypes; timeZone: string }): Promise<void> {
  const parsed = serviceFormsSchema.safeParse(input);
  if (!parsed.success) throw new Invalid('validation.failed', {}, parsed.error.issues.map((issue) => ({ path: ['forms', ...issue.path].join('.'), code: 'validation.invalid' })));
  const forms: ServiceForms = { fields: storedFields(parsed.data.fields), form: parsed.data.form, reportFields: storedFields(parsed.data.reportFields), reportForm: parsed.data.reportForm };
  const prepared = prepareServiceForms(forms, options.fieldTypes, options.timeZone);
  if (!prepared.ok) throw new Invalid('validation.failed', {}, prepared.issues.map((issue) => ({ ...issue, path: `forms.${issue.path}` })));
  const [last] = await tx.select({ max: sql<number | null>`max(${serviceTypeVersions.version})` }).from(serviceTypeVersions).where(eq(serviceTypeVersions.typeId, typeId));
  const version = (last?.max ?? 0) + 1;
  await tx.insert(serviceTypeVersions).values({ typeId, version, ...forms, publishedBy: actor.id });
  const [updated] = await tx.update(serviceTypes).set({ currentVersion: version, version: sql`${serviceTypes.version} + 1`, updatedAt: new Date() }).where(eq(serviceTypes.id, typeId)).returning({ id: serviceTypes.id });
  if (!updated) throw new Conflict('field_service.service_type_not_found', { key });
  await recordEvent(tx, serviceTypeChanged, { aggregateId: typeId, cause: 'agent', actorId: actor.id, payload: { key, change: 'published', version } });
}
