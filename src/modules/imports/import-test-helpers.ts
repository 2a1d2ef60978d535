import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import iconv from 'iconv-lite';
import type { TestApp } from '../../app/test-app.js';

/** Shared by the imports tests: files built in memory and sent the way the console sends them. */
export function csv(rows: readonly (readonly string[])[], encoding: 'utf-8' | 'utf-8-bom' | 'gbk' = 'utf-8'): Buffer {
  const text = rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
  if (encoding === 'gbk') return iconv.encode(text, 'gbk');
  return Buffer.concat([encoding === 'utf-8-bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
}

export function multipart(filename: string, data: Buffer) {
  const boundary = `----opencsm-import-${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`, 'utf8'),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export async function upload(t: TestApp, filename: string, data: Buffer, query: Record<string, string> = { entity: 'contacts' }): Promise<Json> {
  const body = multipart(filename, data);
  const res = await t.server.inject({ method: 'POST', url: `/api/v1/imports?${new URLSearchParams(query)}`, headers: { ...t.admin.headers, ...body.headers }, payload: body.payload });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

export async function dryRun(t: TestApp, id: string): Promise<Json> {
  const res = await t.api('POST', `/api/v1/imports/${id}/dry-run`);
  assert.equal(res.statusCode, 200, res.body);
  return res.data;
}

/** Start the run and let the worker finish it; the job as it ended. */
export async function run(t: TestApp, id: string): Promise<Json> {
  const res = await t.api('POST', `/api/v1/imports/${id}/run`);
  assert.equal(res.statusCode, 202, res.body);
  await t.drain();
  const job = await t.api('GET', `/api/v1/imports/${id}`);
  assert.equal(job.data.state, 'done', job.body);
  return job.data;
}
