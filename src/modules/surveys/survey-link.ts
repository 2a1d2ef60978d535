import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Config } from '../../app/config.js';
import { installationSubKey } from '../email-channel/index.js';

/**
 * A survey link's token: `<survey id>_<expiry, unix seconds>_<HMAC-SHA256>` (base64url), keyed by a
 * sub-key of the installation secret (OPENCSM_SECRET_KEY) derived for this purpose only. It names
 * exactly one survey — hence one ticket — and its expiry, so neither can be changed without the
 * key; single use is the survey's own state (an answered survey refuses a second rating). No dots:
 * the console serves paths with an extension as files, and the token is the page's last segment.
 */
export type SurveyLinkClaims = { surveyId: string; expiresAt: Date };

const tokenPattern = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_(\d{1,12})_([A-Za-z0-9_-]{43})$/;

function mac(key: Buffer, surveyId: string, expiresUnix: number): Buffer {
  return createHmac('sha256', key).update(`survey-link:v1:${surveyId}:${expiresUnix}`).digest();
}

export function surveyLinkKey(config: Pick<Config, 'OPENCSM_SECRET_KEY' | 'OPENCSM_DATA_DIR'>): Buffer {
  return installationSubKey(config, 'survey-link');
}

export function signSurveyLink(key: Buffer, claims: SurveyLinkClaims): string {
  const expiresUnix = Math.floor(claims.expiresAt.getTime() / 1000);
  return `${claims.surveyId}_${expiresUnix}_${mac(key, claims.surveyId, expiresUnix).toString('base64url')}`;
}

/** The claims of a token whose signature holds (expiry not judged here), or null. */
export function readSurveyLink(key: Buffer, token: string): SurveyLinkClaims | null {
  const match = tokenPattern.exec(token);
  if (!match) return null;
  const [, surveyId = '', expires = '', signature = ''] = match;
  const expected = mac(key, surveyId, Number(expires));
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { surveyId, expiresAt: new Date(Number(expires) * 1000) };
}
