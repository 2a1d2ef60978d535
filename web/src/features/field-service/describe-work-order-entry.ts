import type { TFunction } from 'i18next';

/** What the field-service module writes on a ticket's timeline (recordTicketActivity, type `work_order`). */
type Detail = { number?: string; step?: string; to?: string; status?: string; distanceMeters?: number | null; beyondRadius?: boolean | null; reason?: string };

/** One line for the ticket's timeline, e.g. 「派工单 FW20261207-0001 · 到达 → 已到达（距现场 120 米）」. */
export function describeWorkOrderEntry(value: unknown, t: TFunction): string {
  const detail = (value ?? {}) as Detail;
  const number = detail.number ?? '';
  if (detail.step === 'created') return t('fieldService.timeline.created', { number, status: t(`fieldService.status.${detail.status ?? 'pending_dispatch'}`) });
  if (detail.step === 'updated') return t('fieldService.timeline.updated', { number });
  const line = t('fieldService.timeline.line', { number, step: t(`fieldService.step.${detail.step ?? ''}`), status: t(`fieldService.status.${detail.to ?? ''}`) });
  const located = typeof detail.distanceMeters === 'number'
    ? t(detail.beyondRadius ? 'fieldService.timeline.withDistanceBeyond' : 'fieldService.timeline.withDistance', { line, meters: detail.distanceMeters })
    : line;
  return detail.reason ? `${located} · ${detail.reason}` : located;
}
