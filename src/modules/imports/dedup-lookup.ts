import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { contactImages, findContactsByIdentities, findOrganizationsByNames, organizationImages, type IdentityKind } from '../customers/index.js';
import type { DedupLookup, ExistingRecord, RecordImage } from './decide-rows.js';
import { importExternalIds, importRows, type ImportEntity } from './schema.js';

/** The database side of dedup for one job: the customers module's lookups, and the external ids imports keep. */
export function dedupLookup(db: Db, jobId: string, entity: ImportEntity): DedupLookup {
  return {
    async records(keys) {
      const found = new Map<string, ExistingRecord>();
      const external = keys.filter((k) => k.startsWith('ext:')).map((k) => k.slice(4));
      const externalRows = external.length
        ? await db.select({ externalId: importExternalIds.externalId, entityId: importExternalIds.entityId }).from(importExternalIds).where(and(eq(importExternalIds.entity, entity), inArray(importExternalIds.externalId, external)))
        : [];
      if (entity === 'contacts') {
        const identities = keys.filter((k) => !k.startsWith('ext:')).map((k) => ({ kind: k.slice(0, k.indexOf(':')) as IdentityKind, value: k.slice(k.indexOf(':') + 1) }));
        for (const [key, match] of await findContactsByIdentities(db, identities)) found.set(key, { id: match.id, image: contactImage(match) });
        const images = await contactImages(db, externalRows.map((r) => r.entityId));
        for (const row of externalRows) {
          const match = images.get(row.entityId);
          if (match) found.set(`ext:${row.externalId}`, { id: match.id, image: contactImage(match) });
        }
      } else {
        const names = keys.filter((k) => k.startsWith('name:')).map((k) => k.slice(5));
        for (const [name, match] of await findOrganizationsByNames(db, names)) found.set(`name:${name}`, { id: match.id, image: organisationImage(match) });
        const images = await organizationImages(db, externalRows.map((r) => r.entityId));
        for (const row of externalRows) {
          const match = images.get(row.entityId);
          if (match) found.set(`ext:${row.externalId}`, { id: match.id, image: organisationImage(match) });
        }
      }
      return found;
    },
    async organisations(names) {
      return new Map([...(await findOrganizationsByNames(db, names))].map(([name, match]) => [name, match.id]));
    },
    async madeByThisImport(ids) {
      if (ids.length === 0) return new Set();
      const rows = await db.select({ id: importRows.entityId }).from(importRows).where(and(eq(importRows.jobId, jobId), eq(importRows.outcome, 'created'), inArray(importRows.entityId, [...ids])));
      return new Set(rows.map((r) => r.id!));
    },
  };
}

function contactImage(match: RecordImage): RecordImage {
  return { name: match.name, organizationId: match.organizationId, notes: match.notes, fields: match.fields, identities: match.identities };
}

function organisationImage(match: { name: string; notes: string; fields: Record<string, unknown> }): RecordImage {
  return { name: match.name, organizationId: null, notes: match.notes, fields: match.fields, identities: [] };
}
