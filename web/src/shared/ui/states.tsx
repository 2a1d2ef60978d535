import { Button, Empty, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from './describe-error.ts';

export function Loading() {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 48 }} role="status" aria-live="polite">
      <Spin tip={t('app.loading')}>
        <div style={{ width: 80, height: 40 }} />
      </Spin>
    </div>
  );
}

/** A failed load: what happened, in the user's language, and a way forward. */
export function ErrorState({ error, notFound, onRetry }: { error?: unknown; notFound?: boolean; onRetry?: () => void }) {
  const { t } = useTranslation();
  const described = notFound ? { kind: 'notFound' as const, message: t('errors.notFound') } : describeError(error, t);
  const status = described.kind === 'notFound' ? '404' : described.kind === 'forbidden' ? '403' : 'error';
  return (
    <Result
      status={status}
      title={described.kind === 'notFound' ? t('errors.notFound') : t('errors.title')}
      subTitle={described.kind === 'notFound' ? undefined : described.message}
      // Asking again does not bring back what is not there: no retry under "not found".
      extra={onRetry && described.kind !== 'notFound' ? <Button onClick={onRetry}>{t('app.retry')}</Button> : undefined}
    />
  );
}

export function EmptyState({ title, hint, action }: { title: string; hint?: string; action?: ReactNode }) {
  return (
    <Empty
      description={
        <div>
          <div>{title}</div>
          {hint ? <div style={{ color: 'rgba(0,0,0,0.45)', marginTop: 4 }}>{hint}</div> : null}
        </div>
      }
    >
      {action}
    </Empty>
  );
}
