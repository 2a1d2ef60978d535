import { DownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Descriptions, List, Rate, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client.ts';
import { labelIn } from '../forms/field-labels.ts';
import { portalKeys, ratePortalVisit, usePortalVisits } from './queries.ts';

const statusColors: Record<string, string> = { completed: 'green', cancelled: 'default', revisit_needed: 'orange', rejected: 'default' };

/**
 * The ticket's service visits on the portal ticket page (issue 20 §4): the agreed window, the
 * engineer's name, the status; after completion the PDF service report and, if the engineer's app
 * did not take it on site, the rating (once). Nothing for a ticket without visits.
 */
export function PortalVisitsCard({ ticketId }: { ticketId: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const visits = usePortalVisits(ticketId);
  const [error, setError] = useState<string | null>(null);
  const [thanked, setThanked] = useState<string | null>(null);
  if (!visits.data?.length) return null;

  async function rate(id: string, rating: number) {
    try {
      await ratePortalVisit(id, rating);
      setError(null);
      setThanked(id);
      await queryClient.invalidateQueries({ queryKey: portalKeys.visits(ticketId) });
    } catch (e) {
      setError(e instanceof ApiError ? e.problem.title : String(e));
    }
  }

  const window = (start: string | null, end: string | null) =>
    start && end ? `${dayjs(start).format('YYYY-MM-DD HH:mm')}–${dayjs(end).format(dayjs(start).isSame(end, 'day') ? 'HH:mm' : 'YYYY-MM-DD HH:mm')}` : t('portal.visits.noAppointment');

  return (
    <Card title={t('portal.visits.title')} data-testid="portal-visits">
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} /> : null}
      <List
        dataSource={visits.data}
        rowKey="id"
        renderItem={(visit) => (
          <List.Item data-testid="portal-visit">
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>{t('portal.visits.number', { number: visit.number })}</Typography.Text>
                <Typography.Text type="secondary">{labelIn(visit.serviceType, i18n.language)}</Typography.Text>
                <Tag color={statusColors[visit.status] ?? 'processing'} data-testid="portal-visit-status">{t(`fieldService.status.${visit.status}`)}</Tag>
              </Space>
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('portal.visits.appointment')}>{window(visit.appointmentStart, visit.appointmentEnd)}</Descriptions.Item>
                <Descriptions.Item label={t('portal.visits.engineer')}>{visit.engineerName ?? t('portal.visits.noEngineer')}</Descriptions.Item>
              </Descriptions>
              {visit.report ? (
                <a href={`/api/v1/portal/attachments/${visit.report.attachmentId}`} download={visit.report.filename} data-testid="portal-visit-report">
                  <DownloadOutlined /> {t('portal.visits.report')}（{visit.report.filename}）
                </a>
              ) : null}
              {visit.canRate ? (
                <Space wrap>
                  <Typography.Text>{t('portal.visits.rate')}</Typography.Text>
                  <Rate data-testid="portal-visit-rate" onChange={(value) => void rate(visit.id, value)} />
                </Space>
              ) : visit.rating ? (
                <Space wrap>
                  <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{t('portal.visits.rated')}</Typography.Text>
                  <Rate disabled value={visit.rating} />
                  {thanked === visit.id ? <Typography.Text type="success">{t('portal.visits.thanks')}</Typography.Text> : null}
                </Space>
              ) : null}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
