import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';

/**
 * Unpacks a .zip read as a stream (fflate's Unzip): each entry goes to the path `target(name)`
 * gives (undefined: skipped). Entries come one after the other, so every write joins one chain,
 * and the next piece of the file is read only once the chain has caught up: memory holds a chunk
 * or two, not the archive.
 */
export async function unzipFile(path: string, target: (name: string) => string | undefined): Promise<string[]> {
  const written: string[] = [];
  let chain: Promise<void> = Promise.resolve();
  let failure: unknown;
  const then = (step: () => Promise<void> | void) => {
    chain = chain.then(step).catch((error: unknown) => void (failure ??= error));
  };
  const unzip = new Unzip((file) => {
    const to = target(file.name);
    if (!to || file.name.endsWith('/')) return;
    written.push(file.name);
    let out: WriteStream | undefined;
    then(async () => {
      await mkdir(dirname(to), { recursive: true });
      // Owner-only, as the installation key must be (the files are the server's, read by no one else).
      out = createWriteStream(to, { mode: 0o600 });
    });
    file.ondata = (error, chunk, final) => {
      if (error) return void (failure ??= error);
      then(() => new Promise<void>((resolve, reject) => out?.write(chunk, (e) => (e ? reject(e) : resolve()))));
      if (final) then(() => new Promise<void>((resolve) => (out ? out.end(resolve) : resolve())));
    };
    file.start();
  });
  unzip.register(UnzipPassThrough);
  unzip.register(UnzipInflate);
  for await (const chunk of createReadStream(path)) {
    unzip.push(chunk);
    await chain;
    if (failure) throw failure;
  }
  unzip.push(new Uint8Array(0), true);
  await chain;
  if (failure) throw failure;
  return written;
}
