import { App, Button, Card, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { describeError } from '../../shared/ui/describe-error.ts';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states.tsx';
import { AdminGate } from '../admin/AdminGate.tsx';
import { useImportActions, useImportJobs, useImportTemplates, type ImportEntity, type ImportJob } from './queries.ts';

export default function ImportsPage() {
  return (
    <AdminGate permission="imports.manage">
      <Imports />
    </AdminGate>
  );
}

const stateColour = { uploaded: 'default', running: 'processing', done: 'success', failed: 'error' } as const;

/** 设置 › 数据导入: upload a file (it opens the wizard), and the jobs newest first, a page at a time. */
function Imports() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const jobs = useImportJobs();
  const templates = useImportTemplates();
  const actions = useImportActions();
  const [entity, setEntity] = useState<ImportEntity>('contacts');
  const [template, setTemplate] = useState<string | undefined>(undefined);
  const [uploading, setUploading] = useState(false);

  if (jobs.isError) return <ErrorState error={jobs.error} onRetry={() => jobs.refetch()} />;
  if (!jobs.data) return <Loading />;

  async function upload(file: File) {
    setUploading(true);
    try {
      const job = await actions.upload(file, entity, template, i18n.language);
      navigate(`/settings/imports/${job.id}`);
    } catch (error) {
      message.error(describeError(error, t).message);
    } finally {
      setUploading(false);
    }
  }

  const usable = (templates.data?.items ?? []).filter((tpl) => tpl.entity === entity);
  const uploader = (
    <Space wrap>
      <Select<ImportEntity> aria-label={t('imports.entity')} value={entity} onChange={(value) => { setEntity(value); setTemplate(undefined); }} style={{ width: 120 }}
        options={(['contacts', 'organisations', 'tickets'] as const).map((value) => ({ value, label: t(`imports.entities.${value}`) }))} />
      <Select<string> aria-label={t('imports.template')} value={template ?? ''} onChange={(value) => setTemplate(value || undefined)} style={{ width: 220 }}
        options={[{ value: '', label: t('imports.noTemplate') }, ...usable.map((tpl) => ({ value: tpl.name, label: tpl.name }))]} />
      <Upload accept={entity === 'tickets' ? '.csv,.xlsx,.jsonl,.ndjson' : '.csv,.xlsx'} showUploadList={false} beforeUpload={(file) => { void upload(file); return false; }}>
        <Button type="primary" loading={uploading} data-testid="import-upload">{uploading ? t('imports.uploading') : t('imports.upload')}</Button>
      </Upload>
    </Space>
  );
  const items = jobs.data.pages.flatMap((page) => page.items);

  return (
    <Card title={t('imports.title')} extra={uploader}>
      <Typography.Paragraph type="secondary">{t('imports.intro')}</Typography.Paragraph>
      {items.length === 0 ? (
        <EmptyState title={t('imports.empty')} hint={t('imports.emptyHint')} />
      ) : (
        <>
          <Table<ImportJob>
            rowKey="id"
            pagination={false}
            dataSource={items}
            data-testid="import-jobs"
            columns={[
              { title: t('imports.columns.file'), render: (_: unknown, job) => <Link to={`/settings/imports/${job.id}`}>{job.fileName}</Link> },
              { title: t('imports.columns.entity'), render: (_: unknown, job) => t(`imports.entities.${job.entity}`) },
              { title: t('imports.columns.state'), render: (_: unknown, job) => <Tag color={stateColour[job.state]}>{t(`imports.states.${job.state}`)}</Tag> },
              { title: t('imports.columns.counts'), render: (_: unknown, job) => (job.state === 'uploaded' ? '—' : t('imports.countsLine', job.counts)) },
              { title: t('imports.columns.createdAt'), render: (_: unknown, job) => new Date(job.createdAt).toLocaleString() },
            ]}
          />
          {jobs.hasNextPage && (
            <div style={{ textAlign: 'center', marginTop: 16 }}>
              <Button onClick={() => jobs.fetchNextPage()} loading={jobs.isFetchingNextPage}>{t('imports.more')}</Button>
            </div>
          )}
        </>
      )}
    </Card>
  );
}
