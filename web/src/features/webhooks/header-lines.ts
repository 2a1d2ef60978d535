/**
 * The custom headers field: one `Name: value` per line (blank lines ignored; the value may hold
 * colons) to a header map, or the number of the first line that is not one. The server checks
 * the names and values themselves (400 at `headers.<name>`).
 */
export function parseHeaderLines(text: string): { ok: true; headers: Record<string, string> } | { ok: false; badLine: number } {
  const headers: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return { ok: false, badLine: i + 1 };
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return { ok: true, headers };
}
