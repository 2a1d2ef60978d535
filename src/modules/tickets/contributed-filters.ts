import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { Invalid, type FieldError } from '../../app/errors.js';
import type { TicketListFilters } from '../../app/ticket-list-filters.js';
import type { Db } from '../../db/database.js';
import { tickets } from './schema.js';

/**
 * Query parameters whose names are known only at boot. Typed as naming none, so extending the
 * list's query with them keeps its own parameters' types; the handler reads their values through
 * `contributedConditions`, never as typed properties.
 */
export type ContributedParams = Record<never, z.ZodOptional<z.ZodString>>;

/**
 * The list's filters other modules contribute (src/app/ticket-list-filters.ts), as the list query
 * takes them: one optional string parameter each, described in the OpenAPI document.
 */
export function contributedFilterParams(filters: TicketListFilters, own: ReadonlySet<string>): ContributedParams {
  const params: Record<string, z.ZodOptional<z.ZodString>> = {};
  for (const [name, filter] of filters.entries()) {
    if (own.has(name)) throw new Error(`Ticket list filter ${name} would shadow the list's own parameter`);
    params[name] = z.string().min(1).max(200).optional().describe(filter.description);
  }
  return params;
}

/** What the request asked of contributed filters: the values by name (recorded with an export) and their SQL conditions. */
export type ContributedFilters = { values: Record<string, string>; conditions: SQL[] };

/**
 * The conditions of the contributed filters a list query names; a refused value is a 400 naming
 * its parameter (every refusal at once, as the list's own validation reports them).
 */
export async function contributedConditions(db: Db, filters: TicketListFilters, query: Readonly<Record<string, unknown>>): Promise<ContributedFilters> {
  const values: Record<string, string> = {};
  const conditions: SQL[] = [];
  const errors: FieldError[] = [];
  for (const [name, filter] of filters.entries()) {
    const value = query[name];
    if (typeof value !== 'string') continue;
    const result = await filter.condition(db, value, { ticketId: sql`${tickets.id}` });
    if (result.ok) {
      values[name] = value;
      conditions.push(result.condition);
    } else errors.push({ path: name, code: result.refusal.code, params: result.refusal.params ?? {} });
  }
  if (errors.length) throw new Invalid('validation.failed', {}, errors);
  return { values, conditions };
}
