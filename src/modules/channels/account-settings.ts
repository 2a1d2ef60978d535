import type { ChannelAdapter } from '../../app/channel-registry.js';
import { Invalid } from '../../app/errors.js';
import type { SecretBox } from '../../app/installation-key.js';

/**
 * Splitting an account's settings into what is stored plainly and what is sealed, and back. The
 * adapter's zod schema judges the whole (secrets included); a problem is a 400 at `settings.<field>`.
 */
export function checkSettings(adapter: ChannelAdapter, input: Record<string, unknown>): Record<string, unknown> {
  const parsed = adapter.settings.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new Invalid(
    'validation.failed',
    {},
    parsed.error.issues.map((issue) => ({ path: ['settings', ...issue.path.map(String)].join('.'), code: issue.code === 'invalid_type' && issue.input === undefined ? 'validation.required' : 'validation.invalid' })),
  );
}

export function sealSettings(adapter: ChannelAdapter, box: SecretBox, settings: Record<string, unknown>): { plain: Record<string, unknown>; secrets: Record<string, string> } {
  const plain: Record<string, unknown> = {};
  const secrets: Record<string, string> = {};
  for (const [key, value] of Object.entries(settings)) {
    if (adapter.secretFields.includes(key)) {
      if (typeof value === 'string' && value !== '') secrets[key] = box.seal(value);
    } else plain[key] = value;
  }
  return { plain, secrets };
}

export function openSettings(box: SecretBox, plain: Record<string, unknown>, secrets: Record<string, string>): Record<string, unknown> {
  return { ...plain, ...Object.fromEntries(Object.entries(secrets).map(([key, sealed]) => [key, box.open(sealed)])) };
}
