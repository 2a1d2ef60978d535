import { invalidField } from '../../app/errors.js';
import { webhookEventTypeNames } from './event-catalogue.js';

/** Subscribed event types: known ones only (400 at `eventTypes.<i>`), each once. */
export function checkEventTypes(types: readonly string[]): string[] {
  types.forEach((type, i) => {
    if (!webhookEventTypeNames.has(type)) throw invalidField(`eventTypes.${i}`, 'webhook.event_type_unknown', { type });
  });
  return [...new Set(types)];
}

/** Headers the sender sets itself, or that would change how the request is framed. */
const reservedHeaders = new Set(['host', 'content-type', 'content-length', 'transfer-encoding', 'connection', 'upgrade', 'expect', 'te', 'trailer', 'keep-alive', 'proxy-authorization', 'user-agent']);
const token = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;

/** Custom headers sent with every delivery (an API gateway's key): names checked, values free of line breaks. */
export function checkHeaders(headers: Record<string, string>): Record<string, string> {
  const checked: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!token.test(name)) throw invalidField(`headers.${name}`, 'webhook.header_name_invalid', { name });
    const lower = name.toLowerCase();
    if (reservedHeaders.has(lower) || lower.startsWith('webhook-')) throw invalidField(`headers.${name}`, 'webhook.header_reserved', { name });
    if (/[\r\n\0]/.test(value)) throw invalidField(`headers.${name}`, 'webhook.header_value_invalid', { name });
    if (Object.keys(checked).some((n) => n.toLowerCase() === lower)) throw invalidField(`headers.${name}`, 'webhook.header_duplicate', { name });
    checked[name] = value;
  }
  return checked;
}
