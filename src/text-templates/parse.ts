/**
 * Splitting a text template into literal text and `{{variable}}` placeholders. The grammar is
 * deliberately tiny: a placeholder is `{{`, optional spaces, a dotted name of letters, digits, `_`
 * and `-` (each part starting with a letter or `_`), optional spaces, `}}`. There is no logic, no
 * filters, no expressions and nothing is evaluated: a name is only ever looked up in a map of
 * strings. Anything else between braces is a problem the validator reports and the renderer
 * leaves as it was written, so a half-typed text never loses characters.
 */
export type TemplatePart =
  | { kind: 'text'; text: string }
  | { kind: 'variable'; name: string; /** Offset of `{{` in the text (UTF-16 code units, as JavaScript and the browser count). */ start: number; end: number; raw: string }
  | { kind: 'invalid'; reason: 'unclosed' | 'invalid_name'; start: number; end: number; raw: string };

/** The longest variable name accepted: longer text between braces is not a placeholder. */
export const maxVariableLength = 100;

const namePattern = /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)*$/;

export function parseTemplate(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literalStart = 0;
  let at = text.indexOf('{{');
  // The next `}}` is looked for again only once passed, so a text of many `{{` costs one pass, not one per brace.
  let close = -2;
  while (at !== -1) {
    if (close !== -1 && close < at + 2) close = text.indexOf('}}', at + 2);
    const nextOpen = text.indexOf('{{', at + 2);
    if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
      // `{{` with no `}}` before the next `{{` (or the end): report it, keep it as text.
      const end = nextOpen === -1 ? text.length : nextOpen;
      pushText(parts, text.slice(literalStart, at));
      parts.push({ kind: 'invalid', reason: 'unclosed', start: at, end, raw: text.slice(at, end) });
      literalStart = end;
      at = nextOpen;
      continue;
    }
    const raw = text.slice(at, close + 2);
    const name = text.slice(at + 2, close).trim();
    pushText(parts, text.slice(literalStart, at));
    if (name.length <= maxVariableLength && namePattern.test(name)) parts.push({ kind: 'variable', name, start: at, end: close + 2, raw });
    else parts.push({ kind: 'invalid', reason: 'invalid_name', start: at, end: close + 2, raw });
    literalStart = close + 2;
    at = text.indexOf('{{', literalStart);
  }
  pushText(parts, text.slice(literalStart));
  return parts;
}

function pushText(parts: TemplatePart[], text: string): void {
  if (text) parts.push({ kind: 'text', text });
}

/** The distinct variable names a text uses, in the order they first appear. */
export function templateVariablesUsed(text: string): string[] {
  const names = new Set<string>();
  for (const part of parseTemplate(text)) if (part.kind === 'variable') names.add(part.name);
  return [...names];
}
