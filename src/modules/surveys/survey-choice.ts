import { createHmac, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Config } from '../../app/config.js';
import { AppError } from '../../app/errors.js';
import type { Database } from '../../db/database.js';
import { installationSubKey } from '../email-channel/index.js';
import { recordAnswer } from './answer-survey.js';
import { surveys } from './schema.js';

/**
 * A score button's id in a chat channel's menu message (WeChat `bizmsgmenuid`, WeCom `menu_id`):
 * `s<score>-<survey id, 32 hex>-<HMAC-SHA256, first 16 bytes, base64url>` — at most 59 bytes, inside
 * WeCom's 64 for a click id. The survey link's token (91 bytes) does not fit there, so the choice
 * is signed by a sub-key of its own. It names one survey and one score; the customer cannot alter
 * either, nor answer another customer's survey by typing an id: the answer also needs the clicking
 * contact to be the survey's.
 */
const choicePattern = /^s(\d{1,2})-([0-9a-f]{32})-([A-Za-z0-9_-]{22})$/;

export function surveyChoiceKey(config: Pick<Config, 'OPENCSM_SECRET_KEY' | 'OPENCSM_DATA_DIR'>): Buffer {
  return installationSubKey(config, 'survey-choice');
}

const mac = (key: Buffer, surveyId: string, score: number) => createHmac('sha256', key).update(`survey-choice:v1:${surveyId}:${score}`).digest().subarray(0, 16);
const hexOf = (uuid: string) => uuid.replace(/-/g, '');
const uuidOf = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

export function signSurveyChoice(key: Buffer, surveyId: string, score: number): string {
  return `s${score}-${hexOf(surveyId)}-${mac(key, surveyId, score).toString('base64url')}`;
}

/** Whether a menu id has our shape (signed or not): such a click is a survey answer, never a ticket message. */
export const looksLikeSurveyChoice = (id: string): boolean => choicePattern.test(id);

function readSurveyChoice(key: Buffer, id: string): { surveyId: string; score: number } | null {
  const match = choicePattern.exec(id);
  if (!match) return null;
  const score = Number(match[1]);
  const surveyId = uuidOf(match[2]!);
  const given = Buffer.from(match[3]!, 'base64url');
  const expected = mac(key, surveyId, score);
  return given.length === expected.length && timingSafeEqual(given, expected) ? { surveyId, score } : null;
}

/** What became of a clicked choice: answered, or refused with why (an i18n message key). */
export type SurveyChoiceOutcome = { answered: true; surveyId: string; ticketId: string | null; score: number } | { answered: false; reason: string; ticketId: string | null };

/**
 * Answers a survey from a menu click, exactly as its signed link would (one answer, single use,
 * the same `survey.answered` event, timeline entry and low-rating follow-up), provided the choice's
 * signature holds, the survey is `contactId`'s and has not expired. A refusal records nothing.
 */
export async function answerSurveyChoice(database: Database, key: Buffer, choiceId: string, input: { contactId: string | null }, now: Date): Promise<SurveyChoiceOutcome> {
  const choice = readSurveyChoice(key, choiceId);
  if (!choice) return { answered: false, reason: 'survey.link_invalid', ticketId: null };
  const [row] = await database.db.select().from(surveys).where(eq(surveys.id, choice.surveyId));
  if (!row || row.contactId !== input.contactId) return { answered: false, reason: 'survey.link_invalid', ticketId: null };
  if (!row.expiresAt || row.expiresAt <= now) return { answered: false, reason: 'survey.link_expired', ticketId: row.ticketId };
  try {
    await recordAnswer(database, row.id, { score: choice.score }, now);
  } catch (error) {
    if (error instanceof AppError) return { answered: false, reason: error.code, ticketId: row.ticketId };
    throw error;
  }
  return { answered: true, surveyId: row.id, ticketId: row.ticketId, score: choice.score };
}
