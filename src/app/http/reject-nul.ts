import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '../errors.js';
import { sendProblem } from './problem.js';

/**
 * PostgreSQL text cannot hold U+0000, so a NUL anywhere in the input would reach the database and
 * fail there as a 500. Refuse it up front, naming every field that carries one.
 */
export async function rejectNulCharacters(request: FastifyRequest, reply: FastifyReply) {
  const errors: FieldError[] = [];
  const visit = (value: unknown, path: string, depth: number) => {
    if (depth > 20) return;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) errors.push({ path, code: 'validation.nul_character' });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, path ? `${path}.${i}` : String(i), depth + 1));
    } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
      for (const [key, item] of Object.entries(value)) visit(item, path ? `${path}.${key}` : key, depth + 1);
    }
  };
  visit(request.params, '', 0);
  visit(request.query, '', 0);
  visit(request.body, '', 0);
  if (errors.length) return sendProblem(request, reply, 400, 'validation.failed', {}, errors);
}
