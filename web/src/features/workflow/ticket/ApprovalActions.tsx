import { Alert, App, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/session.ts';
import { ApiError } from '../../../shared/api/client.ts';
import { describeError } from '../../../shared/ui/describe-error.ts';
import { useUsers } from '../../tickets/queries.ts';
import { useAddSigner, useDecideApproval, type ApprovalRequestView } from './approval-api.ts';

type Action = 'approve' | 'reject' | 'return' | 'signer';
type Values = { text?: string; userId?: string };

/**
 * A pending approver's decisions: 同意 (an optional comment), 驳回 and 退回修改 (a reason, which the
 * server requires too), 加签 (a colleague). Each goes through the approvals API at the revision the
 * panel showed; the server's problem is shown in the dialog, on the field it names.
 */
export function ApprovalActions({ ticketId, request }: { ticketId: string; request: ApprovalRequestView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const decide = useDecideApproval(ticketId);
  const addSigner = useAddSigner(ticketId);
  const [action, setAction] = useState<Action | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const busy = decide.isPending || addSigner.isPending;

  function open(next: Action) {
    form.resetFields();
    setProblem(null);
    setAction(next);
  }

  async function submit(values: Values) {
    if (!action) return;
    try {
      if (action === 'signer') {
        await addSigner.mutateAsync({ requestId: request.id, userId: values.userId!, expectedRevision: request.revision });
        void message.success(t('workflow.approvalPanel.signerAdded'), 2);
      } else {
        const text = values.text?.trim();
        await decide.mutateAsync({ requestId: request.id, body: { decision: action, expectedRevision: request.revision, ...(text && { reason: text }) } });
        void message.success(t(`workflow.approvalPanel.${({ approve: 'approved', reject: 'rejected', return: 'returned' } as const)[action]}`), 2);
      }
      setAction(null);
    } catch (error) {
      const issues = error instanceof ApiError ? (error.problem.errors ?? []) : [];
      const onField = issues.find((issue) => issue.path === 'reason' || issue.path === 'userId');
      if (onField) form.setFields([{ name: onField.path === 'reason' ? 'text' : 'userId', errors: [onField.message] }]);
      else setProblem(error instanceof ApiError ? error.problem.title : describeError(error, t).message);
    }
  }

  const needsReason = action === 'reject' || action === 'return';
  const titles: Record<Action, string> = { approve: t('workflow.approvalPanel.approve'), reject: t('workflow.approvalPanel.reject'), return: t('workflow.approvalPanel.return'), signer: t('workflow.approvalPanel.addSigner') };
  return (
    <>
      <Space wrap size={8} data-testid="approval-actions">
        <Button type="primary" onClick={() => open('approve')} data-testid="approval-approve">{titles.approve}</Button>
        <Button danger onClick={() => open('reject')} data-testid="approval-reject">{titles.reject}</Button>
        <Button onClick={() => open('return')} data-testid="approval-return">{titles.return}</Button>
        <Button onClick={() => open('signer')} data-testid="approval-add-signer">{titles.signer}</Button>
      </Space>
      <Modal
        open={action !== null}
        title={action ? titles[action] : null}
        okText={t('workflow.approvalPanel.confirm')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setAction(null)}
        destroyOnHidden
        okButtonProps={{ danger: action === 'reject', ...{ 'data-testid': 'approval-confirm' } }}
      >
        {problem ? <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} data-testid="approval-problem" /> : null}
        <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} preserve={false}>
          {action === 'signer' ? (
            <SignerField />
          ) : (
            <Form.Item
              name="text"
              label={needsReason ? t('workflow.approvalPanel.reasonLabel') : t('workflow.approvalPanel.commentLabel')}
              rules={needsReason ? [{ required: true, whitespace: true, message: t('workflow.approvalPanel.reasonRequired') }] : []}
            >
              <Input.TextArea rows={3} maxLength={2000} data-testid="approval-text" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}

function SignerField() {
  const { t } = useTranslation();
  const can = useCan();
  const users = useUsers(can('directory.read'));
  return (
    <Form.Item name="userId" label={t('workflow.approvalPanel.signerLabel')} rules={[{ required: true, message: t('workflow.approvalPanel.signerRequired') }]}>
      <Select showSearch={{ optionFilterProp: 'label' }} loading={users.isPending} options={(users.data ?? []).map((user) => ({ value: user.id, label: user.name }))} data-testid="approval-signer" />
    </Form.Item>
  );
}
