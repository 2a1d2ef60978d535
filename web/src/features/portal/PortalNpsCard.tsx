import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client.ts';
import { SurveyAnswer } from '../surveys/SurveyAnswer.tsx';
import { answerPortalNps, portalKeys, usePortalNps } from './queries.ts';

type PortalNps = NonNullable<ReturnType<typeof usePortalNps>['data']>;

/**
 * The periodic NPS survey (净推荐值) on the portal home, for a customer it could reach no other
 * way (no email; SMS not set up for surveys): 0–10, then an optional «为什么», the same answering
 * part as the emailed link. Once answered it stays (thanks, the comment box) until the comment is
 * sent or the customer closes it; the server no longer offers it after the answer.
 */
export function PortalNpsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const open = usePortalNps();
  // The answered survey, kept here: the server's list of open surveys no longer holds it.
  const [answered, setAnswered] = useState<PortalNps | null>(null);
  const [closed, setClosed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const nps = answered ?? open.data;
  if (!nps || closed) return null;

  function close() {
    setClosed(true);
    void queryClient.invalidateQueries({ queryKey: portalKeys.nps });
  }

  async function send(body: { score?: number; comment?: string }) {
    try {
      const next = await answerPortalNps(nps!.id, body);
      setError(null);
      if (body.comment !== undefined) {
        void message.success(t('portal.nps.thanks'));
        close();
      } else setAnswered(next);
    } catch (e) {
      setError(e instanceof ApiError ? e.problem.title : String(e));
      throw e;
    }
  }

  return (
    <Card
      title={t('portal.nps.title')}
      data-testid="portal-nps"
      style={{ marginBottom: 16 }}
      extra={answered && <Button type="link" data-testid="portal-nps-close" onClick={close}>{t('portal.nps.close')}</Button>}
    >
      <SurveyAnswer survey={nps.survey} error={error} onRate={(score) => send({ score })} onComment={(comment) => send({ comment })} />
    </Card>
  );
}
