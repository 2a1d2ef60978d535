import { asc, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Conflict, NotFound } from '../../app/errors.js';
import { isUniqueViolation, type Database, type Db } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import type { Actor } from '../auth/index.js';
import { importTemplateDeleted, importTemplateSaved } from './events.js';
import { importJobs, importTemplates, type DedupRule, type ImportEntity, type ValueMaps } from './schema.js';

/** 导入模板: a mapping kept by header text, value maps and a dedup rule, applied to the next file with the same headers. */
export type TemplateInput = { name: string; entity: ImportEntity; columns: Record<string, string | null>; valueMaps: ValueMaps; dedupRule: DedupRule };

export function listTemplates(db: Db) {
  return db.select().from(importTemplates).orderBy(asc(importTemplates.entity), asc(importTemplates.name));
}

const taken = (error: unknown) => (isUniqueViolation(error, 'import_templates_entity_name_key') ? new Conflict('imports.template_exists') : error);

export async function saveTemplate(database: Database, actor: Actor, id: string | null, input: TemplateInput) {
  return database
    .transaction(async (tx) => {
      const [row] = id
        ? await tx.update(importTemplates).set({ ...input, version: sql`${importTemplates.version} + 1`, updatedAt: sql`now()` }).where(eq(importTemplates.id, id)).returning()
        : await tx.insert(importTemplates).values({ id: uuidv7(), ...input, createdBy: actor.id }).returning();
      if (!row) throw new NotFound('imports.template_not_found', { name: input.name });
      await recordEvent(tx, importTemplateSaved, { aggregateId: row.id, cause: 'agent', actorId: actor.id, payload: { name: row.name, entity: row.entity } });
      return row;
    })
    .catch((error: unknown) => {
      throw taken(error);
    });
}

/** A job's current mapping, value maps and rule as a template (the wizard's 保存为模板). */
export async function templateFromJob(database: Database, actor: Actor, jobId: string, name: string) {
  const [job] = await database.db.select().from(importJobs).where(eq(importJobs.id, jobId));
  if (!job) throw new NotFound('imports.not_found');
  const columns = Object.fromEntries(job.mapping.map((m) => [m.header, m.target]));
  return saveTemplate(database, actor, null, { name, entity: job.entity, columns, valueMaps: job.valueMaps, dedupRule: job.dedupRule });
}

export async function deleteTemplate(database: Database, actor: Actor, id: string): Promise<void> {
  await database.transaction(async (tx) => {
    const [row] = await tx.delete(importTemplates).where(eq(importTemplates.id, id)).returning();
    if (!row) throw new NotFound('imports.template_not_found', { name: id });
    await recordEvent(tx, importTemplateDeleted, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { name: row.name } });
  });
}
