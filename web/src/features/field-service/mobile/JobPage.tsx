import { useState } from 'react';
import { stepsFrom, workOrderSteps, type WorkOrderStepType } from '../../../../../src/modules/field-service/work-order-status.ts';
import { currentPosition } from './geolocate.ts';
import { distanceMeters, mapLinks, wgs84ToGcj02 } from './map-links.ts';
import type { MobileTextKey } from './mobile-text.ts';
import type { StepOperation } from './outbox.ts';
import { ReportForm } from './ReportForm.tsx';
import { siteText } from './site-text.ts';
import { formatPhone } from '../../../shared/format-phone.ts';
import { formatWhen, useText } from './text-context.ts';
import type { FieldEngineer, OrderView } from './use-field-engineer.ts';

/** The buttons the engineer has; the report is its own form, and dispatch/cancel are the dispatcher's. */
const engineerSteps: readonly WorkOrderStepType[] = ['accept', 'reject', 'depart', 'arrive', 'start', 'finish'];
const defaultRadiusMeters = 500;

type Fix = { lat: number; lng: number; distance: number | null; beyond: boolean };

/** One job: who, where, when, what device, and the next steps as big one-hand buttons. */
export function JobPage({ order, app, back }: { order: OrderView; app: FieldEngineer; back: () => void }) {
  const { t, locale } = useText();
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [fix, setFix] = useState<Fix | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const serviceType = app.serviceTypes.find((type) => type.id === order.serviceType.id);
  const radius = serviceType?.checkInRadiusMeters ?? defaultRadiusMeters;
  const site = order.site && order.site.lat !== null && order.site.lng !== null ? { lat: order.site.lat, lng: order.site.lng } : null;
  const steps = stepsFrom(order.status).filter((step) => engineerSteps.includes(step));

  async function take(type: WorkOrderStepType, extra: Partial<StepOperation> = {}) {
    setBusy(type);
    setNotice(null);
    try {
      let located: Partial<StepOperation> = {};
      if (workOrderSteps[type].located) {
        setNotice(t('locating'));
        const position = await currentPosition();
        const gcj = wgs84ToGcj02(position);
        const distance = site ? Math.round(distanceMeters(gcj, site)) : null;
        setFix({ ...gcj, distance, beyond: distance !== null && distance > radius });
        located = { lat: position.lat, lng: position.lng };
      }
      await app.enqueue([{ kind: 'step', opId: crypto.randomUUID(), workOrderId: order.id, type, at: new Date().toISOString(), ...located, ...extra }]);
      setNotice(navigator.onLine ? null : t('queued'));
    } catch (error) {
      setNotice(t('locationFailed', { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(null);
    }
  }

  const links = site ? mapLinks(site, siteText(order) || order.number) : null;
  return (
    <div className="m-job" data-testid="m-job-page">
      <button type="button" className="m-back" onClick={back}>‹ {t('back')}</button>
      <h1>{order.number} <span className={`m-status m-status-${order.status}`} data-testid="m-job-page-status">{t(`status_${order.status}` as MobileTextKey)}</span></h1>
      <dl className="m-facts">
        <dt>{t('customer')}</dt>
        <dd>{order.requester?.name ?? '—'}{order.requester?.organization ? ` · ${order.requester.organization}` : ''}</dd>
        <dt>{t('phone')}</dt>
        <dd>{order.requester?.phone ? <a href={`tel:${order.requester.phone}`} data-testid="m-phone">{formatPhone(order.requester.phone)}</a> : '—'}</dd>
        <dt>{t('address')}</dt>
        <dd data-testid="m-address">{siteText(order) || '—'}</dd>
        <dt>{t('appointment')}</dt>
        <dd>{order.appointmentStart ? `${formatWhen(locale, order.appointmentStart)} – ${formatWhen(locale, order.appointmentEnd ?? order.appointmentStart)}` : t('noAppointment')}</dd>
        <dt>{t('devices')}</dt>
        <dd>{order.devices.length ? order.devices.map((d) => <div key={d.id}>{d.title}{d.expiresOn ? ` · ${t('warrantyUntil', { date: d.expiresOn })}` : ''}</div>) : t('noDevices')}</dd>
      </dl>
      {links && (
        <nav className="m-nav" aria-label={t('navigate')} data-testid="m-navigate">
          <a href={links.amap}>{t('amap')}</a>
          <a href={links.baidu}>{t('baidu')}</a>
          <a href={links.tencent}>{t('tencent')}</a>
        </nav>
      )}
      {fix && fix.distance !== null && (
        <p className={fix.beyond ? 'm-warn' : 'm-ok'} data-testid="m-distance">
          {t('distance', { meters: fix.distance })} · {fix.beyond ? t('beyondRadius', { radius }) : t('withinRadius')}
        </p>
      )}
      {notice && <p className="m-notice" role="status">{notice}</p>}
      {order.pending > 0 && <p className="m-pending" data-testid="m-job-pending">{t('pendingSync', { n: order.pending })}</p>}
      {rejecting ? (
        <div className="m-reject">
          <label>{t('rejectReason')}<textarea value={reason} onChange={(e) => setReason(e.target.value)} data-testid="m-reject-reason" /></label>
          <button type="button" className="m-step m-danger" disabled={!reason.trim() || busy !== null} onClick={() => void take('reject', { reason: reason.trim() }).then(() => setRejecting(false))}>{t('rejectConfirm')}</button>
          <button type="button" className="m-step m-secondary" onClick={() => setRejecting(false)}>{t('cancel')}</button>
        </div>
      ) : (
        <div className="m-steps">
          {steps.map((step) => (
            <button key={step} type="button" data-testid={`m-step-${step}`} className={`m-step${step === 'reject' ? ' m-secondary' : ''}`} disabled={busy !== null}
              onClick={() => (step === 'reject' ? setRejecting(true) : void take(step))}>
              {t(`step_${step}` as MobileTextKey)}
            </button>
          ))}
        </div>
      )}
      {order.status === 'in_service' && !order.draftReport && (
        <ReportForm order={order} app={app} serviceType={serviceType} fix={fix} />
      )}
    </div>
  );
}
