import { Alert, Button, Card, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../shared/api/client.ts';
import { describeError } from '../../shared/ui/describe-error.ts';
import { explainRule, previewRule, type Explanation, type Preview, type RuleAction, type RuleBody } from './queries.ts';

type Draft = { triggers: RuleBody['triggers']; conditions: unknown; actions: RuleAction[] };

/**
 * The editor's side pane: "现在会匹配 N 张工单" with the newest tickets (POST /rules/preview), and
 * the test on one ticket (POST /rules/explain): each condition's result and the actions it would
 * run. Both judge the rule as it is being edited, before it is saved.
 */
export function TryRulePane({ draft, fieldLabel }: { draft: Draft; fieldLabel: (key: string) => string }) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewError, setPreviewError] = useState<{ message: string; leaves: string[] } | null>(null);
  const [ticket, setTicket] = useState('');
  const [explanation, setExplanation] = useState<Explanation | null>(null);
  const [testError, setTestError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function runPreview() {
    setBusy(true);
    setPreviewError(null);
    try {
      setPreview(await previewRule({ conditions: draft.conditions, triggers: draft.triggers }));
    } catch (error) {
      setPreview(null);
      // 422: leaves only a firing can judge, each named by the server.
      const leaves = error instanceof ApiError && error.status === 422 ? (error.problem.errors ?? []).map((e) => `${e.path}: ${e.message}`) : [];
      setPreviewError({ message: leaves.length ? t('automation.preview.notCompilable') : describeError(error, t).message, leaves });
    } finally {
      setBusy(false);
    }
  }

  async function runTest() {
    setBusy(true);
    setTestError(null);
    try {
      setExplanation(await explainRule({ ticketId: ticket.trim(), rule: { triggers: draft.triggers, conditions: draft.conditions, actions: draft.actions } }));
    } catch (error) {
      setExplanation(null);
      setTestError(describeError(error, t).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('automation.preview.title')} extra={<Button onClick={runPreview} loading={busy} data-testid="run-preview">{t('automation.preview.run')}</Button>}>
        {preview && (
          <Space orientation="vertical" style={{ width: '100%' }} data-testid="preview-result">
            <Typography.Text strong>{t('automation.preview.matches', { count: preview.count })}</Typography.Text>
            {preview.sample.length === 0 ? (
              <Typography.Text type="secondary">{t('automation.preview.none')}</Typography.Text>
            ) : (
              <List size="small" header={t('automation.preview.sampleTitle')} dataSource={preview.sample} renderItem={(item) => <List.Item><Link to={`/tickets/${item.number}`}>{item.number}</Link> {item.subject}</List.Item>} />
            )}
          </Space>
        )}
        {previewError && <Alert type="warning" title={previewError.message} description={previewError.leaves.length ? previewError.leaves.map((leaf) => <div key={leaf}>{leaf}</div>) : undefined} />}
      </Card>
      <Card size="small" title={t('automation.test.title')}>
        <Space.Compact style={{ width: '100%' }}>
          <Input aria-label={t('automation.test.ticket')} placeholder={t('automation.test.ticket')} value={ticket} onChange={(event) => setTicket(event.target.value)} onPressEnter={runTest} />
          <Button onClick={runTest} disabled={!ticket.trim()} loading={busy}>{t('automation.test.run')}</Button>
        </Space.Compact>
        {testError && <Alert style={{ marginTop: 8 }} type="error" title={testError} />}
        {explanation && (
          <Space orientation="vertical" style={{ width: '100%', marginTop: 8 }} data-testid="test-result">
            <Alert type={explanation.matches ? 'success' : 'info'} title={explanation.matches ? t('automation.test.fires') : t('automation.test.notFires')} />
            {explanation.leaves.map((leaf) => (
              <Space key={leaf.path} size={4}>
                <Tag color={leaf.result ? 'green' : 'default'}>{leaf.result ? t('automation.test.leafTrue') : t('automation.test.leafFalse')}</Tag>
                <Typography.Text code>{`${fieldLabel(leaf.field)} ${t(`formsDesigner.rules.ops.${leaf.op}`)}`}</Typography.Text>
                {leaf.reason && <Typography.Text type="secondary">{t('automation.explainNeedsChange')}</Typography.Text>}
              </Space>
            ))}
            {explanation.actions.length > 0 && <Typography.Text>{t('automation.test.wouldRun')} {explanation.actions.map((action) => t(`automation.actions.${action.type}`)).join('、')}</Typography.Text>}
          </Space>
        )}
      </Card>
    </Space>
  );
}
