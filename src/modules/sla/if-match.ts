import { Invalid, PreconditionFailed, PreconditionRequired } from '../../app/errors.js';

/**
 * `If-Match: "7"` (or W/"7", or 7) → 7; undefined when absent and optional. Parsed here rather
 * than borrowed from tickets: modules share only their public surfaces, and the messages say
 * "calendar" or "policy", not "ticket". `subject` picks the message keys (`sla.<subject>.…`).
 */
type Subject = 'calendar' | 'policy';

function versionFrom(subject: Subject, header: string | undefined, required: boolean): number | undefined {
  if (header === undefined) {
    if (required) throw new PreconditionRequired(`sla.${subject}.if_match_required`);
    return undefined;
  }
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) throw new Invalid('validation.failed', {}, [{ path: 'If-Match', code: `sla.${subject}.if_match_invalid` }]);
  return Number(match[1]);
}

function assertVersion(subject: Subject, current: number, expected: number | undefined): void {
  if (expected !== undefined && current !== expected) throw new PreconditionFailed(`sla.${subject}.version_mismatch`, { current });
}

export function calendarVersionFrom(header: string | undefined, options: { required: true }): number;
export function calendarVersionFrom(header: string | undefined, options: { required: false }): number | undefined;
export function calendarVersionFrom(header: string | undefined, options: { required: boolean }): number | undefined {
  return versionFrom('calendar', header, options.required);
}

export function assertCalendarVersion(current: number, expected: number | undefined): void {
  assertVersion('calendar', current, expected);
}

export function policyVersionFrom(header: string | undefined, options: { required: true }): number;
export function policyVersionFrom(header: string | undefined, options: { required: false }): number | undefined;
export function policyVersionFrom(header: string | undefined, options: { required: boolean }): number | undefined {
  return versionFrom('policy', header, options.required);
}

export function assertPolicyVersion(current: number, expected: number | undefined): void {
  assertVersion('policy', current, expected);
}
