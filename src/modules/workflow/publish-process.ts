import { and, desc, eq, sql } from 'drizzle-orm';
import { NotFound, PreconditionFailed, Unprocessable } from '../../app/errors.js';
import type { Database, Db } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import type { ProcessDefinition } from '../../workflow-model/definition.js';
import type { Actor } from '../auth/index.js';
import { processPublished } from './events.js';
import { checkProcess, type CheckDeps } from './process-checks.js';
import { getProcessRow } from './processes.js';
import { processes, processVersions } from './schema.js';

export type ProcessVersion = { version: number; definition: ProcessDefinition; publishedAt: Date; publishedBy: string | null };

/**
 * Publishes the draft as the next immutable version; new tickets of the type start on it, running
 * ones stay where they are. A draft that does not validate is refused whole with 422, every
 * problem at its path into the definition (`definition.nodes.3`), so the designer marks each.
 * `expectedVersion` (If-Match, optional) makes sure the draft published is the one the admin saw.
 */
export async function publishProcess(database: Database, deps: CheckDeps, actor: Actor, id: string, expectedVersion?: number): Promise<ProcessVersion> {
  const draft = await getProcessRow(database.db, id);
  const checked = await checkProcess(database.db, deps, draft.draft);
  if (!checked.ok) throw new Unprocessable('workflow.publish_invalid', { count: checked.issues.length }, checked.issues.map((issue) => ({ ...issue, path: `definition.${issue.path}` })));
  return database.transaction(async (tx) => {
    // Locked and compared with what was checked: a draft saved meanwhile is not published unchecked.
    const locked = await getProcessRow(tx, id, true);
    if (locked.version !== draft.version || (expectedVersion !== undefined && expectedVersion !== locked.version)) throw new PreconditionFailed('workflow.process.version_mismatch', { current: locked.version });
    const [last] = await tx.select({ max: sql<number | null>`max(${processVersions.version})` }).from(processVersions).where(eq(processVersions.processId, id));
    const version = (last?.max ?? 0) + 1;
    const [row] = await tx.insert(processVersions).values({ processId: id, version, definition: checked.definition, publishedBy: actor.id }).returning();
    await tx.update(processes).set({ currentVersion: version, version: locked.version + 1, updatedAt: new Date() }).where(eq(processes.id, id));
    await recordEvent(tx, processPublished, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { key: locked.key, ticketType: locked.ticketType, version } });
    return { version, definition: row!.definition, publishedAt: row!.publishedAt, publishedBy: row!.publishedBy };
  });
}

export async function getProcessVersion(db: Db, id: string, version: number): Promise<ProcessVersion> {
  const [row] = await db.select().from(processVersions).where(and(eq(processVersions.processId, id), eq(processVersions.version, version)));
  if (!row) throw new NotFound('workflow.process.version_not_found', { version });
  return { version: row.version, definition: row.definition, publishedAt: row.publishedAt, publishedBy: row.publishedBy };
}

/** The versions of a process, newest first, without their definitions. */
export async function listProcessVersions(db: Db, id: string): Promise<Array<Omit<ProcessVersion, 'definition'>>> {
  return db
    .select({ version: processVersions.version, publishedAt: processVersions.publishedAt, publishedBy: processVersions.publishedBy })
    .from(processVersions)
    .where(eq(processVersions.processId, id))
    .orderBy(desc(processVersions.version))
    .limit(200);
}
