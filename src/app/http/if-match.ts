import { Invalid, PreconditionRequired } from '../errors.js';

/**
 * Optimistic concurrency headers, read one way by every module. The message keys stay the
 * module's own (what is missing is a ticket's version, a policy's …), so callers name them.
 */
const versionTag = /^(?:W\/)?"?(\d{1,9})"?$/;

/**
 * The version an `If-Match` header names (`"7"`, `W/"7"` or `7` → 7); undefined when there is
 * none. Anything else is a 400 at `If-Match` with `invalidCode`.
 */
export function optionalIfMatchVersion(header: string | undefined, invalidCode = 'validation.invalid'): number | undefined {
  if (header === undefined) return undefined;
  const match = versionTag.exec(header.trim());
  if (!match) throw new Invalid('validation.failed', {}, [{ path: 'If-Match', code: invalidCode }]);
  return Number(match[1]);
}

/** The same, where the header is required: without it a 428 with `requiredCode`. */
export function ifMatchVersion(header: string | undefined, requiredCode: string, invalidCode = 'validation.invalid'): number {
  if (header === undefined) throw new PreconditionRequired(requiredCode);
  return optionalIfMatchVersion(header, invalidCode)!;
}

/** True when an `If-None-Match` header names this strong ETag (or `*`). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*');
}
