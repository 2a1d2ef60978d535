/** Escape user text for use inside a LIKE/ILIKE pattern (`%` and `_` are literal then). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}
