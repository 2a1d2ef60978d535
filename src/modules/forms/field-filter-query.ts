import { Invalid, type FieldError } from '../../app/errors.js';
import { fieldKeySchema } from '../../forms/definition.js';

/**
 * The `fields.<key>=a,b` parameters of a list query (tickets, contacts, the ticket export) →
 * `{key: [values]}`, comma-separated like `status`. Parameters named in `known` are the route's
 * own; any other name that is not `fields.<key>` is a 400 naming it. Whether each key is a field
 * one may filter by is the list's to decide (it knows the registry it reads).
 */
export function fieldFiltersFromQuery(query: Readonly<Record<string, unknown>>, known: ReadonlySet<string>): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  const errors: FieldError[] = [];
  for (const [name, raw] of Object.entries(query)) {
    if (known.has(name)) continue;
    const match = /^fields\.(.+)$/.exec(name);
    if (!match || !fieldKeySchema.safeParse(match[1]).success || typeof raw !== 'string') {
      errors.push({ path: name, code: 'validation.unrecognized_keys', params: { keys: name } });
      continue;
    }
    const values = raw.split(',').map((v) => v.trim()).filter(Boolean);
    if (values.length > 20 || values.some((v) => v.length > 200)) errors.push({ path: name, code: 'validation.too_big', params: { maximum: 20 } });
    filters[match[1]!] = values;
  }
  if (errors.length) throw new Invalid('validation.failed', {}, errors);
  return filters;
}
