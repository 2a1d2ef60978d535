import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileTypeFromBuffer } from 'file-type';
import { Invalid } from '../../app/errors.js';

/**
 * Attachment bytes on disk under `<data dir>/attachments`, addressed by SHA-256 so the same file
 * attached twice is stored once. Writes go to a temp file and are renamed into place, so a crash
 * never leaves a half file under a real name. (An S3-compatible store can implement the same API.)
 */
export type StoredFile = { sha256: string; size: number; contentType: string };

/** The store every process of one installation shares: `<data dir>/attachments`. */
export function attachmentStoreIn(dataDir: string): AttachmentStore {
  return new AttachmentStore(join(dataDir, 'attachments'));
}

export class AttachmentStore {
  constructor(private readonly root: string) {}

  async save(stream: Readable, declaredType: string | undefined): Promise<StoredFile & { truncated: boolean }> {
    const tmpDir = join(this.root, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmpPath = join(tmpDir, randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    stream.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      size += chunk.length;
      if (head.length < 4100) head = Buffer.concat([head, chunk.subarray(0, 4100 - head.length)]);
    });
    try {
      await pipeline(stream, createWriteStream(tmpPath));
      const truncated = Boolean((stream as Readable & { truncated?: boolean }).truncated);
      const sha256 = hash.digest('hex');
      if (!truncated && size > 0) {
        const finalPath = this.pathOf(sha256);
        await mkdir(join(finalPath, '..'), { recursive: true });
        await fsyncPath(tmpPath);
        await rename(tmpPath, finalPath);
        await fsyncPath(join(finalPath, '..')); // the rename itself is durable only once its folder is

      }
      return { sha256, size, contentType: await sniffType(head, declaredType), truncated };
    } catch (error) {
      // An error of the upload itself (cut-off or malformed multipart) is the client's, not ours.
      if (stream.errored) throw new Invalid('request.malformed_multipart');
      throw error;
    } finally {
      await rm(tmpPath, { force: true });
    }
  }

  async open(sha256: string): Promise<{ stream: ReadStream; size: number }> {
    const path = this.pathOf(sha256);
    const info = await stat(path);
    return { stream: createReadStream(path), size: info.size };
  }

  /** Delete a file no row refers to any more (a rolled-back import's); a missing one is not an error. */
  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('invalid attachment hash');
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }
}

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * The type is decided from the bytes, never trusted from the client: magic numbers first, then
 * UTF-8 text, else octet-stream. (Downloads are also sent as attachments with nosniff.)
 */
async function sniffType(head: Buffer, declared: string | undefined): Promise<string> {
  const detected = await fileTypeFromBuffer(head);
  if (detected) return detected.mime;
  if (head.length > 0 && isProbablyText(head)) return declared === 'text/csv' ? 'text/csv' : 'text/plain';
  return 'application/octet-stream';
}

function isProbablyText(head: Buffer): boolean {
  if (head.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - 4)));
    return true;
  } catch {
    return false;
  }
}
