import type { TFunction } from 'i18next';

/** Timeline entries the surveys module writes on a ticket (the rating, the comment, the 回访 ticket). */
export const surveyEntryTypes = ['survey_answered', 'survey_commented', 'survey_follow_up'] as const;
export type SurveyEntryType = (typeof surveyEntryTypes)[number];

export const isSurveyEntry = (type: string): type is SurveyEntryType => (surveyEntryTypes as readonly string[]).includes(type);

type Detail = { kind?: 'csat' | 'nps'; score?: number | null; comment?: string | null; low?: boolean; followUpNumber?: string };

/** One line for the ticket's timeline, e.g. 「客户评分 ★★☆☆☆（2 星）：等了三天」. */
export function describeSurveyEntry(type: SurveyEntryType, value: unknown, t: TFunction): string {
  const detail = (value ?? {}) as Detail;
  const score = detail.score ?? 0;
  const rating = detail.kind === 'nps' ? t('surveys.timeline.nps', { score }) : t('surveys.timeline.stars', { stars: '★'.repeat(score) + '☆'.repeat(Math.max(0, 5 - score)), score });
  if (type === 'survey_follow_up') return t('surveys.timeline.followUp', { number: detail.followUpNumber ?? '' });
  if (type === 'survey_commented') return t('surveys.timeline.commented', { comment: detail.comment ?? '' });
  return detail.comment ? t('surveys.timeline.answeredWithComment', { rating, comment: detail.comment }) : t('surveys.timeline.answered', { rating });
}

/** Low ratings stand out (red), others are plain. */
export const isLowRating = (type: SurveyEntryType, value: unknown): boolean => type === 'survey_answered' && Boolean((value as Detail | null)?.low);
