import type { TFunction } from 'i18next';
import { ApiError } from '../../shared/api/client.ts';
import { describeError } from '../../shared/ui/describe-error.ts';

/**
 * A failed calendar request in one sentence. The server's own title is used for 412, 409 and
 * 422 because the console's shared wording for 412 speaks of tickets, and the 422 title says
 * which year has no bundled data and what to do instead.
 */
export function calendarProblem(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && [409, 412, 422].includes(error.status)) return error.message;
  return describeError(error, t).message;
}

/** The field errors of a 400, for showing next to the fields; empty for any other failure. */
export function fieldErrorsOf(error: unknown): { path: string; message: string }[] {
  if (error instanceof ApiError && error.status === 400) return error.problem.errors ?? [];
  return [];
}
