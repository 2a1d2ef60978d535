import { z } from 'zod';

/**
 * Configuration is read from the environment once, at boot. A bad value stops start-up with a
 * message that names the variable, so an operator never runs with a half-understood setting.
 */
const port = z.coerce.number().int().min(0).max(65535);

const configSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  OPENCSM_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  OPENCSM_ADMIN_EMAIL: z.email().optional(),
  OPENCSM_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OPENCSM_TIMEZONE: z
    .string()
    .default('Asia/Shanghai')
    .refine((tz) => isValidTimeZone(tz), 'unknown IANA time zone'),
  OPENCSM_MAX_ATTACHMENT_MB: z.coerce.number().positive().max(1024).default(25),
  OPENCSM_SESSION_DAYS: z.coerce.number().int().positive().max(365).default(14),
  OPENCSM_COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /**
   * Behind a reverse proxy: whose X-Forwarded-For to believe, so per-IP limits see customers, not
   * the proxy. `false` (default), `true` (any), a hop count, or comma-separated addresses/CIDRs.
   */
  OPENCSM_TRUST_PROXY: z
    .string()
    .default('false')
    .refine((v) => /^(true|false|\d{1,2}|[0-9a-fA-F:.\/]+(\s*,\s*[0-9a-fA-F:.\/]+)*)$/.test(v.trim()), 'must be true, false, a hop count or addresses like 10.0.0.1,10.0.0.0/8')
    .transform((v): boolean | number | string[] => (v === 'true' ? true : v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v.split(',').map((s) => s.trim()))),
  /** Outbound mail relay for portal login codes, e.g. smtp://user:pass@smtp.example.cn:587. Unset: codes are logged (dev only). */
  OPENCSM_SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  /** The address customers reach this server at (e.g. https://service.example.cn), for links in emails. */
  OPENCSM_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  OPENCSM_MAIL_FROM: z.string().min(3).default('OpenCSM <no-reply@opencsm.local>'),
  /** Who may frame the embeddable web form (/portal/form): `*` or a space-separated list of origins. */
  OPENCSM_PORTAL_FRAME_ANCESTORS: z
    .string()
    .default('*')
    .refine((v) => v.split(/\s+/).filter(Boolean).every((s) => s === '*' || s === "'self'" || /^https?:\/\/[^\s;,'"]+$/.test(s)), 'must be * or origins like https://www.example.cn'),
});

export type Config = z.output<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration / 配置错误:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Empty strings count as unset, as shells and .env files often produce them. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(
    Object.keys(configSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}=${JSON.stringify(cleaned[String(issue.path[0])])}: ${issue.message}`),
    );
  }
  return parsed.data;
}

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
