import { Badge, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { useQuarantineCount } from './queries.ts';

/** The nav entry's label with the number of mails waiting (only fetched for those who may see them). */
export function QuarantineNavLabel() {
  const { t } = useTranslation();
  const can = useCan();
  const count = useQuarantineCount(can('email.quarantine'));
  return (
    <Space size={6}>
      {t('email.quarantine.nav')}
      <Badge count={count.data ?? 0} size="small" data-testid="quarantine-count" />
    </Space>
  );
}
