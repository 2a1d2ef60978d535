import { Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CustomerRecord } from './queries.ts';
import { expiryHint, expiryText } from './record-labels.ts';

const hintColors = { expired: 'red', today: 'orange', soon: 'orange', later: undefined } as const;

/** The expiry date with what it means today: 已过保 / 3 天后到期. */
export function ExpiryCell({ record }: { record: Pick<CustomerRecord, 'expiresOn' | 'type'> }) {
  const { t } = useTranslation();
  if (!record.expiresOn) return <>—</>;
  const hint = expiryHint(record.expiresOn, dayjs().format('YYYY-MM-DD'));
  return (
    <span>
      {record.expiresOn}{' '}
      {hint ? (
        hint.kind === 'later' ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {expiryText(hint, record.type, t)}
          </Typography.Text>
        ) : (
          <Tag color={hintColors[hint.kind]} data-testid="expiry-hint">
            {expiryText(hint, record.type, t)}
          </Tag>
        )
      ) : null}
    </span>
  );
}
