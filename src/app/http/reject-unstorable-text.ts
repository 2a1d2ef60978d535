import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '../errors.js';
import { sendProblem } from './problem.js';

/** With the `u` flag a valid surrogate pair is one code point, so `\p{Cs}` matches only a lone half. */
const loneSurrogate = /\p{Cs}/u;

function unstorable(text: string): 'validation.nul_character' | 'validation.lone_surrogate' | undefined {
  if (text.includes('\u0000')) return 'validation.nul_character';
  if (loneSurrogate.test(text)) return 'validation.lone_surrogate';
  return undefined;
}

/**
 * PostgreSQL text cannot hold U+0000, and a lone UTF-16 surrogate ("\ud800", valid in JSON but not
 * encodable as UTF-8) fails there too: either would reach the database and answer 500. Refuse them
 * up front, in values and in keys, naming every field that carries one.
 */
export async function rejectUnstorableText(request: FastifyRequest, reply: FastifyReply) {
  const errors: FieldError[] = [];
  const visit = (value: unknown, path: string, depth: number) => {
    if (depth > 20) return;
    if (typeof value === 'string') {
      const code = unstorable(value);
      if (code) errors.push({ path, code });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, path ? `${path}.${i}` : String(i), depth + 1));
    } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
      for (const [key, item] of Object.entries(value)) {
        const keyPath = path ? `${path}.${key}` : key;
        const keyCode = unstorable(key);
        if (keyCode) errors.push({ path: keyPath, code: keyCode });
        visit(item, keyPath, depth + 1);
      }
    }
  };
  visit(request.params, '', 0);
  visit(request.query, '', 0);
  visit(request.body, '', 0);
  if (errors.length) return sendProblem(request, reply, 400, 'validation.failed', {}, errors);
}
