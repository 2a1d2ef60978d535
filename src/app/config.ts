import { z } from 'zod';
import { isOutboundAllowEntry } from './net/outbound-allowlist.js';

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
  /** Prepare each SQL text once per PostgreSQL connection; `off` behind a pooler that cannot keep prepared statements. */
  OPENCSM_DB_PREPARE: z.enum(['on', 'off']).default('on'),
  OPENCSM_ADMIN_EMAIL: z.email().optional(),
  OPENCSM_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OPENCSM_TIMEZONE: z
    .string()
    .default('Asia/Shanghai')
    .refine((tz) => isValidTimeZone(tz), 'unknown IANA time zone'),
  OPENCSM_MAX_ATTACHMENT_MB: z.coerce.number().positive().max(1024).default(25),
  /** Anonymous web form uploads (MB): all files of one submission; per client IP per UTC day; the whole installation per UTC day. */
  OPENCSM_FORM_MAX_UPLOAD_MB: z.coerce.number().positive().max(1024).default(25),
  OPENCSM_FORM_IP_DAILY_UPLOAD_MB: z.coerce.number().positive().max(1_048_576).default(100),
  OPENCSM_FORM_DAILY_UPLOAD_MB: z.coerce.number().positive().max(1_048_576).default(2048),
  /** Signed-in portal customers: all files of one message together (MB). */
  /** The most tickets one export (CSV or Excel) writes; the console says so before it starts. */
  OPENCSM_EXPORT_MAX_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(100_000),
  OPENCSM_PORTAL_MAX_UPLOAD_MB: z.coerce.number().positive().max(1024).default(25),
  OPENCSM_SESSION_DAYS: z.coerce.number().int().positive().max(365).default(14),
  OPENCSM_COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** 32 bytes (hex or base64) that encrypt stored mailbox passwords and sign reply addresses; else `<data dir>/secret.key`. */
  OPENCSM_SECRET_KEY: z
    .string()
    .refine((v) => /^[0-9a-f]{64}$/i.test(v) || Buffer.from(v, 'base64').length === 32, 'must be 32 bytes: 64 hex digits or base64')
    .optional(),
  /** The built-in SMTP listener (email channel): off when unset. */
  SMTP_PORT: port.optional(),
  SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  SMTP_MAX_MESSAGE_MB: z.coerce.number().positive().max(1024).default(25),
  /** PEM files for STARTTLS; both or neither. */
  SMTP_TLS_KEY: z.string().min(1).optional(),
  SMTP_TLS_CERT: z.string().min(1).optional(),
  /** The name the listener greets with (EHLO banner). */
  SMTP_HOSTNAME: z.string().min(1).optional(),
  /**
   * DNS servers for sender authentication (SPF/DKIM/DMARC/ARC of mail the SMTP listener receives):
   * comma-separated `ip` or `ip:port`; unset uses the system resolver; `none` looks nothing up
   * (air-gapped installs: every sender is then "unverified").
   */
  EMAIL_DNS_SERVERS: z
    .string()
    .optional()
    .refine((v) => v === undefined || v.trim() === 'none' || v.split(',').every((s) => /^(\[[0-9a-fA-F:]+\]|[0-9.]+|[0-9a-fA-F:]+)(:\d{1,5})?$/.test(s.trim())), 'must be none or addresses like 10.0.0.53,10.0.0.54:5353'),
  /**
   * For mail fetched over IMAP: the authserv-ids (host names) of upstream servers whose
   * Authentication-Results header we believe, comma-separated. Unset: IMAP mail is "unverified".
   */
  EMAIL_TRUSTED_AUTHSERV_IDS: z
    .string()
    .optional()
    .transform((v) => (v ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)),
  /** At most this many automatic receipts (受理回执) to one sender address per hour. */
  EMAIL_ACK_PER_SENDER_PER_HOUR: z.coerce.number().int().min(0).max(1000).default(3),
  /**
   * Behind a reverse proxy: whose X-Forwarded-For to believe, so per-IP limits see customers, not
   * the proxy. `false` (default), `true` (any), a hop count, or comma-separated addresses/CIDRs.
   */
  OPENCSM_TRUST_PROXY: z
    .string()
    .default('false')
    .refine((v) => /^(true|false|\d{1,2}|[0-9a-fA-F:.\/]+(\s*,\s*[0-9a-fA-F:.\/]+)*)$/.test(v.trim()), 'must be true, false, a hop count or addresses like 10.0.0.1,10.0.0.0/8')
    .transform((v): boolean | number | string[] => (v === 'true' ? true : v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v.split(',').map((s) => s.trim()))),
  /** Outbound mail relay for portal login codes, e.g. smtp://user:pass@smtp.example.cn:587. Unset: codes cannot be delivered (see OPENCSM_DEV_LOG_CODES). */
  OPENCSM_SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  /** Development only: with no OPENCSM_SMTP_URL, write portal sign-in codes to the log. Never in production: a code is a login. */
  OPENCSM_DEV_LOG_CODES: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /**
   * Development only: an SMS provider that keeps verification codes and notifications in the
   * server (and its log) instead of sending them. Without it no SMS can be "sent" unconfigured:
   * a code is a login.
   */
  OPENCSM_SMS_DEV_CODES: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /** The address customers reach this server at (e.g. https://service.example.cn), for links in emails. */
  OPENCSM_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  OPENCSM_MAIL_FROM: z.string().min(3).default('OpenCSM <no-reply@opencsm.local>'),
  /** How long an approval's signed one-time 同意 / 驳回 link in an approver's email stays valid, in hours. */
  OPENCSM_APPROVAL_LINK_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(72),
  /**
   * Console sign-in protection (per account = per email tried, and per client IP), counted in the
   * database so every process shares it. After DELAY_AFTER failures within the window each further
   * attempt must wait a growing delay (1 s, doubling, at most 60 s) and is answered 429 inside it;
   * at LOCK_AFTER failures the key is locked for LOCK_MINUTES. IPs get higher thresholds because
   * an office shares one address.
   */
  OPENCSM_LOGIN_ACCOUNT_DELAY_AFTER: z.coerce.number().int().min(1).max(1000).default(5),
  OPENCSM_LOGIN_ACCOUNT_LOCK_AFTER: z.coerce.number().int().min(1).max(1000).default(10),
  OPENCSM_LOGIN_IP_DELAY_AFTER: z.coerce.number().int().min(1).max(100_000).default(30),
  OPENCSM_LOGIN_IP_LOCK_AFTER: z.coerce.number().int().min(1).max(100_000).default(100),
  OPENCSM_LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  OPENCSM_LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** Bearer token that /metrics requires. Without it (and without OPENCSM_METRICS_LISTEN) /metrics answers 404. */
  OPENCSM_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Serve /metrics on its own address (e.g. 127.0.0.1:9464, for a scraper on the private network) instead of the public port. */
  OPENCSM_METRICS_LISTEN: z
    .string()
    .regex(/^(?:(\[[0-9a-fA-F:.]+\]|[^:\s]+):)?\d{1,5}$/, 'must be a port or host:port, e.g. 127.0.0.1:9464')
    .transform((v) => {
      const match = /^(?:(\[[0-9a-fA-F:.]+\]|[^:\s]+):)?(\d{1,5})$/.exec(v)!;
      return { host: (match[1] ?? '127.0.0.1').replace(/^\[|\]$/g, ''), port: Number(match[2]) };
    })
    .optional(),
  /**
   * Internal hosts that outbound connections to user-given hosts (mailbox SMTP/IMAP) may reach:
   * comma- or space-separated IP addresses, CIDR ranges and host names, e.g. `10.0.0.0/8, mail.corp.local`.
   * Admins add more in 设置 › 安全 (Settings › Security).
   */
  OPENCSM_OUTBOUND_ALLOW: z
    .string()
    .default('')
    .transform((v) => v.split(/[\s,]+/).filter(Boolean))
    .refine((entries) => entries.every(isOutboundAllowEntry), 'must be IP addresses, CIDR ranges or host names, separated by commas'),
  /**
   * Where the dispatch board's map loads AMap's JS API 2.0 from (`<base>/maps?v=2.0&key=…`), in the
   * browser; the console's CSP allows exactly this origin for scripts. A mirror or a test double.
   */
  OPENCSM_MAP_SCRIPT_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://webapi.amap.com').transform((v) => v.replace(/\/+$/, '')),
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
  if (Boolean(parsed.data.SMTP_TLS_KEY) !== Boolean(parsed.data.SMTP_TLS_CERT)) {
    throw new ConfigError([`SMTP_TLS_KEY / SMTP_TLS_CERT: set both (PEM key and certificate) or neither`]);
  }
  for (const kind of ['ACCOUNT', 'IP'] as const) {
    if (parsed.data[`OPENCSM_LOGIN_${kind}_DELAY_AFTER`] > parsed.data[`OPENCSM_LOGIN_${kind}_LOCK_AFTER`]) {
      throw new ConfigError([`OPENCSM_LOGIN_${kind}_DELAY_AFTER must not be above OPENCSM_LOGIN_${kind}_LOCK_AFTER (delays come before the lock)`]);
    }
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
