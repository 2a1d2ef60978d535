import type { FastifyRequest } from 'fastify';
import type { ZodType } from 'zod';
import { Invalid, invalidField, PayloadTooLarge, type FieldError } from '../../app/errors.js';
import type { InboundAttachment } from '../tickets/index.js';

export const maxFilesPerSubmission = 5;

/** Upload limits of one submission: each file, and all files together. */
export type SubmissionLimits = { fileMb: number; totalMb: number };

/**
 * A JSON body, or a multipart one (text fields plus `files`), validated by one zod schema so both
 * shapes fail the same way: a 400 problem naming each field. Files are counted while they stream
 * in: past `totalMb` together the request stops with 413 before anything is stored (files are
 * only held in memory here; the attachment store sees them after every check has passed).
 */
export async function readSubmission<T>(request: FastifyRequest, schema: ZodType<T>, limits: SubmissionLimits): Promise<{ fields: T; files: InboundAttachment[] }> {
  let raw: unknown = request.body;
  const files: InboundAttachment[] = [];
  if (request.isMultipart()) {
    const fields: Record<string, string> = {};
    const maxTotal = limits.totalMb * 1024 * 1024;
    let total = 0;
    const parts = request.parts({ limits: { files: maxFilesPerSubmission + 1, fileSize: Math.min(limits.fileMb, limits.totalMb) * 1024 * 1024, fields: 20 } });
    try {
      for await (const part of parts) {
        if (part.type === 'file') {
          if (files.length >= maxFilesPerSubmission) throw invalidField('files', 'form.too_many_files', { maximum: maxFilesPerSubmission });
          const chunks: Buffer[] = [];
          for await (const chunk of part.file as AsyncIterable<Buffer>) {
            total += chunk.length;
            if (total > maxTotal) throw new PayloadTooLarge('form.submission_too_large', { limitMb: limits.totalMb });
            chunks.push(chunk);
          }
          if (part.file.truncated) throw new PayloadTooLarge(limits.fileMb <= limits.totalMb ? 'attachment.too_large' : 'form.submission_too_large', { limitMb: Math.min(limits.fileMb, limits.totalMb) });
          const content = Buffer.concat(chunks);
          if (content.length > 0) files.push({ filename: part.filename || 'file', contentType: part.mimetype, content });
        } else {
          fields[part.fieldname] = String(part.value);
        }
      }
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (error instanceof Invalid || error instanceof PayloadTooLarge || (status && status >= 400 && status < 500)) throw error;
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
