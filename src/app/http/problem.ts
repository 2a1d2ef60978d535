import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { withoutQueryParameters } from '../../db/database.js';
import { AppError, MovedPermanently, TooManyRequests, type FieldError } from '../errors.js';
import { isMessageKey, translate, type Locale } from '../i18n/catalogue.js';

/**
 * The one mapping from errors to RFC 9457 problem+json. Body:
 * `{ type, title, status, code, detail?, instance, errors?: [{ path, in?, code, message }] }`,
 * with `title` and each `message` in the request's locale (Accept-Language).
 */
export type Problem = {
  type: string;
  title: string;
  status: number;
  code: string;
  instance: string;
  errors?: Array<{ path: string; code: string; message: string; params?: Record<string, string | number>; in?: string }>;
};

export function sendProblem(request: FastifyRequest, reply: FastifyReply, status: number, code: string, params: Record<string, unknown> = {}, errors: FieldError[] = []) {
  const locale: Locale = request.locale ?? 'zh-CN';
  const problem: Problem = {
    type: `urn:opencsm:problem:${code}`,
    title: translate(locale, code, params),
    status,
    code,
    instance: request.url,
  };
  if (errors.length) {
    // Params go along: clients act on them (e.g. the contactId that already owns a phone number).
    problem.errors = errors.map((e) => ({ path: e.path, code: e.code, message: e.message ?? translate(locale, e.code, e.params), ...(e.params && Object.keys(e.params).length ? { params: e.params } : {}) }));
  }
  return reply.status(status).type('application/problem+json; charset=utf-8').send(problem);
}

const locationNames: Record<string, string> = { body: 'body', querystring: 'query', params: 'path', headers: 'header' };

type ZodIssueParams = { expected?: string; minimum?: number | bigint; maximum?: number | bigint; format?: string; keys?: string[]; input?: unknown };

function fieldErrorFromZod(keyword: string, instancePath: string, message: string, params: ZodIssueParams, location: string): FieldError & { in: string } {
  const path = instancePath.replace(/^\//, '').replace(/\//g, '.');
  const base = { path, in: location };
  // A schema's own message, when it is a catalogue key, says more than the generic one (e.g. a regex's).
  if (isMessageKey(message)) return { ...base, code: message };
  switch (keyword) {
    case 'invalid_type':
      return /received undefined/.test(message) ? { ...base, code: 'validation.required' } : { ...base, code: 'validation.invalid_type', params: { expected: String(params.expected) } };
    case 'too_small':
      return { ...base, code: 'validation.too_small', params: { minimum: String(params.minimum) } };
    case 'too_big':
      return { ...base, code: 'validation.too_big', params: { maximum: String(params.maximum) } };
    case 'invalid_format':
      return { ...base, code: 'validation.invalid_format', params: { format: String(params.format) } };
    case 'invalid_value':
      return { ...base, code: 'validation.invalid_value' };
    case 'unrecognized_keys':
      return { ...base, code: 'validation.unrecognized_keys', params: { keys: (params.keys ?? []).join(', ') } };
    default:
      // Custom refinements carry a catalogue key as their message.
      return { ...base, code: message.includes('.') && !message.includes(' ') ? message : 'validation.invalid' };
  }
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof MovedPermanently) reply.header('location', error.location);
  if (error instanceof TooManyRequests) reply.header('retry-after', String(error.retryAfterSeconds));
  if (error instanceof AppError) return sendProblem(request, reply, error.status, error.code, error.params, error.errors);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const location = locationNames[error.validationContext ?? 'body'] ?? 'body';
    const errors = error.validation.flatMap((v) => {
      const params = v.params as ZodIssueParams;
      // One error per unknown key, each naming the field itself.
      if (v.keyword === 'unrecognized_keys' && params.keys?.length) {
        return params.keys.map((key) => fieldErrorFromZod(v.keyword, `${v.instancePath.replace(/\/$/, '')}/${key}`, v.message ?? '', { keys: [key] }, location));
      }
      return [fieldErrorFromZod(v.keyword, v.instancePath, v.message ?? '', params, location)];
    });
    return sendProblem(request, reply, 400, 'validation.failed', {}, errors);
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
    return sendProblem(request, reply, 500, 'server.internal');
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return sendProblem(request, reply, 400, 'request.malformed_json');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return sendProblem(request, reply, 415, 'request.unsupported_media_type');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return sendProblem(request, reply, 413, 'request.too_large');
  }
  if (error instanceof SyntaxError && error.statusCode === 400) return sendProblem(request, reply, 400, 'request.malformed_json');
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status === 500) request.log.error({ err: withoutQueryParameters(error) }, 'unhandled error');
  return sendProblem(request, reply, status, status === 500 ? 'server.internal' : 'validation.failed');
}
