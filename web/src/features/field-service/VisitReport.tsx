import { FilePdfOutlined } from '@ant-design/icons';
import { Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkOrderDetail } from './work-order-api.ts';

const attachmentUrl = (id: string) => `/api/v1/work-order-attachments/${id}`;

/**
 * What the engineer brought back from a visit, on the ticket page: the report (fault, cause,
 * action, parts, labour, rating), the photos and the customer's signature as images (the same
 * session cookie reads them), and the PDF service report as it stands now.
 */
export function VisitReport({ order }: { order: WorkOrderDetail }) {
  const { t } = useTranslation();
  const report = order.report;
  if (!report) return null;
  const photos = order.attachments.filter((a) => a.kind === 'photo' && report.photoIds.includes(a.id));
  return (
    <Space direction="vertical" size={6} style={{ width: '100%' }} data-testid="work-order-report">
      <Typography.Text strong>{t('fieldService.report.title')}</Typography.Text>
      <Descriptions size="small" column={1} items={[
        { key: 'fault', label: t('fieldService.report.fault'), children: report.fault || '—' },
        { key: 'cause', label: t('fieldService.report.cause'), children: report.cause || '—' },
        { key: 'action', label: t('fieldService.report.action'), children: report.action || '—' },
        { key: 'parts', label: t('fieldService.report.parts'), children: report.parts.length ? <span data-testid="work-order-parts">{report.parts.map((p) => t('fieldService.report.part', { item: [p.name, p.model].filter(Boolean).join(' '), quantity: p.quantity })).join('；')}</span> : t('fieldService.report.noParts') },
        ...(report.labourMinutes !== null ? [{ key: 'labour', label: t('fieldService.report.labour'), children: t('fieldService.report.minutes', { n: report.labourMinutes }) }] : []),
        ...(report.rating !== null ? [{ key: 'rating', label: t('fieldService.report.rating'), children: <span data-testid="work-order-rating">{t('fieldService.report.stars', { n: report.rating })}</span> }] : []),
      ]} />
      {photos.length > 0 && (
        <div>
          <Typography.Text type="secondary">{t('fieldService.report.photos', { n: photos.length })}</Typography.Text>
          <Space size={6} wrap style={{ display: 'flex', marginTop: 4 }}>
            {photos.map((photo, i) => (
              <a key={photo.id} href={attachmentUrl(photo.id)} target="_blank" rel="noreferrer">
                <img src={attachmentUrl(photo.id)} alt={t('fieldService.report.photoAlt', { n: i + 1 })} data-testid="work-order-photo" style={{ width: 96, height: 72, objectFit: 'cover', borderRadius: 4, border: '1px solid #f0f0f0' }} />
              </a>
            ))}
          </Space>
        </div>
      )}
      {report.signatureId && (
        <div>
          <Typography.Text type="secondary">{t('fieldService.report.signature')}</Typography.Text>
          <div><img src={attachmentUrl(report.signatureId)} alt={t('fieldService.report.signature')} data-testid="work-order-signature" style={{ maxWidth: '100%', height: 72, background: '#fff', border: '1px solid #f0f0f0', borderRadius: 4 }} /></div>
        </div>
      )}
      <a href={`/api/v1/work-orders/${order.id}/report.pdf`} download data-testid="work-order-report-pdf"><FilePdfOutlined /> {t('fieldService.report.pdf')}</a>
    </Space>
  );
}
