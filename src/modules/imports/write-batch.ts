import { and, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Tx } from '../../db/database.js';
import type { EventCause } from '../../jobs/event-definition.js';
import { createImportedContacts, createImportedOrganizations, updateImportedContact, updateImportedOrganization, formatPhone } from '../customers/index.js';
import type { Decision, RecordImage, Target } from './decide-rows.js';
import { importBatches, importExternalIds, importJobs, importRows, type ImportCounts, type ImportEntity } from './schema.js';

/** The job moved on without us (another worker resumed it after our lease ran out): this batch must not commit. */
export class ImportCheckpointMoved extends Error {
  constructor(jobId: string) {
    super(`import ${jobId}: the checkpoint moved; another run continues it`);
  }
}

export type BatchInput = { jobId: string; entity: ImportEntity; seq: number; settingsVersion: number; fromCheckpoint: number; lastRow: number; decisions: readonly Decision[] };

export function countDecisions(decisions: readonly Pick<Decision, 'outcome'>[]): ImportCounts {
  const counts: ImportCounts = { created: 0, updated: 0, skipped: 0, rejected: 0 };
  for (const d of decisions) counts[d.outcome] += 1;
  return counts;
}

/**
 * Move the job's checkpoint past the batch and add its counts, in the batch's transaction; only
 * from where this run read it (else another run continues the job: ImportCheckpointMoved).
 */
export async function moveCheckpoint(tx: Tx, input: Pick<BatchInput, 'jobId' | 'fromCheckpoint' | 'lastRow'>, counts: ImportCounts): Promise<void> {
  const [moved] = await tx
    .update(importJobs)
    .set({
      checkpointRow: input.lastRow,
      counts: sql`jsonb_build_object('created', (${importJobs.counts}->>'created')::int + ${counts.created}, 'updated', (${importJobs.counts}->>'updated')::int + ${counts.updated},
                                     'skipped', (${importJobs.counts}->>'skipped')::int + ${counts.skipped}, 'rejected', (${importJobs.counts}->>'rejected')::int + ${counts.rejected})`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(importJobs.id, input.jobId), eq(importJobs.checkpointRow, input.fromCheckpoint), eq(importJobs.state, 'running')))
    .returning({ id: importJobs.id });
  if (!moved) throw new ImportCheckpointMoved(input.jobId);
}

/** A new record needs a name: the first identity or the external id stands in, as channels do. */
export function nameOf(target: Pick<Target, 'image' | 'externalIds'>): string {
  if (target.image.name) return target.image.name;
  const first = target.image.identities[0];
  if (first) return first.kind === 'phone' ? formatPhone(first.value) : first.value.split('@')[0]!;
  return target.externalIds[0] ?? '';
}

function changeOf(target: Target) {
  const before = target.before!;
  const image = target.image;
  const differs = <K extends keyof RecordImage>(key: K) => JSON.stringify(image[key]) !== JSON.stringify(before[key]);
  return {
    ...(differs('name') && { name: image.name }),
    ...(differs('organizationId') && { organizationId: image.organizationId }),
    ...(differs('notes') && { notes: image.notes }),
    ...(differs('fields') && { fields: image.fields }),
  };
}

/**
 * One batch in one transaction: the records' writes (through the customers module, every event
 * caused `import:<batchId>`), each row's outcome with the before-image of what it changed, the
 * batch and the job's checkpoint and counts. The checkpoint moves only from where this run read it,
 * so two runners can never both commit the same rows.
 */
export async function writeBatch(tx: Tx, input: BatchInput): Promise<{ batchId: string; counts: ImportCounts }> {
  const batchId = uuidv7();
  const cause: EventCause = `import:${batchId}`;
  const counts = countDecisions(input.decisions);
  await moveCheckpoint(tx, input, counts);

  const targets = [...new Set(input.decisions.flatMap((d) => (d.target && d.outcome !== 'rejected' ? [d.target] : [])))];
  const created = targets.filter((t) => t.created);
  const changed = targets.filter((t) => !t.created && input.decisions.some((d) => d.target === t && d.outcome === 'updated'));
  if (input.entity === 'contacts') {
    await createImportedContacts(tx, cause, created.map((t) => ({ id: t.id, name: nameOf(t), organizationId: t.image.organizationId, notes: t.image.notes, fields: t.image.fields, identities: t.image.identities })));
  } else {
    await createImportedOrganizations(tx, cause, created.map((t) => ({ id: t.id, name: nameOf(t), notes: t.image.notes, fields: t.image.fields })));
  }
  const versions = new Map<string, number>(created.map((t) => [t.id, 1]));
  for (const target of changed) {
    const change = changeOf(target);
    const result =
      input.entity === 'contacts'
        ? await updateImportedContact(tx, cause, target.id, { ...change, addIdentities: target.image.identities })
        : await updateImportedOrganization(tx, cause, target.id, change);
    versions.set(target.id, result.version);
  }

  const externalIds = targets.flatMap((t) => t.externalIds.map((externalId) => ({ entity: input.entity, externalId, entityId: t.id, batchId })));
  if (externalIds.length) await tx.insert(importExternalIds).values(externalIds).onConflictDoNothing();
  const rows = input.decisions.map((d) => ({
    row_number: d.rowNumber,
    outcome: d.outcome,
    entity_id: d.target?.id ?? null,
    reason: d.reason ?? null,
    params: d.params ?? null,
    cells: d.outcome === 'rejected' ? d.cells : null,
    // The first change of an existing record keeps what it was, for the rollback.
    before: d.outcome === 'updated' && d.firstChange && d.target!.before ? d.target!.before : null,
    after_version: d.target && (d.outcome === 'created' || d.outcome === 'updated') ? (versions.get(d.target.id) ?? null) : null,
  }));
  // One JSON parameter for the lot (one statement text, prepared once), not 10 parameters a row.
  await tx.execute(sql`
    insert into ${importRows} (job_id, row_number, batch_id, outcome, entity_id, reason, params, cells, before, after_version)
    select ${input.jobId}::uuid, row_number, ${batchId}::uuid, outcome, entity_id, reason, params, cells, before, after_version
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as r(row_number int, outcome text, entity_id uuid, reason text, params jsonb, cells jsonb, before jsonb, after_version int)`);
  const firstRow = input.decisions[0]?.rowNumber ?? input.lastRow;
  await tx.insert(importBatches).values({ id: batchId, jobId: input.jobId, seq: input.seq, firstRow, lastRow: input.lastRow, counts, settingsVersion: input.settingsVersion });
  return { batchId, counts };
}
