/**
 * `/words` typed at the start of a line, at the end of what the agent is writing: the composer's
 * macro search (`/` alone opens the list). A `/` inside a line (a URL, "和/或") is not one.
 */
export const macroTrigger = /(^|\n)\/([^\n/]{0,30})$/;

/** The search words of a trigger, or null when the text does not end in one. */
export function macroQuery(body: string): string | null {
  const match = macroTrigger.exec(body);
  return match ? match[2]!.trim() : null;
}

/** The text with the trigger replaced by the macro's text (or the text appended when there is no trigger). */
export function insertMacroText(body: string, text: string): string {
  if (macroTrigger.test(body)) return body.replace(macroTrigger, (_, start: string) => `${start}${text}`);
  if (!body.trim()) return text;
  return `${body.replace(/\s+$/, '')}\n${text}`;
}
