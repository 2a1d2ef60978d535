import type { MobileTextKey } from './mobile-text.ts';
import { formatWhen, useText } from './text-context.ts';
import type { FieldEngineer } from './use-field-engineer.ts';

/** Online or not, how many operations wait, and a sync button; then the refused ones, kept until dismissed. */
export function SyncPanel({ app }: { app: FieldEngineer }) {
  const { t, locale } = useText();
  const waiting = app.queue.length;
  const orderNumber = (id: string) => app.orders.find((o) => o.id === id)?.number ?? id.slice(0, 8);
  return (
    <>
      <div className={`m-sync${app.online ? '' : ' m-sync-offline'}`} data-testid="m-sync">
        <span data-testid="m-online">{app.online ? t('online') : t('offline')}</span>
        <span data-testid="m-waiting" data-count={waiting}>{waiting ? t('pendingSync', { n: waiting }) : t('allSynced')}</span>
        {app.lastSynced && <span className="m-muted">{t('lastSynced', { time: formatWhen(locale, app.lastSynced) })}</span>}
        <button type="button" className="m-link" disabled={!app.online || app.syncing} onClick={() => void app.sync()}>{app.syncing ? t('syncing') : t('syncNow')}</button>
      </div>
      {waiting > 0 && (
        <details className="m-queue">
          <summary>{t('waitingOps')}</summary>
          <ul>
            {app.queue.map((op) => (
              <li key={op.opId}>{orderNumber(op.workOrderId)} · {op.kind === 'step' ? t(`step_${op.type}` as MobileTextKey) : t(`kind_${op.uploadKind}`)} · {formatWhen(locale, op.at)}</li>
            ))}
          </ul>
        </details>
      )}
      {app.refused.length > 0 && (
        <section className="m-refused" data-testid="m-refused" role="alert">
          <h2>{t('rejectedTitle')}</h2>
          <p>{t('rejectedHint')}</p>
          <ul>
            {app.refused.map(({ operation, outcome, code, status, number }) => (
              <li key={operation.opId} data-testid="m-refused-item">
                <b>{number ?? orderNumber(operation.workOrderId)}</b> · {operation.kind === 'step' ? t(`step_${operation.type}` as MobileTextKey) : t(`kind_${operation.uploadKind}`)} · {t(`outcome_${outcome}`)}
                {code === 'work_order.reassigned' && <div>{t('reassigned')}</div>}
                {status && <div className="m-muted">{t('currentStatus', { status: t(`status_${status}` as MobileTextKey) })}</div>}
                <button type="button" className="m-link" onClick={() => void app.dismiss(operation.opId)}>{t('rejectedDismiss')}</button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
