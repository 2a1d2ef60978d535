import { Button, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, ErrorState } from '../../shared/ui/states.tsx';
import { ApprovalPanel } from './ticket/ApprovalPanel.tsx';
import { useMyApprovals, useStageOptions, type ApprovalItem } from './stage-work-api.ts';
import { stageNames } from './stage-names.ts';
import { useMinuteClock } from './use-minute-clock.ts';
import { waitingText } from './waiting-time.ts';

const modes = ['single', 'chain', 'countersign', 'any', 'n_of_m'] as const;
const isMode = (mode: string): mode is (typeof modes)[number] => (modes as readonly string[]).includes(mode);

/**
 * 待我审批: approvals waiting for my decision (GET /approvals?mine=1), oldest request first. Each row
 * opens in place to the ticket's approval panel, where I decide without leaving the list; on a
 * phone only the ticket and the waiting time stay as columns.
 */
export function MyApprovalsView() {
  const { t, i18n } = useTranslation();
  const approvals = useMyApprovals(i18n.language);
  const options = useStageOptions();
  const now = useMinuteClock();
  const rows = approvals.data?.pages.flatMap((page) => page?.items ?? []) ?? [];
  if (approvals.isError) return <ErrorState error={approvals.error} onRetry={() => approvals.refetch()} />;
  const names = (row: ApprovalItem) => stageNames(options.data ?? [], row.processId, row.fromStage, i18n.language);
  return (
    <div data-testid="my-approvals">
      <Table<ApprovalItem>
        rowKey="requestId"
        size="middle"
        loading={approvals.isPending}
        dataSource={rows}
        pagination={false}
        expandable={{ expandedRowRender: (row) => <ApprovalPanel ticketId={row.ticketId} />, expandRowByClick: false }}
        locale={{ emptyText: <EmptyState title={t('workflow.work.approvalsEmpty')} hint={t('workflow.work.approvalsEmptyHint')} /> }}
        columns={[
          { key: 'ticket', title: t('workflow.work.ticket'), render: (_, row) => <Link to={`/tickets/${row.ticketId}`} data-testid="my-approval-ticket">{row.ticketNumber ? `#${row.ticketNumber} ` : ''}{row.ticketSubject || row.ticketId}</Link> },
          { key: 'process', title: t('workflow.work.process'), width: 140, responsive: ['md'], render: (_, row) => names(row).process },
          { key: 'stage', title: t('workflow.work.stage'), width: 140, responsive: ['md'], render: (_, row) => names(row).stage },
          { key: 'mode', title: t('workflow.work.mode'), width: 120, responsive: ['sm'], render: (_, row) => (isMode(row.mode) ? t(`workflow.work.modes.${row.mode}`) : row.mode) },
          { key: 'waiting', title: t('workflow.work.waiting'), width: 96, render: (_, row) => waitingText(new Date(row.askedAt), now, t) },
        ]}
      />
      <div style={{ textAlign: 'center', marginTop: 12 }}>
        {approvals.hasNextPage ? (
          <Button onClick={() => approvals.fetchNextPage()} loading={approvals.isFetchingNextPage}>
            {t('app.loadMore')}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
