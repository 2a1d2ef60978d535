import { parseTemplate } from './parse.js';

/**
 * The values of one rendering, by variable name (`ticket.number`, `fields.model`). Looked up only
 * as own properties of a plain object or in a Map, so `{{constructor}}` or `{{__proto__.x}}`
 * reach nothing inherited.
 */
export type TemplateValues = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

/**
 * `text`: the reply is plain text (a chat message, an SMS): values go in as they are.
 * `html`: the reply is HTML (an email body): values are HTML-escaped; the template's own text is
 * the author's markup and is sanitised where every reply's HTML is.
 */
export type RenderFormat = 'text' | 'html';

function lookUp(values: TemplateValues, name: string): string {
  if (values instanceof Map) return values.get(name) ?? '';
  const record = values as Readonly<Record<string, string>>;
  if (!Object.prototype.hasOwnProperty.call(record, name)) return '';
  const value = record[name];
  return typeof value === 'string' ? value : '';
}

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => htmlEscapes[c]!);
}

/**
 * Fills a template's variables. A variable with no value (unknown, unreadable to the reader, or
 * empty) renders as nothing; what is not a placeholder (an unclosed `{{`, `{{ a b }}`) stays as
 * it was written. A value is never parsed again, so a customer name containing `{{…}}` is text.
 */
export function renderTemplate(text: string, values: TemplateValues, format: RenderFormat = 'text'): string {
  let out = '';
  for (const part of parseTemplate(text)) {
    if (part.kind === 'text') out += part.text;
    else if (part.kind === 'invalid') out += part.raw;
    else {
      const value = lookUp(values, part.name);
      out += format === 'html' ? escapeHtml(value) : value;
    }
  }
  return out;
}
