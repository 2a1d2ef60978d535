import { datePattern } from '../conditions/values.js';
import type { FieldType as ConditionType } from '../conditions/types.js';
import { isBuiltinFieldType, type CustomFieldType, type FieldDefinition, type FieldOption } from './definition.js';
import { normaliseEmail, normalisePhone } from './phone-and-email.js';

/**
 * Custom field values: what each type accepts and the one normal form it is stored in (JSONB on
 * the ticket), so filters, conditions and exports compare like with like. Every write path (API,
 * console, portal, web form, bulk, channels, imports, rules) parses through here.
 *
 *   text, textarea, url, record   string          money        "1280.50" (string, two decimals)
 *   number, rating                number          date         "2026-03-02"
 *   datetime                      "2026-03-02T01:00:00.000Z" (UTC; input must carry an offset)
 *   select                        option value    multiselect  option values, in option order
 *   cascader                      option values from the root ["44", "4403", "440305"]
 *   checkbox                      true | false    phone        E.164 ("+8613800138000")
 *   email                         lower case      user, team, contact, organisation: id (UUID)
 *   attachments                   attachment ids (UUIDs)
 *
 * Null (or "" or []) clears a value.
 */
export type FieldValue = string | number | boolean | string[];

export type ParsedValue = { ok: true; value: FieldValue | null } | { ok: false; code: string; params?: Record<string, string | number> };

export type ValueContext = {
  /** Trees of built-in option sources (`china-regions`), when the caller has them; without one only the shape is checked. */
  optionTrees?: Readonly<Record<string, readonly FieldOption[]>>;
  /**
   * Field types registered beyond the built-in ones (field-type-table.ts), by key: a value of one
   * is parsed by its row, and rules test it as its row's condition type.
   */
  types?: ReadonlyMap<string, { parse(raw: unknown, field: Pick<FieldDefinition, 'options' | 'settings'>, context: ValueContext): ParsedValue; conditionType?: ConditionType | null }>;
};

type Field = Pick<FieldDefinition, 'type' | 'options' | 'settings'>;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const moneyPattern = /^-?\d{1,13}(?:\.\d{1,2})?$/;
const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const defaultTextLimit = { text: 500, textarea: 10_000 } as const;
const maxAttachments = 20;

const ok = (value: FieldValue | null): ParsedValue => ({ ok: true, value });
const fail = (code: string, params?: Record<string, string | number>): ParsedValue => ({ ok: false, code, ...(params && { params }) });

export function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Parses one submitted value for its field: the normal form, or the catalogue key of what is wrong. */
export function parseFieldValue(field: Field, raw: unknown, context: ValueContext = {}): ParsedValue {
  if (isEmptyValue(raw)) return ok(null);
  const { type } = field;
  if (isBuiltinFieldType(type)) return parseBuiltinValue(type, field, raw, context);
  const registered = context.types?.get(type);
  if (registered) return registered.parse(raw, field, context);
  // A stored type this app did not register (its module removed), or a caller without the app's
  // types (the console defers these to the server): refuse rather than guess.
  return fail('form.unknown_field_type', { type: type.slice(0, 40) });
}

/** The built-in types, one branch each: the switch stays exhaustive over CustomFieldType. */
function parseBuiltinValue(type: CustomFieldType, field: Field, raw: unknown, context: ValueContext): ParsedValue {
  switch (type) {
    case 'text':
    case 'textarea':
      return parseText(type, field.settings.maxLength, raw);
    case 'number':
      return parseNumber(field, raw);
    case 'rating': {
      const scale = field.settings.scale ?? 5;
      if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1 || raw > scale) return fail('form.expected_rating', { max: scale });
      return ok(raw);
    }
    case 'money':
      return parseMoney(field, raw);
    case 'date':
      return typeof raw === 'string' && isCalendarDate(raw) ? ok(raw) : fail('form.expected_date');
    case 'datetime': {
      if (typeof raw !== 'string' || !instantPattern.test(raw)) return fail('form.expected_datetime');
      const at = Date.parse(raw);
      return Number.isFinite(at) && isCalendarDate(raw.slice(0, 10)) ? ok(new Date(at).toISOString()) : fail('form.expected_datetime');
    }
    case 'select':
      return typeof raw === 'string' && offered(field.options, raw) ? ok(raw) : fail('form.unknown_option', { value: String(raw) });
    case 'multiselect':
      return parseMultiselect(field, raw);
    case 'cascader':
      return parseCascader(field, raw, context);
    case 'checkbox':
      return typeof raw === 'boolean' ? ok(raw) : fail('form.expected_boolean');
    case 'user':
    case 'team':
    case 'contact':
    case 'organisation':
    case 'record':
      return typeof raw === 'string' && uuidPattern.test(raw) ? ok(raw.toLowerCase()) : fail('form.expected_id');
    case 'phone': {
      const phone = typeof raw === 'string' ? normalisePhone(raw) : null;
      return phone ? ok(phone) : fail('form.expected_phone');
    }
    case 'email': {
      const email = typeof raw === 'string' ? normaliseEmail(raw) : null;
      return email ? ok(email) : fail('form.expected_email');
    }
    case 'url':
      return parseUrl(raw);
    case 'attachments':
      if (!Array.isArray(raw) || !raw.every((id) => typeof id === 'string' && uuidPattern.test(id))) return fail('form.expected_attachments');
      if (raw.length > maxAttachments) return fail('form.too_many', { max: maxAttachments });
      return ok([...new Set(raw.map((id: string) => id.toLowerCase()))]);
  }
}

function parseText(type: 'text' | 'textarea', maxLength: number | undefined, raw: unknown): ParsedValue {
  if (typeof raw !== 'string') return fail('form.expected_text');
  const text = type === 'text' ? raw.trim() : raw.replace(/\s+$/, '');
  if (!text) return ok(null);
  if (type === 'text' && /[\r\n]/.test(text)) return fail('form.single_line');
  const max = maxLength ?? defaultTextLimit[type];
  // Counted in code points (an emoji is one character), but only when the UTF-16 length could
  // exceed the limit: most texts are far below it and need no count (or array) at all.
  if (text.length > max && codePoints(text) > max) return fail('form.text_too_long', { max });
  return ok(text);
}

function codePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++, count++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return count;
}

function parseNumber(field: Field, raw: unknown): ParsedValue {
  if (typeof raw !== 'number' || !Number.isFinite(raw) || Math.abs(raw) >= 1e15) return fail('form.expected_number');
  const decimals = field.settings.decimals;
  if (decimals !== undefined && Math.round(raw * 10 ** decimals) / 10 ** decimals !== raw) return fail('form.too_many_decimals', { max: decimals });
  return inBounds(field, raw, raw);
}

function parseMoney(field: Field, raw: unknown): ParsedValue {
  const text = typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : raw;
  if (typeof text !== 'string' || !moneyPattern.test(text.trim())) return fail('form.expected_money');
  const [whole, cents = ''] = text.trim().split('.');
  const normal = `${whole!.replace(/^(-?)0+(?=\d)/, '$1')}.${cents.padEnd(2, '0')}`;
  return inBounds(field, Number(normal), normal === '-0.00' ? '0.00' : normal);
}

function inBounds(field: Field, n: number, value: FieldValue): ParsedValue {
  const { min, max } = field.settings;
  if (min !== undefined && n < min) return fail('form.below_min', { min });
  if (max !== undefined && n > max) return fail('form.above_max', { max });
  return ok(value);
}

function parseMultiselect(field: Field, raw: unknown): ParsedValue {
  if (!Array.isArray(raw) || !raw.every((item) => typeof item === 'string')) return fail('form.expected_list');
  const unknown = raw.find((item: string) => !offered(field.options, item));
  if (unknown !== undefined) return fail('form.unknown_option', { value: unknown });
  const order = (field.options ?? []).map((option) => option.value);
  return ok([...new Set(raw as string[])].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
}

/** A path from a root option down: each value must be a child of the one before. */
function parseCascader(field: Field, raw: unknown, context: ValueContext): ParsedValue {
  if (!Array.isArray(raw) || !raw.every((item) => typeof item === 'string' && item.length > 0 && item.length <= 200) || raw.length > 6) return fail('form.expected_path');
  const path = raw as string[];
  const levels = field.settings.levels;
  if (levels !== undefined && path.length !== levels) return fail('form.path_depth', { levels });
  const source = field.settings.optionSource;
  const tree = source ? context.optionTrees?.[source] : field.options;
  if (!tree) return ok(path); // a built-in source the caller could not load here: the shape is all we can judge
  let level: readonly FieldOption[] | undefined = tree;
  for (const value of path) {
    const option: FieldOption | undefined = level?.find((candidate) => candidate.value === value && !candidate.deleted);
    if (!option) return fail('form.unknown_option', { value });
    level = option.children;
  }
  return ok(path);
}

function parseUrl(raw: unknown): ParsedValue {
  if (typeof raw !== 'string' || raw.length > 2000) return fail('form.expected_url');
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? ok(url.href) : fail('form.expected_url');
  } catch {
    return fail('form.expected_url');
  }
}

/** A value an option list offers now: present and not deleted. */
function offered(options: readonly FieldOption[] | undefined, value: string): boolean {
  return (options ?? []).some((option) => option.value === value && !option.deleted);
}

function isCalendarDate(text: string): boolean {
  const match = datePattern.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
