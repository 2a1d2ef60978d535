import type { RenderedField } from '../field-labels.ts';

/**
 * What every field input takes. `value` and `onChange` come from Ant Design's Form.Item and are
 * the API's value format (money "12.50", date "2026-12-06", date-time an ISO instant, cascader a
 * path of values, multi select a list), so the form engine judges exactly what is sent.
 */
export type FieldInputProps = {
  field: RenderedField;
  id?: string;
  value?: unknown;
  onChange?: (value: unknown) => void;
  disabled?: boolean;
  /** The option values a rule leaves on offer (filter options); absent: every live option. */
  allowed?: readonly string[];
  language: string;
  /** The ticket the value belongs to, when it exists (attachments upload to it). */
  ticketId?: string;
  /** The portal: customers cannot list staff, contacts or organisations. */
  audience: 'staff' | 'customer';
};

export const asString = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
export const asStrings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
export const asNumber = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
/** An empty input clears the value (null), which the server reads as "no value". */
export const emptyToNull = (value: string | null | undefined): string | null => (value === undefined || value === null || value.trim() === '' ? null : value);
