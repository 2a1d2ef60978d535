/**
 * An attachment's file name as a single, safe path segment in the archive: no folder separators,
 * no `.`/`..`, no control characters, at most 200 characters (a user named the file, and the
 * archive is unpacked on someone's disk).
 */
export function archiveFileName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_')
    .replace(/^\.+/, '_')
    .trim();
  const short = [...cleaned].slice(0, 200).join('');
  return short === '' || short === '_' ? 'file' : short;
}
