import type { FastifyRequest } from 'fastify';
import type { ZodType } from 'zod';
import { Invalid, invalidField, type FieldError } from '../../app/errors.js';
import type { InboundAttachment } from '../tickets/index.js';

export const maxFilesPerSubmission = 5;

/**
 * A JSON body, or a multipart one (text fields plus `files`), validated by one zod schema so both
 * shapes fail the same way: a 400 problem naming each field.
 */
export async function readSubmission<T>(request: FastifyRequest, schema: ZodType<T>, maxFileMb: number): Promise<{ fields: T; files: InboundAttachment[] }> {
  let raw: unknown = request.body;
  const files: InboundAttachment[] = [];
  if (request.isMultipart()) {
    const fields: Record<string, string> = {};
    const parts = request.parts({ limits: { files: maxFilesPerSubmission + 1, fileSize: maxFileMb * 1024 * 1024, fields: 20 } });
    try {
      for await (const part of parts) {
        if (part.type === 'file') {
          if (files.length >= maxFilesPerSubmission) throw invalidField('files', 'form.too_many_files', { maximum: maxFilesPerSubmission });
          const content = await part.toBuffer();
          if (content.length > 0) files.push({ filename: part.filename || 'file', contentType: part.mimetype, content });
        } else {
          fields[part.fieldname] = String(part.value);
        }
      }
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (error instanceof Invalid || (status && status >= 400 && status < 500)) throw error;
      throw new Invalid('request.malformed_multipart');
    }
    raw = fields;
  }
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) {
    const errors: FieldError[] = parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || 'body', code: issueCode(issue) }));
    throw new Invalid('validation.failed', {}, errors);
  }
  return { fields: parsed.data, files };
}

function issueCode(issue: { code: string; message: string; input?: unknown }): string {
  if (issue.message.includes('.') && !issue.message.includes(' ')) return issue.message;
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'validation.required';
  return ({ too_small: 'validation.too_small', too_big: 'validation.too_big', invalid_format: 'validation.invalid_format', invalid_value: 'validation.invalid_value', unrecognized_keys: 'validation.unrecognized_keys' } as Record<string, string>)[issue.code] ?? 'validation.invalid';
}
