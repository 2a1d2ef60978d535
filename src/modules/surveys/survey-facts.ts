import type { SurveyRow } from './schema.js';

/** The facts every survey event carries (what reports group by), from its row. */
export function surveyFacts(row: SurveyRow) {
  return {
    kind: row.kind,
    channel: row.channel,
    contactId: row.contactId,
    ticketId: row.ticketId,
    teamId: row.teamId,
    handlerId: row.handlerId,
    organizationId: row.organizationId,
    tierKey: row.tierKey,
    period: row.period,
  };
}

export const scoresOf = (kind: 'csat' | 'nps'): number[] => (kind === 'csat' ? [1, 2, 3, 4, 5] : [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
