import { randomBytes } from 'node:crypto';

export type TestFile = { filename: string; contentType?: string; data: Buffer };

/** A multipart/form-data body built by hand, for tests: text fields, then `files` parts. */
export function multipartBody(fields: Record<string, string>, files: readonly TestFile[], fileField = 'files'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----opencsm-test-${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const file of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${fileField}"; filename="${file.filename.replace(/"/g, '\\"')}"\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`, 'utf8'));
    chunks.push(file.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
