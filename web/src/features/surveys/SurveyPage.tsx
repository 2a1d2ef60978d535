import { Alert, Button, Card, Input, Rate, Result, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../app/Shell.tsx';
import { ApiError } from '../../shared/api/client.ts';
import { Loading } from '../../shared/ui/states.tsx';
import { answerSurvey, commentSurvey, useSurveyPage, type SurveyPageView } from './survey-api.ts';

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
  const [comment, setComment] = useState('');
  const [commented, setCommented] = useState(false);
  const clicked = useRef(false);
  const current = view ?? page.data ?? null;

  async function rate(score: number) {
    try {
      setView(await answerSurvey(token, score));
    } catch (e) {
      setError(e instanceof ApiError ? e.problem.title : String(e));
    }
  }

  // One click from the mail: the score in the link is the answer.
  useEffect(() => {
    const score = Number(search.get('score'));
    if (clicked.current || !page.data || page.data.answered || !search.has('score') || !page.data.scores.includes(score)) return;
    clicked.current = true;
    void rate(score);
  }, [page.data, search]); // eslint-disable-line react-hooks/exhaustive-deps

  async function sendComment() {
    try {
      setView(await commentSurvey(token, comment));
      setCommented(true);
    } catch (e) {
      setError(e instanceof ApiError ? e.problem.title : String(e));
    }
  }

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
  const question = current.kind === 'csat' ? t('surveys.page.csatQuestion', { number: current.ticketNumber, subject: current.ticketSubject }) : t('surveys.page.npsQuestion');
  return frame(
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Paragraph strong>{question}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} />}
      {!current.answered ? (
        current.kind === 'csat' ? (
          <Rate data-testid="survey-stars" count={5} onChange={(score) => void rate(score)} tooltips={current.scores.map((n) => t('surveys.page.stars', { count: n }))} style={{ fontSize: 36 }} />
        ) : (
          <Space wrap data-testid="survey-scores">
            {current.scores.map((n) => <Button key={n} onClick={() => void rate(n)}>{n}</Button>)}
          </Space>
        )
      ) : (
        <>
          <Alert type="success" showIcon data-testid="survey-thanks" message={t('surveys.page.thanks')} description={current.kind === 'csat' ? <Rate disabled value={current.score ?? 0} /> : t('surveys.page.yourScore', { score: current.score })} />
          {current.comment === null && !commented ? (
            <>
              <Typography.Text>{current.kind === 'csat' ? t('surveys.page.commentLabel') : t('surveys.page.npsWhy')}</Typography.Text>
              <Input.TextArea data-testid="survey-comment" rows={4} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t('surveys.page.commentPlaceholder')} />
              <Button type="primary" disabled={!comment.trim()} onClick={() => void sendComment()}>{t('surveys.page.send')}</Button>
            </>
          ) : (
            <Typography.Paragraph data-testid="survey-comment-thanks">{t('surveys.page.commentThanks')}</Typography.Paragraph>
          )}
        </>
      )}
    </Space>,
  );
}
