import { Card, Result } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../app/Shell.tsx';
import { ApiError } from '../../shared/api/client.ts';
import { Loading } from '../../shared/ui/states.tsx';
import { answerSurvey, commentSurvey, useSurveyPage, type SurveyPageView } from './survey-api.ts';
import { SurveyAnswer } from './SurveyAnswer.tsx';

/**
 * The customer's rating page behind an emailed link (`/survey/<token>?score=n`): no sign-in, the
 * signed link is the credential. The score in the link is recorded by a POST from this page, so a
 * mail scanner that fetches the link rates nothing; then an optional comment (NPS: «为什么»).
 */
export default function SurveyPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const [search] = useSearchParams();
  const page = useSurveyPage(token);
  const [view, setView] = useState<SurveyPageView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const clicked = useRef(false);
  const current = view ?? page.data ?? null;

  // Shows the server's problem and rethrows, so SurveyAnswer keeps a comment that was not sent.
  async function attempt(call: () => Promise<SurveyPageView>) {
    try {
      setView(await call());
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.problem.title : String(e));
      throw e;
    }
  }
  const rate = (score: number) => attempt(() => answerSurvey(token, score));

  // One click from the mail: the score in the link is the answer.
  useEffect(() => {
    const score = Number(search.get('score'));
    if (clicked.current || !page.data || page.data.answered || !search.has('score') || !page.data.scores.includes(score)) return;
    clicked.current = true;
    void rate(score).catch(() => undefined);
  }, [page.data, search]); // eslint-disable-line react-hooks/exhaustive-deps

  const frame = (body: React.ReactNode) => (
    <div style={{ maxWidth: 560, margin: '0 auto', padding: 16 }}>
      <div style={{ display: 'flex', justifyContent: 'flex-end' }}><LanguageSwitch /></div>
      <Card title={t('surveys.page.title')}>{body}</Card>
    </div>
  );
  if (page.isPending) return <Loading />;
  if (page.isError) {
    const expired = page.error instanceof ApiError && page.error.status === 410;
    return frame(<Result status="warning" title={t(expired ? 'surveys.page.expired' : 'surveys.page.invalid')} />);
  }
  if (!current) return <Loading />;
  return frame(<SurveyAnswer survey={current} error={error} onRate={rate} onComment={(comment) => attempt(() => commentSurvey(token, comment))} />);
}
