import { createHash } from 'node:crypto';

export type UploadFile = { filename: string; contentType: string; content: Buffer };

/**
 * One file as a multipart/form-data body, the way vendors' media upload APIs take it (WeCom's
 * media/upload, DingTalk's media/upload). `filelength`: WeCom's extra Content-Disposition parameter.
 * The boundary is derived from the content, so a retried upload sends the same bytes.
 */
export function multipartFile(field: string, file: UploadFile, options: { filelength?: boolean } = {}): { body: Buffer; contentType: string } {
  const boundary = `----opencsm${createHash('sha1').update(file.content).digest('hex').slice(0, 16)}`;
  const length = options.filelength ? `; filelength=${file.content.length}` : '';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${file.filename.replace(/["\r\n]/g, '_')}"${length}\r\nContent-Type: ${file.contentType}\r\n\r\n`);
  return { body: Buffer.concat([head, file.content, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}
