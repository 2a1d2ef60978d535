import { ifMatchVersion, optionalIfMatchVersion } from '../../app/http/if-match.js';
import { PreconditionFailed } from '../../app/errors.js';

/**
 * `If-Match: "7"` (or W/"7", or 7) → 7; undefined when absent and optional. The messages say
 * "calendar" or "policy": `subject` picks the message keys (`sla.<subject>.…`).
 */
type Subject = 'calendar' | 'policy';

function versionFrom(subject: Subject, header: string | undefined, required: boolean): number | undefined {
  const invalid = `sla.${subject}.if_match_invalid`;
  return required ? ifMatchVersion(header, `sla.${subject}.if_match_required`, invalid) : optionalIfMatchVersion(header, invalid);
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
