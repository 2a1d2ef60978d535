import { App, Card, Divider, Space, Typography } from 'antd';
import { lazy, memo, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/client.ts';
import { describeError } from '../../../shared/ui/describe-error.ts';
import { ErrorState } from '../../../shared/ui/states.tsx';
import { ApprovalSlot } from './ApprovalSlot.tsx';
import { StageSummary } from './StageSummary.tsx';
import type { TakeInput } from './TakeTransitionDialog.tsx';
import { useTakeTransition, useTicketProcess, type TicketProcess, type TransitionOption } from './ticket-process-api.ts';
import { TransitionButtons } from './TransitionButtons.tsx';

// xyflow is its own chunk: the ticket page does not wait for it (nor load the designer's code).
const ProcessMap = lazy(() => import('./ProcessMap.tsx'));
// The take form brings the field inputs (the form engine, phone metadata): loaded when a transition opens it.
const TakeTransitionDialog = lazy(() => import('./TakeTransitionDialog.tsx').then((module) => ({ default: module.TakeTransitionDialog })));

/**
 * The ticket's process on its page (issue 19 §5): the map, each stage it waits at with who works
 * on it and its SLA countdown, the transitions as buttons (disabled ones say why), the approval
 * panel's slot. Absent for a ticket that runs no process.
 */
export const ProcessPanel = memo(function ProcessPanel({ ticket }: { ticket: { id: string; version: number; type: { key: string } | null } }) {
  const { t } = useTranslation();
  // Only a ticket of a type can run a process: the others ask nothing.
  const run = useTicketProcess(ticket.id, ticket.version, ticket.type !== null);
  // Until it is known whether the ticket runs a process, nothing: most tickets run none.
  if (!ticket.type || run.isPending || run.data === null) return null;
  if (run.isError) return <Card size="small" title={t('workflow.ticket.title')}><ErrorState error={run.error} onRetry={() => void run.refetch()} /></Card>;
  return <ProcessRun ticketId={ticket.id} run={run.data} />;
});

function ProcessRun({ ticketId, run }: { ticketId: string; run: TicketProcess }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const labelOf = (option: TransitionOption) => option.label[i18n.language === 'en' ? 'en' : 'zh-CN'] || option.label['zh-CN'];
  const take = useTakeTransition(ticketId);
  const [open, setOpen] = useState<TransitionOption | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Array<{ name: string[]; errors: string[] }>>([]);
  const current = run.stages.map((stage) => stage.stage);

  async function submit(option: TransitionOption, input: TakeInput) {
    try {
      await take.mutateAsync({ transition: option.id, expectedRevision: run.revision, ...(Object.keys(input.values).length && { values: input.values }), ...(input.reason && { reason: input.reason }) });
      setOpen(null);
      void message.success(t('workflow.ticket.taken', { label: labelOf(option) }), 2);
    } catch (error) {
      if (error instanceof ApiError && error.problem.code === 'workflow.instance.revision_mismatch') {
        // Someone else moved it on: the run is read again (the mutation invalidates it); the agent looks again.
        setOpen(null);
        void message.warning(t('workflow.ticket.moved'), 6);
        return;
      }
      const onFields = error instanceof ApiError ? (error.problem.errors ?? []).filter((issue) => issue.path?.startsWith('values.')) : [];
      if (onFields.length) setFieldErrors(onFields.map((issue) => ({ name: ['values', issue.path!.slice('values.'.length)], errors: [issue.message] })));
      else void message.error(describeError(error, t).message, 6);
    }
  }

  function onTake(option: TransitionOption) {
    setFieldErrors([]);
    if (option.available && option.kind !== 'return') void submit(option, { values: {} });
    else setOpen(option);
  }

  return (
    <Card size="small" title={<Space size={6}>{t('workflow.ticket.title')}<Typography.Text type="secondary">{t('workflow.ticket.version', { version: run.version })}</Typography.Text></Space>} data-testid="process-panel" data-revision={run.revision}>
      <Suspense fallback={<Typography.Text type="secondary">{t('workflow.ticket.mapLoading')}</Typography.Text>}>
        <ProcessMap map={run.map} current={current} done={run.doneStages} />
      </Suspense>
      {run.status === 'completed' ? <Typography.Text type="success" data-testid="process-completed">{t('workflow.ticket.completed')}</Typography.Text> : null}
      {run.status !== 'completed' && !run.stages.length ? <Typography.Text type="secondary">{t('workflow.ticket.noStage')}</Typography.Text> : null}
      {run.stages.map((stage) => (
        <div key={stage.stage} data-testid={`process-stage-${stage.stage}`}>
          <Divider style={{ margin: '8px 0' }} />
          <Space direction="vertical" size={8} style={{ width: '100%' }}>
            <StageSummary stage={stage} />
            <TransitionButtons options={stage.transitions} busy={take.isPending ? (take.variables?.transition ?? null) : null} onTake={onTake} />
          </Space>
        </div>
      ))}
      <ApprovalSlot ticketId={ticketId} run={run} />
      {open ? (
        <Suspense fallback={null}>
          <TakeTransitionDialog option={open} ticketId={ticketId} saving={take.isPending} errors={fieldErrors} onTake={(input) => void submit(open, input)} onCancel={() => setOpen(null)} />
        </Suspense>
      ) : null}
    </Card>
  );
}
