import { Collapse, Divider, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCan, useMe } from '../../../app/session.ts';
import { ErrorState } from '../../../shared/ui/states.tsx';
import { useUsers } from '../../tickets/queries.ts';
import { ApprovalActions } from './ApprovalActions.tsx';
import { useTicketApprovals, type ApprovalRequestView, type ApprovalStepView } from './approval-api.ts';

type NameOf = (userId: string | null) => string;
const stepColors: Record<string, string> = { approved: 'success', rejected: 'error', returned: 'warning', pending: 'processing', waiting: 'default', closed: 'default' };
const statusColors: Record<string, string> = { approved: 'success', rejected: 'error', returned: 'warning', pending: 'processing' };

/**
 * A ticket's approval (审批, issue 19 §2, §5): the pending request — how it is decided (mode in
 * words, the tier that applied), each approver with their state, time and comment, who is still
 * pending — and, for a pending approver, the decisions; earlier requests folded below. Shown on the
 * ticket page's process card and inline in 待我审批. `labelOf` names the transition when known;
 * `separated` draws a line above it (on the process card, under the stages).
 */
export function ApprovalPanel({ ticketId, labelOf, separated = false }: { ticketId: string; labelOf?: (transition: string) => string | undefined; separated?: boolean }) {
  const { t } = useTranslation();
  const approvals = useTicketApprovals(ticketId);
  const can = useCan();
  const users = useUsers(can('directory.read'));
  const nameOf: NameOf = (id) => users.data?.find((user) => user.id === id)?.name ?? t('workflow.approvalPanel.unknown');
  if (approvals.isPending) return null;
  if (approvals.isError) return <ErrorState error={approvals.error} onRetry={() => void approvals.refetch()} />;
  const requests = approvals.data;
  const current = requests.findLast((request) => request.status === 'pending');
  const earlier = requests.filter((request) => request !== current).reverse();
  if (!current && !earlier.length) return null;
  return (
    <div data-testid="approval-panel" style={{ minWidth: 0 }}>
      {separated ? <Divider style={{ margin: '8px 0' }} /> : null}
      {current ? <PendingRequest ticketId={ticketId} request={current} nameOf={nameOf} label={labelOf?.(current.transition)} /> : null}
      {earlier.length ? (
        <Collapse
          size="small"
          ghost
          data-testid="approval-history"
          items={[{
            key: 'history',
            label: t('workflow.approvalPanel.history', { count: earlier.length }),
            children: (
              <Space direction="vertical" size={12} style={{ width: '100%' }}>
                {earlier.map((request) => <RequestSummary key={request.id} request={request} nameOf={nameOf} label={labelOf?.(request.transition)} />)}
              </Space>
            ),
          }]}
        />
      ) : null}
    </div>
  );
}

function PendingRequest({ ticketId, request, nameOf, label }: { ticketId: string; request: ApprovalRequestView; nameOf: NameOf; label: string | undefined }) {
  const { t } = useTranslation();
  const me = useMe();
  const pending = request.steps.filter((step) => step.status === 'pending');
  const mine = pending.some((step) => step.approverId === me.id);
  return (
    <Space direction="vertical" size={6} style={{ width: '100%' }} data-testid="approval-pending" data-request={request.id}>
      <Space wrap size={6}>
        <Tag color="processing">{t('workflow.approvalPanel.pending')}</Tag>
        <Typography.Text data-testid="approval-waiting-for">
          {pending.length ? t('workflow.approvalPanel.waitingFor', { names: pending.map((step) => nameOf(step.approverId)).join(t('workflow.approvalPanel.separator')) }) : t('workflow.approvalPanel.nobody')}
        </Typography.Text>
      </Space>
      <RequestFacts request={request} label={label} />
      <StepList steps={request.steps} nameOf={nameOf} />
      {mine ? <ApprovalActions ticketId={ticketId} request={request} /> : null}
    </Space>
  );
}

function RequestSummary({ request, nameOf, label }: { request: ApprovalRequestView; nameOf: NameOf; label: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }} data-testid="approval-earlier">
      <Space wrap size={6}>
        <Tag color={statusColors[request.status] ?? 'default'}>{t(`workflow.approvalPanel.statuses.${request.status}`, { defaultValue: request.status })}</Tag>
        <Typography.Text type="secondary">{dayjs(request.decidedAt ?? request.requestedAt).format('MM-DD HH:mm')}</Typography.Text>
      </Space>
      <RequestFacts request={request} label={label} />
      <StepList steps={request.steps} nameOf={nameOf} />
    </Space>
  );
}

/** The transition asked for, the mode in words and the tier that applied. */
function RequestFacts({ request, label }: { request: ApprovalRequestView; label: string | undefined }) {
  const { t } = useTranslation();
  const mode = t(`workflow.approvalPanel.modes.${request.mode}`, { defaultValue: request.mode, needed: request.needed, total: request.steps.length });
  return (
    <Typography.Text type="secondary" data-testid="approval-mode">
      {[label ? t('workflow.approvalPanel.transition', { label }) : null, mode, request.tier !== null ? t('workflow.approvalPanel.tier', { tier: request.tier + 1 }) : null].filter(Boolean).join(' · ')}
    </Typography.Text>
  );
}

/** Each approver in order: name, state (and on whose behalf), when, and the comment or reason. */
function StepList({ steps, nameOf }: { steps: ApprovalStepView[]; nameOf: NameOf }) {
  const { t } = useTranslation();
  return (
    <ol style={{ margin: 0, paddingInlineStart: 20 }} data-testid="approval-steps">
      {steps.map((step) => {
        const when = step.decidedAt ?? step.askedAt;
        return (
          <li key={step.id} data-testid="approval-step" data-status={step.status} style={{ overflowWrap: 'anywhere' }}>
            <Space wrap size={4}>
              <Typography.Text strong>{nameOf(step.approverId)}</Typography.Text>
              <Tag color={stepColors[step.status] ?? 'default'} style={{ marginInlineEnd: 0 }}>{t(`workflow.approvalPanel.steps.${step.status}`, { defaultValue: step.status })}</Tag>
              {step.delegatedFrom ? <Typography.Text type="secondary">{t('workflow.approvalPanel.delegatedFrom', { name: nameOf(step.delegatedFrom) })}</Typography.Text> : null}
              {step.reassignedFrom ? <Typography.Text type="secondary">{t('workflow.approvalPanel.reassignedFrom', { name: nameOf(step.reassignedFrom) })}</Typography.Text> : null}
              {step.addedBy ? <Tag style={{ marginInlineEnd: 0 }}>{t('workflow.approvalPanel.added')}</Tag> : null}
              {when ? <Typography.Text type="secondary">{dayjs(when).format('MM-DD HH:mm')}</Typography.Text> : null}
            </Space>
            {step.reason ? <div><Typography.Text type="secondary" data-testid="approval-step-comment">{t('workflow.approvalPanel.comment', { text: step.reason })}</Typography.Text></div> : null}
          </li>
        );
      })}
    </ol>
  );
}
