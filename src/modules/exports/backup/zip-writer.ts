import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Zip, ZipPassThrough } from 'fflate';

/**
 * A .zip written as it goes (fflate's streaming Zip): entries are stored, not deflated — the
 * database dump is gzipped already and attachments are mostly compressed media — so writing costs
 * the disk, not the CPU. The file waits for the disk between chunks (backpressure), so memory
 * holds one chunk. No ZIP64: an archive must stay under 4 GB (docs/operations.md).
 */
export class ZipFileWriter {
  private readonly out;
  private readonly zip: Zip;
  private failure: Error | undefined;
  private readonly finished: Promise<void>;

  constructor(path: string) {
    this.out = createWriteStream(path);
    this.out.on('error', (error) => (this.failure ??= error));
    let finish: () => void = () => {};
    this.finished = new Promise((resolve) => (finish = resolve));
    this.zip = new Zip((error, chunk, final) => {
      if (error) this.failure ??= error;
      else this.out.write(chunk);
      if (final || error) this.out.end(finish);
    });
  }

  /** Adds one entry from bytes or a stream of chunks. */
  async add(name: string, content: Uint8Array | AsyncIterable<Uint8Array>): Promise<void> {
    const entry = new ZipPassThrough(name);
    this.zip.add(entry);
    if (content instanceof Uint8Array) entry.push(content, true);
    else {
      for await (const chunk of content) {
        entry.push(chunk);
        if (this.out.writableNeedDrain) await once(this.out, 'drain');
        if (this.failure) throw this.failure;
      }
      entry.push(new Uint8Array(0), true);
    }
    if (this.failure) throw this.failure;
  }

  async addFile(name: string, path: string): Promise<void> {
    await this.add(name, createReadStream(path));
  }

  async close(): Promise<void> {
    this.zip.end();
    await this.finished;
    if (this.failure) throw this.failure;
  }
}
