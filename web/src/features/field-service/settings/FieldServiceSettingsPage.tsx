import { Alert, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCan } from '../../../app/session.ts';
import { AdminGate } from '../../admin/AdminGate.tsx';
import { EngineersTab } from './EngineersTab.tsx';
import { MapTab } from './MapTab.tsx';
import { NoticesTab } from './NoticesTab.tsx';
import { ServiceTypesTab } from './ServiceTypesTab.tsx';

const tabKeys = ['types', 'notices', 'engineers', 'map'] as const;
type TabKey = (typeof tabKeys)[number];

/**
 * 设置 › 现场服务 at /settings/field-service: auto-dispatch per service type, the customer notices,
 * the engineers' profiles and the board's map. Dispatchers (supervisors) read everything and edit
 * engineers of their teams; admins (`field_service.manage`) edit all. The tab is in the URL (?tab=map).
 */
export default function FieldServiceSettingsPage() {
  return (
    <AdminGate permission="field_service.dispatch">
      <FieldServiceSettings />
    </AdminGate>
  );
}

function FieldServiceSettings() {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('field_service.manage');
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const active: TabKey = tabKeys.find((key) => key === requested) ?? 'types';
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('dispatch.settings.nav')}</Typography.Title>
      {manage ? null : <Alert type="info" showIcon title={t('dispatch.settings.readOnly')} />}
      <Tabs
        activeKey={active}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={[
          { key: 'types', label: t('dispatch.settings.tabs.types'), children: <ServiceTypesTab manage={manage} /> },
          { key: 'notices', label: t('dispatch.settings.tabs.notices'), children: <NoticesTab manage={manage} /> },
          { key: 'engineers', label: t('dispatch.settings.tabs.engineers'), children: <EngineersTab /> },
          { key: 'map', label: t('dispatch.settings.tabs.map'), children: <MapTab manage={manage} /> },
        ]}
      />
    </Space>
  );
}
