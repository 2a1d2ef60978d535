import { Alert, App, Button, Col, List, Popconfirm, Progress, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/ui/describe-error.ts';
import { RowWarnings } from './RowWarnings.tsx';
import { processedOf, rejectedRowsUrl, useImportActions, type ImportDetail } from './queries.ts';

const refusalReasons = ['changed', 'gone', 'in_use'] as const;
type RefusalReason = (typeof refusalReasons)[number];
const isRefusalReason = (reason: string): reason is RefusalReason => (refusalReasons as readonly string[]).includes(reason);

/**
 * The run's progress (the job is asked again every second while it runs) and its result: the
 * counts the batches committed, the rejected rows, and the rollback with what it refused.
 */
export function ResultStep({ job }: { job: ImportDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actions = useImportActions();
  const [rollingBack, setRollingBack] = useState(false);
  const processed = processedOf(job.counts);
  const total = job.totalRows ?? processed;
  const percent = total > 0 ? Math.floor((processed / total) * 100) : job.state === 'done' ? 100 : 0;
  const committed = job.batches.filter((b) => !b.rolledBackAt);
  const rolledBack = job.batches.filter((b) => b.rolledBackAt);
  const refused = rolledBack.flatMap((b) => b.refused ?? []);

  async function rollback() {
    setRollingBack(true);
    try {
      const result = await actions.rollback(job.id);
      const sum = (key: 'removed' | 'restored') => result.batches.reduce((n, b) => n + b[key], 0);
      message.success(t('imports.rollback.done', { removed: sum('removed'), restored: sum('restored') }));
    } catch (error) {
      message.error(describeError(error, t).message);
    } finally {
      setRollingBack(false);
    }
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <div data-testid="import-progress">
        <Progress percent={percent} status={job.state === 'failed' ? 'exception' : job.state === 'running' ? 'active' : 'success'} />
        <Typography.Text type="secondary">{t('imports.run.progress', { processed, total })}</Typography.Text>
      </div>
      {job.state === 'failed' && <Alert type="error" showIcon message={t('imports.run.failed', { error: job.error ?? '' })} />}
      {job.state === 'done' && <Typography.Title level={5}>{t('imports.run.done')}</Typography.Title>}
      <Row gutter={16} data-testid="import-counts">
        {(['created', 'updated', 'skipped', 'rejected'] as const).map((key) => (
          <Col key={key} span={6}><Statistic title={t(`imports.run.${key}`)} value={job.counts[key]} /></Col>
        ))}
      </Row>
      <RowWarnings warnings={job.warnings} />
      {job.counts.rejected > 0 && <Typography.Link href={rejectedRowsUrl(job.id, 'run')}>{t('imports.run.downloadRejected')}</Typography.Link>}
      {job.state === 'done' && (
        <div>
          <Typography.Title level={5}>{t('imports.rollback.title')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('imports.rollback.hint')}</Typography.Paragraph>
          {committed.length > 0 ? (
            <Popconfirm title={t('imports.rollback.confirm')} onConfirm={rollback}>
              <Button danger loading={rollingBack}>{t('imports.rollback.button')}</Button>
            </Popconfirm>
          ) : (
            rolledBack.length > 0 && <Tag color="warning" data-testid="import-rolled-back">{t('imports.rollback.rolledBack')}</Tag>
          )}
          {refused.length > 0 && (
            <div data-testid="import-refused" style={{ marginTop: 12 }}>
              <List
                size="small"
                header={t('imports.rollback.refused', { count: refused.length })}
                dataSource={refused}
                pagination={refused.length > 10 ? { pageSize: 10, size: 'small' } : false}
                renderItem={(r) => <List.Item>{t('imports.rollback.refusedRow', { row: r.row, reason: isRefusalReason(r.reason) ? t(`imports.rollback.reasons.${r.reason}`) : r.reason })}</List.Item>}
              />
            </div>
          )}
        </div>
      )}
    </Space>
  );
}
