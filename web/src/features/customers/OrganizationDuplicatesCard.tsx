import { Button, Card, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../app/session.ts';
import { MergeOrganizationDialog } from './MergeOrganizationDialog.tsx';
import { useOrganizationDuplicates, type Organization360 } from './queries.ts';

/** 可能重复: organisations with the same name once legal forms and bracketed places are ignored. */
export function OrganizationDuplicatesCard({ view }: { view: Organization360 }) {
  const { t } = useTranslation();
  const can = useCan();
  const duplicates = useOrganizationDuplicates(view.organization.id);
  const [merging, setMerging] = useState<{ id: string; name: string } | null>(null);
  if (!duplicates.data?.length) return null;
  return (
    <Card size="small" title={t('customers.duplicates.title')} data-testid="duplicates-card" styles={{ header: { background: '#fff7e6' } }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>
        {t('customers.duplicates.organizationHint')}
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={duplicates.data}
        renderItem={(other) => (
          <List.Item style={{ paddingInline: 0 }} actions={can('customers.merge') ? [<Button key="merge" size="small" onClick={() => setMerging(other)}>{t('customers.duplicates.merge')}</Button>] : undefined}>
            <Link to={`/customers/organizations/${other.id}`}>{other.name}</Link>
          </List.Item>
        )}
      />
      {merging ? <MergeOrganizationDialog current={view} other={merging} onClose={() => setMerging(null)} /> : null}
    </Card>
  );
}
