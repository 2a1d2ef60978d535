import { App, Button, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBusyAction } from '../../shared/ui/busy-action.ts';
import { useImportActions, type ImportDetail } from './queries.ts';

type Row = { column: number; header: string; sample: string };

/** The columns with the server's suggested targets, each changeable; saved as the job's mapping, optionally as a template. */
export function MappingStep({ job, onDone }: { job: ImportDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actions = useImportActions();
  const [targets, setTargets] = useState<Record<number, string | null>>(() => Object.fromEntries(job.mapping.map((m) => [m.column, m.target])));
  const [templateName, setTemplateName] = useState('');
  const { busy, act } = useBusyAction<'save' | 'template'>();

  const rows: Row[] = job.mapping.map((m) => ({ column: m.column, header: m.header, sample: job.samples.map((s) => s[m.column] ?? '').find(Boolean) ?? '' }));
  const options = [{ value: '', label: t('imports.mapping.ignore') }, ...job.targets.map((target) => ({ value: target.key, label: target.label }))];

  const save = () => actions.saveSettings(job, { mapping: job.mapping.map((m) => ({ column: m.column, target: targets[m.column] ?? null })) });

  // A JSON-lines file of tickets names its own keys (docs/migration.md): nothing to map, straight to value maps.
  if (job.fileKind === 'jsonl') {
    return (
      <Space direction="vertical" style={{ width: '100%' }} data-testid="import-mapping-jsonl">
        <Typography.Paragraph type="secondary">{t('imports.mapping.jsonLines')}</Typography.Paragraph>
        <Button type="primary" onClick={onDone}>{t('imports.mapping.next')}</Button>
      </Space>
    );
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('imports.mapping.hint')}</Typography.Paragraph>
      <Table<Row>
        rowKey="column"
        size="small"
        pagination={false}
        dataSource={rows}
        data-testid="import-mapping"
        columns={[
          { title: t('imports.mapping.column'), dataIndex: 'header' },
          { title: t('imports.mapping.sample'), render: (_: unknown, row) => <Typography.Text type="secondary">{row.sample}</Typography.Text> },
          {
            title: t('imports.mapping.target'),
            render: (_: unknown, row) => (
              <Select<string>
                aria-label={`${t('imports.mapping.target')} ${row.header}`}
                value={targets[row.column] ?? ''}
                style={{ width: 220 }}
                options={options}
                onChange={(value) => setTargets((current) => ({ ...current, [row.column]: value || null }))}
              />
            ),
          },
        ]}
      />
      <Space wrap>
        <Button type="primary" loading={busy === 'save'} onClick={() => act('save', async () => { await save(); onDone(); })}>{t('imports.save')}</Button>
        <Input aria-label={t('imports.mapping.templateName')} placeholder={t('imports.mapping.templateName')} value={templateName} onChange={(e) => setTemplateName(e.target.value)} style={{ width: 200 }} />
        <Button
          disabled={!templateName.trim()}
          loading={busy === 'template'}
          onClick={() => act('template', async () => {
            await save();
            await actions.saveTemplate(job.id, templateName.trim());
            message.success(t('imports.mapping.templateSaved', { name: templateName.trim() }));
          })}
        >
          {t('imports.mapping.saveTemplate')}
        </Button>
      </Space>
    </Space>
  );
}
