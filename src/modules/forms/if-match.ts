import { ifMatchVersion } from '../../app/http/if-match.js';

/** `If-Match: "7"` (or W/"7", or 7) → 7, the messages naming a field or a type. */
export function versionFromIfMatch(subject: 'field' | 'type', header: string | undefined): number {
  return ifMatchVersion(header, `forms.${subject}.if_match_required`, `forms.${subject}.if_match_invalid`);
}
