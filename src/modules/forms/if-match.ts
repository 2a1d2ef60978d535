import { Invalid, PreconditionRequired } from '../../app/errors.js';

/**
 * `If-Match: "7"` (or W/"7", or 7) → 7. Parsed here rather than borrowed from tickets: modules
 * share only their public surfaces, and the messages name a field or a type.
 */
export function versionFromIfMatch(subject: 'field' | 'type', header: string | undefined): number {
  if (header === undefined) throw new PreconditionRequired(`forms.${subject}.if_match_required`);
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) throw new Invalid('validation.failed', {}, [{ path: 'If-Match', code: `forms.${subject}.if_match_invalid` }]);
  return Number(match[1]);
}

/** True when an `If-None-Match` header names this strong ETag (or `*`). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*');
}
