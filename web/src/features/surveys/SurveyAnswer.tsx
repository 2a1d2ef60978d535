import { StarFilled } from '@ant-design/icons';
import { Alert, Button, Input, Rate, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyPageView } from './survey-api.ts';

type Props = {
  survey: SurveyPageView;
  /** Records the score; rejects with the error to show. */
  onRate: (score: number) => Promise<void>;
  onComment: (comment: string) => Promise<void>;
  error?: string | null;
};

/**
 * The answering part of a survey, shared by the emailed link's page and the portal ticket page:
 * the question, 1–5 stars (CSAT) or 0–10 (NPS), then the thank-you with the rating given and an
 * optional comment once. The caller owns the data and the frame around it.
 */
export function SurveyAnswer({ survey, onRate, onComment, error }: Props) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [commented, setCommented] = useState(false);
  const [busy, setBusy] = useState(false);

  async function sendComment() {
    setBusy(true);
    try {
      await onComment(comment);
      setCommented(true);
    } catch {
      // The caller shows the error; the text stays for another try.
    } finally {
      setBusy(false);
    }
  }

  const question = survey.kind === 'csat' ? t('surveys.page.csatQuestion', { number: survey.ticketNumber, subject: survey.ticketSubject }) : t('surveys.page.npsQuestion');
  const starLabel = (n: number) => t('surveys.page.stars', { count: n });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Paragraph strong style={{ marginBottom: 0 }}>{question}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} />}
      {!survey.answered ? (
        survey.kind === 'csat' ? (
          // Each star is a radio named by its count, so a screen reader says «2 星» rather than nothing.
          <Rate
            data-testid="survey-stars"
            aria-label={question}
            count={5}
            onChange={(score) => void onRate(score).catch(() => undefined)}
            tooltips={survey.scores.map(starLabel)}
            character={({ index = 0 }) => <StarFilled aria-label={starLabel(index + 1)} />}
            style={{ fontSize: 36 }}
          />
        ) : (
          <Space wrap data-testid="survey-scores">
            {survey.scores.map((n) => <Button key={n} onClick={() => void onRate(n).catch(() => undefined)}>{n}</Button>)}
          </Space>
        )
      ) : (
        <>
          <Alert
            type="success"
            showIcon
            data-testid="survey-thanks"
            message={t('surveys.page.thanks')}
            description={survey.kind === 'csat' ? <Rate disabled value={survey.score ?? 0} aria-label={starLabel(survey.score ?? 0)} /> : t('surveys.page.yourScore', { score: survey.score })}
          />
          {survey.comment === null && !commented ? (
            <>
              <Typography.Text id="survey-comment-label">{survey.kind === 'csat' ? t('surveys.page.commentLabel') : t('surveys.page.npsWhy')}</Typography.Text>
              <Input.TextArea data-testid="survey-comment" aria-labelledby="survey-comment-label" rows={4} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t('surveys.page.commentPlaceholder')} />
              <Button type="primary" data-testid="survey-comment-send" loading={busy} disabled={!comment.trim()} onClick={() => void sendComment()}>{t('surveys.page.send')}</Button>
            </>
          ) : (
            <Typography.Paragraph data-testid="survey-comment-thanks" style={{ marginBottom: 0 }}>
              {commented || !survey.comment ? t('surveys.page.commentThanks') : t('surveys.page.yourComment', { comment: survey.comment })}
            </Typography.Paragraph>
          )}
        </>
      )}
    </Space>
  );
}
