import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '../errors.js';
import { sendProblem } from './problem.js';

/** With the `u` flag a valid surrogate pair is one code point, so `\p{Cs}` matches only a lone half. */
const loneSurrogate = /\p{Cs}/u;
/** Any surrogate code unit: a quick test without the `u` flag, so most text (CJK included) skips the other. */
const anySurrogate = /[\uD800-\uDFFF]/;

function unstorable(text: string): 'validation.nul_character' | 'validation.lone_surrogate' | undefined {
  if (text.includes('\u0000')) return 'validation.nul_character';
  if (anySurrogate.test(text) && loneSurrogate.test(text)) return 'validation.lone_surrogate';
  return undefined;
}

/**
 * PostgreSQL text cannot hold U+0000, and a lone UTF-16 surrogate ("\ud800", valid in JSON but not
 * encodable as UTF-8) fails there too: either would reach the database and answer 500. Refuse them
 * up front, in values and in keys, naming every field that carries one. Every request passes here,
 * so a path is written only for a refusal (the walk keeps its segments on a stack).
 */
export async function rejectUnstorableText(request: FastifyRequest, reply: FastifyReply) {
  const errors: FieldError[] = [];
  const segments: string[] = [];
  const refuse = (code: 'validation.nul_character' | 'validation.lone_surrogate') => errors.push({ path: segments.join('.'), code });
  const visit = (value: unknown, depth: number) => {
    if (depth > 20) return;
    if (typeof value === 'string') {
      const code = unstorable(value);
      if (code) refuse(code);
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        segments.push(String(i));
        visit(value[i], depth + 1);
        segments.pop();
      }
    } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue;
        segments.push(key);
        const keyCode = unstorable(key);
        if (keyCode) refuse(keyCode);
        visit((value as Record<string, unknown>)[key], depth + 1);
        segments.pop();
      }
    }
  };
  visit(request.params, 0);
  visit(request.query, 0);
  visit(request.body, 0);
  if (errors.length) return sendProblem(request, reply, 400, 'validation.failed', {}, errors);
}
