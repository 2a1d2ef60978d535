import { Button, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, ErrorState } from '../../shared/ui/states.tsx';
import { useMyStages, useStageOptions, type StageWorkItem } from './stage-work-api.ts';
import { stageNames } from './stage-names.ts';
import { useMinuteClock } from './use-minute-clock.ts';
import { waitingText } from './waiting-time.ts';

/** 待我处理的环节: the stages given to me, my teams or my role, the longest waiting first (keyset pages of 50). */
export function MyStagesView() {
  const { t, i18n } = useTranslation();
  const stages = useMyStages();
  const options = useStageOptions();
  const now = useMinuteClock();
  const rows = stages.data?.pages.flatMap((page) => page.items) ?? [];
  if (stages.isError) return <ErrorState error={stages.error} onRetry={() => stages.refetch()} />;
  const names = (row: StageWorkItem) => stageNames(options.data ?? [], row.processId, row.stage, i18n.language);
  return (
    <div data-testid="my-stages">
      <Table<StageWorkItem>
        rowKey={(row) => `${row.ticketId}:${row.stage}:${row.enteredAt}`}
        size="middle"
        loading={stages.isPending}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: <EmptyState title={t('workflow.work.stagesEmpty')} hint={t('workflow.work.stagesEmptyHint')} /> }}
        onRow={(row) => ({ 'data-testid': `stage-row-${row.ticketNumber}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'ticket',
            title: t('workflow.work.ticket'),
            render: (_, row) => (
              <Link to={`/tickets/${row.ticketId}`}>
                <Typography.Text type="secondary">#{row.ticketNumber}</Typography.Text> {row.ticketSubject}
              </Link>
            ),
          },
          { key: 'process', title: t('workflow.work.process'), width: 160, render: (_, row) => names(row).process },
          { key: 'stage', title: t('workflow.work.stage'), width: 160, render: (_, row) => names(row).stage },
          { key: 'waiting', title: t('workflow.work.waiting'), width: 140, render: (_, row) => <span title={new Date(row.enteredAt).toLocaleString(i18n.language)}>{waitingText(new Date(row.enteredAt), now, t)}</span> },
        ]}
      />
      <div style={{ textAlign: 'center', marginTop: 12 }}>
        {stages.hasNextPage ? (
          <Button onClick={() => stages.fetchNextPage()} loading={stages.isFetchingNextPage}>
            {t('app.loadMore')}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
