import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../app/session.ts';
import { describeDuplicateReasons } from './duplicate-reasons.ts';
import { formatPhone } from './format-phone.ts';
import { MergeContactDialog } from './MergeContactDialog.tsx';
import { useContactDuplicates, type Contact360, type ContactSummary } from './queries.ts';

/** 可能重复: contacts that look like the same person, why, and a way to merge them. */
export function ContactDuplicatesCard({ view }: { view: Contact360 }) {
  const { t } = useTranslation();
  const can = useCan();
  const duplicates = useContactDuplicates(view.contact.id, !view.contact.anonymized);
  const [merging, setMerging] = useState<ContactSummary | null>(null);
  // Only worth the space when there is something to act on; a failed check is not the agent's problem.
  if (!duplicates.data?.length) return null;
  return (
    <Card size="small" title={t('customers.duplicates.title')} data-testid="duplicates-card" styles={{ header: { background: '#fff7e6' } }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>
        {t('customers.duplicates.hint')}
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={duplicates.data}
        renderItem={({ contact, reasons }) => (
          <List.Item
            style={{ paddingInline: 0 }}
            actions={can('customers.merge') ? [<Button key="merge" size="small" onClick={() => setMerging(contact)} data-testid={`merge-${contact.id}`}>{t('customers.duplicates.merge')}</Button>] : undefined}
          >
            <Space direction="vertical" size={0} style={{ minWidth: 0 }}>
              <Link to={`/customers/contacts/${contact.id}`}>{contact.name}</Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[contact.phone ? formatPhone(contact.phone) : null, contact.email, contact.organization?.name].filter(Boolean).join(' · ')}
              </Typography.Text>
              <Tag color="orange" style={{ marginTop: 2, whiteSpace: 'normal' }}>
                {describeDuplicateReasons(reasons, t)}
              </Tag>
            </Space>
          </List.Item>
        )}
      />
      {merging ? <MergeContactDialog current={view} other={merging} onClose={() => setMerging(null)} /> : null}
    </Card>
  );
}
