import { parseTemplate } from './parse.js';
import { isKnownVariable } from './variables.js';

/**
 * One problem of a text template: a catalogue key (`template.*`, src/text-templates/messages.ts),
 * its parameters, and where it is: `offset` (UTF-16 code units from the start, as an editor's
 * selection counts), `line` and `column` (both from 1, for people).
 */
export type TemplateProblem = { code: string; params: Record<string, string | number>; offset: number; line: number; column: number };

/** The longest template text accepted (a reply, not a document). */
export const maxTemplateLength = 20_000;

/** Problems reported at most for one text: enough to fix, and a pasted wall of braces stays cheap. */
export const maxTemplateProblems = 20;

/**
 * Every problem of a text: unclosed `{{`, text between braces that is not a variable name, and
 * names that are neither in the catalogue nor `fields.<key>` of a field `isField` knows.
 */
export function validateTemplate(text: string, isField: (key: string) => boolean = () => false): TemplateProblem[] {
  if (text.length > maxTemplateLength) return [problemAt(text, 0, 'template.too_long', { max: maxTemplateLength })];
  const problems: TemplateProblem[] = [];
  for (const part of parseTemplate(text)) {
    if (problems.length === maxTemplateProblems) break;
    if (part.kind === 'invalid') {
      const code = part.reason === 'unclosed' ? 'template.unclosed' : 'template.invalid_variable';
      problems.push(problemAt(text, part.start, code, { text: excerpt(part.raw) }));
    } else if (part.kind === 'variable' && !isKnownVariable(part.name, isField)) {
      problems.push(problemAt(text, part.start, 'template.unknown_variable', { variable: part.name }));
    }
  }
  return problems;
}

function problemAt(text: string, offset: number, code: string, params: Record<string, string | number>): TemplateProblem {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { code, params: { ...params, line, column }, offset, line, column };
}

/** What the message quotes of a bad placeholder: short, on one line. */
function excerpt(raw: string): string {
  const flat = raw.replace(/\s+/g, ' ');
  return flat.length > 30 ? `${flat.slice(0, 30)}…` : flat;
}
