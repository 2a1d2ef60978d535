import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AdminGate } from '../../admin/AdminGate.tsx';
import { FieldsList } from './FieldsList.tsx';
import { TicketTypesList } from './TicketTypesList.tsx';

/** 设置 › 工单类型与字段: the ticket types (each opens its designer) and the ticket field registry. */
export default function TicketFormsPage() {
  return (
    <AdminGate permission="forms.manage">
      <TicketForms />
    </AdminGate>
  );
}

function TicketForms() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'fields' ? 'fields' : 'types';
  return (
    <Card
      title={t('formsDesigner.nav.types')}
      tabList={[{ key: 'types', label: t('formsDesigner.tabs.types') }, { key: 'fields', label: t('formsDesigner.tabs.fields') }]}
      activeTabKey={tab}
      onTabChange={(key) => setParams(key === 'fields' ? { tab: 'fields' } : {}, { replace: true })}
    >
      {tab === 'fields' ? <FieldsList entity="ticket" /> : <TicketTypesList />}
    </Card>
  );
}
