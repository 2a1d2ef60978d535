import type { OrderView } from './use-field-engineer.ts';
import { siteText } from './site-text.ts';
import { formatPhone } from '../../../shared/format-phone.ts';
import { formatWhen, useText } from './text-context.ts';
import type { MobileTextKey } from './mobile-text.ts';
import { terminalStatuses } from '../../../../../src/modules/field-service/work-order-status.ts';

type Group = 'today' | 'upcoming' | 'unscheduled' | 'finished';

/** Which list a job belongs in, by its appointment against the phone's today. */
export function groupOf(order: Pick<OrderView, 'status' | 'appointmentStart'>, now: Date): Group {
  if (terminalStatuses.includes(order.status) || order.status === 'rejected') return 'finished';
  if (!order.appointmentStart) return 'unscheduled';
  const start = new Date(order.appointmentStart);
  const endOfToday = new Date(now);
  endOfToday.setHours(24, 0, 0, 0);
  return start < endOfToday ? 'today' : 'upcoming';
}

/** Today's and upcoming jobs as cards: number, status, customer, phone to call, address, time. */
export function JobList({ orders, open }: { orders: OrderView[]; open: (id: string) => void }) {
  const { t, locale } = useText();
  if (!orders.length) return <p className="m-empty" data-testid="m-no-jobs">{t('noJobs')}</p>;
  const now = new Date();
  const groups: Group[] = ['today', 'upcoming', 'unscheduled', 'finished'];
  const byTime = (a: OrderView, b: OrderView) => String(a.appointmentStart ?? a.createdAt).localeCompare(String(b.appointmentStart ?? b.createdAt));
  return (
    <>
      {groups.map((group) => {
        const items = orders.filter((o) => groupOf(o, now) === group).sort(byTime);
        if (!items.length) return null;
        return (
          <section key={group} className="m-group">
            <h2>{t(group)}</h2>
            {items.map((order) => (
              <article key={order.id} className="m-card" data-testid="m-job" data-number={order.number}>
                <button type="button" className="m-card-open" onClick={() => open(order.id)}>
                  <span className="m-card-head">
                    <b>{order.number}</b>
                    <span className={`m-status m-status-${order.status}`} data-testid="m-job-status">{t(`status_${order.status}` as MobileTextKey)}</span>
                  </span>
                  <span>{order.serviceType.name[locale] || order.serviceType.name['zh-CN']} · {order.requester?.name ?? ''}</span>
                  <span className="m-muted">{order.appointmentStart ? `${formatWhen(locale, order.appointmentStart)} – ${formatWhen(locale, order.appointmentEnd ?? order.appointmentStart)}` : t('noAppointment')}</span>
                  <span className="m-muted">{siteText(order)}</span>
                  {order.pending > 0 && <span className="m-pending">{t('pendingSync', { n: order.pending })}</span>}
                </button>
                {order.requester?.phone && <a className="m-call" href={`tel:${order.requester.phone}`}>{formatPhone(order.requester.phone)}</a>}
              </article>
            ))}
          </section>
        );
      })}
    </>
  );
}
