import { Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { FieldJobCard } from './FieldJobCard.tsx';
import type { Ticket } from './queries.ts';

/**
 * The ticket list of a field engineer: one job card per ticket (customer, phone to tap, address,
 * status) instead of table rows, at every width. Their list is short (only tickets assigned to
 * them), they cannot edit in bulk or read the directory (the table's 处理人/团队 would be their own
 * name or "…"), and what they need on the road is on the card, not in a column. Cards flow in as
 * many columns as fit: one on a phone, two or three on a laptop.
 */
export function FieldJobList({ rows, loading, empty }: { rows: readonly Ticket[]; loading: boolean; empty: ReactNode }) {
  if (loading && rows.length === 0) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (rows.length === 0) return <div style={{ padding: '24px 0' }}>{empty}</div>;
  return (
    <div data-testid="field-job-list" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 300px), 1fr))', gap: 8 }}>
      {rows.map((ticket) => (
        <FieldJobCard key={ticket.id} ticket={ticket} />
      ))}
    </div>
  );
}
