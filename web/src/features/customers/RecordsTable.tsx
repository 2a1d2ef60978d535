import { Table, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../shared/ui/states.tsx';
import type { CustomerRecord } from './queries.ts';
import { ExpiryCell } from './ExpiryCell.tsx';
import { recordTypeLabel } from './record-labels.ts';

/** Orders, contracts, devices and invoices other systems keep in sync for this customer. */
export function RecordsTable({ records, narrow }: { records: CustomerRecord[]; narrow: boolean }) {
  const { t } = useTranslation();
  if (!records.length) return <EmptyState title={t('customers.records.empty')} hint={t('customers.records.emptyHint')} />;
  const type = (record: CustomerRecord) => <Tag color="geekblue">{recordTypeLabel(record.type, t)}</Tag>;
  const columns: TableProps<CustomerRecord>['columns'] = narrow
    ? [
        {
          key: 'record',
          render: (_: unknown, record) => (
            <div>
              <div>
                {type(record)} <Typography.Text strong>{record.title}</Typography.Text>
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[record.externalId, record.status, record.occurredOn].filter(Boolean).join(' · ')}
              </Typography.Text>
              {record.expiresOn ? (
                <div style={{ fontSize: 12 }}>
                  {t('customers.records.expiresOn')}: <ExpiryCell record={record} />
                </div>
              ) : null}
            </div>
          ),
        },
      ]
    : [
        { key: 'type', title: t('customers.records.type'), width: 76, render: (_: unknown, record) => type(record) },
        { key: 'externalId', title: t('customers.records.externalId'), dataIndex: 'externalId', width: 140, ellipsis: true, render: (value: string) => <Typography.Text code>{value}</Typography.Text> },
        { key: 'title', title: t('customers.records.title'), dataIndex: 'title', ellipsis: true },
        { key: 'status', title: t('customers.records.status'), dataIndex: 'status', width: 84, render: (value: string | null) => value ?? '—' },
        { key: 'occurredOn', title: t('customers.records.occurredOn'), dataIndex: 'occurredOn', width: 104, render: (value: string | null) => value ?? '—' },
        { key: 'expiresOn', title: t('customers.records.expiresOn'), width: 196, render: (_: unknown, record) => <ExpiryCell record={record} /> },
      ];
  return (
    <div data-testid="customer-records">
      <Table<CustomerRecord> rowKey="id" size="small" columns={columns} dataSource={records} pagination={records.length > 20 ? { pageSize: 20, size: 'small' } : false} showHeader={!narrow} scroll={narrow ? undefined : { x: 700 }} />
    </div>
  );
}
