import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';

/** Admin pages say plainly when the user may not manage them (the API refuses anyway). */
export function AdminGate({ permission, children }: { permission: string; children: ReactNode }) {
  const { t } = useTranslation();
  const can = useCan();
  if (!can(permission)) return <Result status="403" title={t('admin.noAccess')} />;
  return <>{children}</>;
}
