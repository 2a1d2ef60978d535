/**
 * The error catalogue. Services throw these; `problem-details.ts` maps them once to RFC 9457
 * problem+json. Callers match on `code`, never on message text.
 */
/** A problem with one input field. `code` is an i18n key; `message` is filled in per locale. */
export type FieldError = { path: string; code: string; params?: Record<string, string | number>; message?: string };

export abstract class AppError extends Error {
  abstract readonly status: number;
  constructor(
    /** Stable, machine-readable code, e.g. `ticket.not_found`. Also the i18n key of the title. */
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly errors: FieldError[] = [],
  ) {
    super(code);
    this.name = new.target.name;
  }
}

export class Invalid extends AppError {
  readonly status = 400;
}
export class Unauthenticated extends AppError {
  readonly status = 401;
  constructor(code = 'auth.unauthenticated') {
    super(code);
  }
}
export class Forbidden extends AppError {
  readonly status = 403;
  constructor(code = 'auth.forbidden', params: Record<string, string | number> = {}) {
    super(code, params);
  }
}
export class NotFound extends AppError {
  readonly status = 404;
}
/** The record was merged into another: GET answers 308 with the survivor's address. */
export class MovedPermanently extends AppError {
  readonly status = 308;
  constructor(code: string, readonly location: string, params: Record<string, string | number> = {}) {
    super(code, params);
  }
}
export class Conflict extends AppError {
  readonly status = 409;
}
/** What a link named is spent for good (expired, used, void): 410, so a client says so rather than retrying. */
export class Gone extends AppError {
  readonly status = 410;
}
export class PreconditionFailed extends AppError {
  readonly status = 412;
}
export class PreconditionRequired extends AppError {
  readonly status = 428;
}
export class PayloadTooLarge extends AppError {
  readonly status = 413;
}
export class Unprocessable extends AppError {
  readonly status = 422;
}

/** One field is wrong: the common case, with the field named for the client. */
export function invalidField(path: string, code: string, params: Record<string, string | number> = {}): Invalid {
  return new Invalid('validation.failed', {}, [{ path, code, params }]);
}

/** Too many requests in a window: answered 429 with `Retry-After` (seconds). */
export class TooManyRequests extends AppError {
  readonly status = 429;
  constructor(code: string, readonly retryAfterSeconds: number, params: Record<string, string | number> = {}) {
    super(code, { seconds: retryAfterSeconds, ...params });
  }
}
