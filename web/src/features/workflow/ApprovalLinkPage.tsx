import { Alert, Button, Card, Form, Input, Result, Space, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LanguageSwitch } from '../../app/Shell.tsx';
import { api, ApiError, unwrap } from '../../shared/api/client.ts';
import { Loading } from '../../shared/ui/states.tsx';

/**
 * The page behind an approval email's 同意 / 驳回 link (`/approve/<token>`): no sign-in, the
 * one-time link is the credential. Opening it decides nothing (mail scanners fetch links); the
 * approver confirms with a button, a rejection with its reason. A used, expired or void link says
 * why (the server's 410 problem) and points to 待我审批 in the console.
 */
export default function ApprovalLinkPage() {
  const { t, i18n } = useTranslation();
  const { token = '' } = useParams();
  const [problem, setProblem] = useState<string | null>(null);
  const link = useQuery({
    queryKey: ['approval-link', token],
    queryFn: () => unwrap(api.GET('/api/v1/approval-links/{token}', { params: { path: { token } } })),
    retry: false,
  });
  const decide = useMutation({
    mutationFn: (body: { decision: 'approve' | 'reject'; reason?: string }) => unwrap(api.POST('/api/v1/approval-links/{token}', { params: { path: { token } }, body })),
    onError: (error) => setProblem(error instanceof ApiError ? error.message : String(error)),
  });

  const frame = (title: string, body: React.ReactNode) => (
    <div style={{ maxWidth: 560, margin: '0 auto', padding: 16 }}>
      <div style={{ display: 'flex', justifyContent: 'flex-end' }}><LanguageSwitch /></div>
      <Card title={title} data-testid="approval-link-page">{body}</Card>
    </div>
  );
  if (link.isPending) return <Loading />;
  if (link.isError) {
    const message = link.error instanceof ApiError && link.error.status !== 400 ? link.error.problem.title : t('workflow.approvalPanel.link.invalid');
    return frame(t('workflow.approvalPanel.link.title'), <Result status="warning" title={message} subTitle={t('workflow.approvalPanel.link.consoleHint')} data-testid="approval-link-refused" />);
  }
  const view = link.data;
  const approving = view.decision === 'approve';
  if (decide.isSuccess) {
    return frame(t('workflow.approvalPanel.link.title'), <Result status={approving ? 'success' : 'info'} title={t(approving ? 'workflow.approvalPanel.link.doneApprove' : 'workflow.approvalPanel.link.doneReject')} data-testid="approval-link-done" />);
  }
  const label = (i18n.language === 'en' && view.transition.en) || view.transition['zh-CN'];
  return frame(
    t(approving ? 'workflow.approvalPanel.link.approveTitle' : 'workflow.approvalPanel.link.rejectTitle'),
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Text strong>{t('workflow.approvalPanel.link.what', { number: view.ticketNumber ?? '', subject: view.ticketSubject ?? '' })}</Typography.Text>
      <Typography.Text>{t('workflow.approvalPanel.transition', { label })}</Typography.Text>
      <Typography.Text type="secondary">{t('workflow.approvalPanel.link.forWhom', { name: view.approverName })}</Typography.Text>
      <Typography.Text type="secondary">{t('workflow.approvalPanel.link.until', { time: dayjs(view.expiresAt).format('YYYY-MM-DD HH:mm') })}</Typography.Text>
      {problem ? <Alert type="error" showIcon message={problem} data-testid="approval-link-problem" /> : null}
      <Form layout="vertical" onFinish={(values: { text?: string }) => { setProblem(null); decide.mutate({ decision: view.decision, ...(values.text?.trim() && { reason: values.text.trim() }) }); }}>
        <Form.Item
          name="text"
          label={approving ? t('workflow.approvalPanel.commentLabel') : t('workflow.approvalPanel.reasonLabel')}
          rules={approving ? [] : [{ required: true, whitespace: true, message: t('workflow.approvalPanel.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="approval-link-text" />
        </Form.Item>
        <Button type="primary" danger={!approving} htmlType="submit" loading={decide.isPending} data-testid="approval-link-confirm">
          {t(approving ? 'workflow.approvalPanel.link.approveButton' : 'workflow.approvalPanel.link.rejectButton')}
        </Button>
      </Form>
    </Space>,
  );
}
