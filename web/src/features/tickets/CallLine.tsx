import { PhoneOutlined } from '@ant-design/icons';
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatPhone } from '../../shared/format-phone.ts';
import { formatDuration } from './call-duration.ts';

type Call = { direction?: string; number?: string; durationSeconds?: number; missed?: boolean; recordingUrl?: string | null };

/** A phone message's call record (meta.call): direction, number, duration and the recording link. */
export function CallLine({ meta }: { meta: Record<string, unknown> }) {
  const { t } = useTranslation();
  const call = meta.call as Call | undefined;
  if (!call || typeof call !== 'object') return null;
  const kind = call.missed ? 'missed' : call.direction === 'outbound' ? 'outbound' : 'inbound';
  return (
    <Space size={6} wrap style={{ marginBottom: 6 }} data-testid="call-line">
      <Tag icon={<PhoneOutlined />} color={call.missed ? 'red' : 'cyan'}>
        {t(`call.${kind}`)}
      </Tag>
      {call.number ? <Typography.Text data-testid="call-number">{formatPhone(call.number)}</Typography.Text> : null}
      {!call.missed && typeof call.durationSeconds === 'number' ? <Typography.Text type="secondary">{formatDuration(call.durationSeconds, t)}</Typography.Text> : null}
      {call.recordingUrl && /^https:\/\//.test(call.recordingUrl) ? (
        <a href={call.recordingUrl} target="_blank" rel="noopener noreferrer">
          {t('call.recording')}
        </a>
      ) : null}
    </Space>
  );
}
