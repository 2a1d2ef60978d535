import { Invalid, PreconditionFailed, PreconditionRequired } from '../../app/errors.js';

/**
 * `If-Match: "7"` (or W/"7", or 7) → 7; undefined when absent and optional. Parsed here rather
 * than borrowed from tickets: modules share only their public surfaces, and the messages say
 * "calendar", not "ticket".
 */
export function calendarVersionFrom(header: string | undefined, options: { required: true }): number;
export function calendarVersionFrom(header: string | undefined, options: { required: false }): number | undefined;
export function calendarVersionFrom(header: string | undefined, options: { required: boolean }): number | undefined {
  if (header === undefined) {
    if (options.required) throw new PreconditionRequired('sla.calendar.if_match_required');
    return undefined;
  }
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) throw new Invalid('validation.failed', {}, [{ path: 'If-Match', code: 'sla.calendar.if_match_invalid' }]);
  return Number(match[1]);
}

export function assertCalendarVersion(current: number, expected: number | undefined): void {
  if (expected !== undefined && current !== expected) throw new PreconditionFailed('sla.calendar.version_mismatch', { current });
}
