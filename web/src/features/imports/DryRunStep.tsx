import { Button, Col, Popconfirm, Row, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useBusyAction } from '../../shared/ui/busy-action.ts';
import { useTranslation } from 'react-i18next';
import { RowWarnings } from './RowWarnings.tsx';
import { rejectedRowsUrl, useImportActions, type DryRunReport, type ImportDetail } from './queries.ts';

type Rejection = DryRunReport['rejected'][number];

/** What the run would do, nothing written; the run starts from here once a dry run of these settings exists. */
export function DryRunStep({ job }: { job: ImportDetail }) {
  const { t } = useTranslation();
  const actions = useImportActions();
  const [report, setReport] = useState<DryRunReport | null>(null);
  const { busy, act } = useBusyAction<'dry-run' | 'run'>();
  // The report shown must be of the settings the run will use.
  const current = report && report.settingsVersion === job.settingsVersion ? report : null;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Space>
        <Button type={current ? 'default' : 'primary'} loading={busy === 'dry-run'} onClick={() => act('dry-run', async () => setReport(await actions.dryRun(job.id)))}>
          {busy === 'dry-run' ? t('imports.dryRun.running') : current ? t('imports.dryRun.again') : t('imports.dryRun.start')}
        </Button>
        {current && (
          <Popconfirm title={t('imports.run.confirm')} onConfirm={() => act('run', async () => void (await actions.run(job.id)))}>
            <Button type="primary" loading={busy === 'run'}>{t('imports.run.start')}</Button>
          </Popconfirm>
        )}
      </Space>
      {report && !current && <Typography.Text type="warning">{t('imports.dryRun.stale')}</Typography.Text>}
      {current && (
        <div data-testid="dry-run-report">
          <Typography.Title level={5}>{t('imports.dryRun.title', { total: current.totalRows })}</Typography.Title>
          <Row gutter={16}>
            {(['created', 'updated', 'skipped', 'rejected'] as const).map((key) => (
              <Col key={key} span={6}><Statistic title={t(`imports.dryRun.${key}`)} value={current.counts[key]} /></Col>
            ))}
          </Row>
          <RowWarnings warnings={current.warnings} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('imports.dryRun.rejectedRows')}</Typography.Title>
          {current.counts.rejected > 0 && <Typography.Link href={rejectedRowsUrl(job.id, 'dry-run')} data-testid="dry-run-rejected-download">{t('imports.dryRun.download')}</Typography.Link>}
          <Table<Rejection>
            rowKey="row"
            size="small"
            dataSource={current.rejected}
            locale={{ emptyText: t('imports.dryRun.noRejected') }}
            pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
            data-testid="dry-run-rejected"
            columns={[
              { title: t('imports.dryRun.row'), dataIndex: 'row', width: 80 },
              { title: t('imports.dryRun.reason'), dataIndex: 'message' },
              { title: t('imports.dryRun.cells'), render: (_: unknown, r) => <Typography.Text type="secondary">{r.cells.join(' | ')}</Typography.Text> },
            ]}
          />
        </div>
      )}
    </Space>
  );
}
