import { useQueryClient } from '@tanstack/react-query';
import { Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client.ts';
import { SurveyAnswer } from '../surveys/SurveyAnswer.tsx';
import { answerPortalSurvey, portalKeys, usePortalSurvey } from './queries.ts';

/**
 * The ticket's satisfaction survey on the portal ticket page, the same questions as the emailed
 * link: shown while it may be answered and after (with the rating given); nothing without one
 * (not resolved yet, no survey sent, or it expired unanswered).
 */
export function PortalSurveyCard({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const survey = usePortalSurvey(ticketId);
  const [error, setError] = useState<string | null>(null);
  if (!survey.data) return null;

  async function send(body: { score?: number; comment?: string }) {
    try {
      queryClient.setQueryData(portalKeys.survey(ticketId), await answerPortalSurvey(ticketId, body));
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.problem.title : String(e));
      throw e;
    }
  }

  return (
    <Card title={t('surveys.page.title')} data-testid="portal-survey">
      <SurveyAnswer survey={survey.data} error={error} onRate={(score) => send({ score })} onComment={(comment) => send({ comment })} />
    </Card>
  );
}
