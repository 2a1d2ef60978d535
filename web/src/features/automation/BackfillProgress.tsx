import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/ui/describe-error.ts';
import { useRuleBackfill } from './queries.ts';

/** A saved time rule's backfill (补算) of the tickets already waiting: state and counts, live while it runs. */
export function BackfillProgress({ ruleId }: { ruleId: string }) {
  const { t } = useTranslation();
  const backfill = useRuleBackfill(ruleId);
  if (backfill.isPending) return null;
  if (backfill.isError) return <Typography.Text type="danger">{describeError(backfill.error, t).message}</Typography.Text>;
  const progress = backfill.data;
  const counts = progress ? { scanned: progress.scanned.toLocaleString(), added: progress.added.toLocaleString() } : {};
  const text = !progress ? t('automation.time.backfillNone') : progress.state === 'running' ? t('automation.time.backfillRunning', counts) : progress.state === 'done' ? t('automation.time.backfillDone', counts) : t('automation.time.backfillStopped', counts);
  return (
    <Alert
      data-testid="rule-backfill"
      type={progress?.state === 'stopped' ? 'warning' : 'info'}
      showIcon
      message={t('automation.time.backfillTitle')}
      description={
        <>
          <div>{text}</div>
          <Typography.Text type="secondary">{t('automation.time.backfillHint')}</Typography.Text>
        </>
      }
    />
  );
}
