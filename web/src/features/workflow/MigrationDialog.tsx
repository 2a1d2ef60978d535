import { Alert, Button, Form, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBusyAction } from '../../shared/ui/busy-action.ts';
import { EmptyState } from '../../shared/ui/states.tsx';
import { labelText } from './diagram.ts';
import { migrateTickets, migrationBatchSize, previewMigration, useVersionStages, type MigrationOutcome, type MigrationRequest, type PreviewRow } from './migration-api.ts';
import type { ProcessDetail } from './process-api.ts';

type Preview = { rows: PreviewRow[]; total: number; nextCursor: string | null; request: MigrationRequest };

/**
 * 迁移运行中的工单 (issue 19 §3): choose the versions, map the stages the new one removed, preview
 * where each running ticket lands (and what it lacks or what stops it), tick tickets, confirm, read
 * the outcome. The preview's revisions go with the migration, so a ticket moved since is reported.
 */
export function MigrationDialog({ process, onClose }: { process: ProcessDetail; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const versions = process.versions.map((v) => v.version);
  const [toVersion, setToVersion] = useState<number | undefined>(process.currentVersion ?? versions[0]);
  const [fromVersion, setFromVersion] = useState<number | undefined>(versions.find((v) => v !== (process.currentVersion ?? versions[0])));
  const [stageMap, setStageMap] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [outcomes, setOutcomes] = useState<Array<MigrationOutcome & { number: string }> | null>(null);
  const { busy, act } = useBusyAction<'preview' | 'more' | 'migrate'>();
  const fromStages = useVersionStages(process.id, fromVersion);
  const toStages = useVersionStages(process.id, toVersion);

  const stageName = useMemo(() => {
    const names = new Map([...(fromStages.data ?? []), ...(toStages.data ?? [])].map((stage) => [stage.id, labelText(stage.name, i18n.language) || stage.id]));
    return (id: string) => names.get(id) ?? id;
  }, [fromStages.data, toStages.data, i18n.language]);
  // Stages of the old version the new one no longer has: where the admin says their tickets go.
  const removed = (fromStages.data ?? []).filter((stage) => toStages.data && !toStages.data.some((kept) => kept.id === stage.id));
  const targetOptions = (toStages.data ?? []).map((stage) => ({ value: stage.id, label: stageName(stage.id) }));

  const request = (): MigrationRequest | null => {
    if (fromVersion === undefined || toVersion === undefined) return null;
    const map = Object.fromEntries(Object.entries(stageMap).filter(([old]) => removed.some((stage) => stage.id === old)));
    return { fromVersion, toVersion, ...(Object.keys(map).length && { stageMap: map }) };
  };
  const runPreview = (body: MigrationRequest) =>
    act('preview', async () => {
      const page = await previewMigration(process.id, body);
      setPreview({ rows: page.items, total: page.total, nextCursor: page.nextCursor, request: body });
      setSelected(page.items.filter((row) => !row.problems.length).map((row) => row.ticketId));
    });
  const loadMore = (current: Preview) =>
    act('more', async () => {
      const page = await previewMigration(process.id, current.request, current.nextCursor ?? undefined);
      setPreview({ ...current, rows: [...current.rows, ...page.items], nextCursor: page.nextCursor });
    });
  const migrate = (current: Preview) =>
    act('migrate', async () => {
      const chosen = current.rows.filter((row) => selected.includes(row.ticketId));
      const results: MigrationOutcome[] = [];
      // The server moves at most migrationBatchSize tickets per request (each its own transaction).
      for (let at = 0; at < chosen.length; at += migrationBatchSize) {
        const batch = chosen.slice(at, at + migrationBatchSize);
        const result = await migrateTickets(process.id, { ...current.request, ticketIds: batch.map((row) => row.ticketId), expectedRevisions: Object.fromEntries(batch.map((row) => [row.ticketId, row.revision])) });
        results.push(...result.outcomes);
      }
      setOutcomes(results.map((outcome) => ({ ...outcome, number: chosen.find((row) => row.ticketId === outcome.ticketId)?.number ?? outcome.ticketId })));
      const page = await previewMigration(process.id, current.request);
      setPreview({ rows: page.items, total: page.total, nextCursor: page.nextCursor, request: current.request });
      setSelected([]);
    });
  const changeVersions = (change: () => void) => {
    change();
    setPreview(null);
    setOutcomes(null);
  };

  const versionOptions = versions.map((version) => ({ value: version, label: t('workflow.migration.version', { version }) }));
  const body = request();
  const migrated = outcomes?.filter((o) => o.outcome === 'migrated').length ?? 0;
  return (
    <Modal open title={t('workflow.migration.title')} width={960} onCancel={onClose} footer={<Button onClick={onClose}>{t('workflow.migration.close')}</Button>} data-testid="migration-dialog">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('workflow.migration.intro')}</Typography.Paragraph>
        {versions.length < 2 ? (
          <Alert type="info" title={t('workflow.migration.needTwoVersions')} />
        ) : (
          <>
            <Form layout="inline">
              <Form.Item label={t('workflow.migration.fromVersion')}>
                <Select aria-label={t('workflow.migration.fromVersion')} style={{ width: 120 }} value={fromVersion} options={versionOptions} onChange={(v: number) => changeVersions(() => setFromVersion(v))} />
              </Form.Item>
              <Form.Item label={t('workflow.migration.toVersion')}>
                <Select aria-label={t('workflow.migration.toVersion')} style={{ width: 120 }} value={toVersion} options={versionOptions} onChange={(v: number) => changeVersions(() => setToVersion(v))} />
              </Form.Item>
              <Button type="primary" loading={busy === 'preview'} disabled={!body} onClick={() => body && runPreview(body)} data-testid="migration-preview">{t('workflow.migration.preview')}</Button>
            </Form>
            {removed.length > 0 && (
              <div data-testid="migration-map">
                <Typography.Text strong>{t('workflow.migration.mapTitle')}</Typography.Text>
                <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('workflow.migration.mapHint')}</Typography.Paragraph>
                <Space wrap>
                  {removed.map((stage) => (
                    <Space key={stage.id}>
                      <span>{stageName(stage.id)} →</span>
                      <Select aria-label={stageName(stage.id)} style={{ width: 180 }} allowClear placeholder={t('workflow.migration.mapPlaceholder')} value={stageMap[stage.id]} options={targetOptions} onChange={(target?: string) => setStageMap(({ [stage.id]: _old, ...rest }) => (target ? { ...rest, [stage.id]: target } : rest))} />
                    </Space>
                  ))}
                </Space>
              </div>
            )}
            {preview && <PreviewTable preview={preview} stageName={stageName} selected={selected} onSelect={setSelected} onMore={() => loadMore(preview)} loadingMore={busy === 'more'} />}
            {preview && preview.rows.length > 0 && (
              <Popconfirm title={t('workflow.migration.migrateConfirm', { version: preview.request.toVersion })} onConfirm={() => migrate(preview)} disabled={!selected.length}>
                <Button type="primary" danger disabled={!selected.length} loading={busy === 'migrate'} data-testid="migration-confirm">{t('workflow.migration.migrate', { count: selected.length })}</Button>
              </Popconfirm>
            )}
            {outcomes && (
              <div data-testid="migration-outcomes">
                <Typography.Text strong>{t('workflow.migration.outcomes', { migrated, other: outcomes.length - migrated })}</Typography.Text>
                <ul>
                  {outcomes.map((o) => (
                    <li key={o.ticketId}>
                      {o.number}：<Tag color={o.outcome === 'migrated' ? 'green' : 'orange'}>{t(`workflow.migration.outcome.${o.outcome}`)}</Tag>
                      {o.problems?.map((p) => p.message).join('；')}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </>
        )}
      </Space>
    </Modal>
  );
}

/** Where each running ticket lands; tickets with a problem cannot be ticked. */
function PreviewTable({ preview, stageName, selected, onSelect, onMore, loadingMore }: { preview: Preview; stageName: (id: string) => string; selected: string[]; onSelect: (ids: string[]) => void; onMore: () => void; loadingMore: boolean }) {
  const { t, i18n } = useTranslation();
  if (!preview.rows.length) return <EmptyState title={t('workflow.migration.empty')} />;
  return (
    <>
      <Typography.Text>{t('workflow.migration.total', { total: preview.total, version: preview.request.fromVersion })}</Typography.Text>
      <Table<PreviewRow>
        size="small"
        rowKey="ticketId"
        data-testid="migration-table"
        pagination={false}
        dataSource={preview.rows}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => onSelect(keys.map(String)), getCheckboxProps: (row) => ({ disabled: row.problems.length > 0, 'aria-label': row.number }) }}
        columns={[
          { key: 'ticket', title: t('workflow.migration.ticket'), render: (_, row) => <span>{row.number} {row.subject}</span> },
          { key: 'stages', title: t('workflow.migration.stages'), render: (_, row) => row.stages.map((s) => `${stageName(s.from)} → ${s.to ? stageName(s.to) : '—'}`).join('；') },
          { key: 'missing', title: t('workflow.migration.missing'), render: (_, row) => (row.missingFields.length ? row.missingFields.map((f) => <Tag key={f.key}>{(i18n.language.startsWith('en') && f.label.en) || f.label['zh-CN']}</Tag>) : t('workflow.migration.none')) },
          { key: 'problems', title: t('workflow.migration.problems'), render: (_, row) => (row.problems.length ? <Typography.Text type="danger">{row.problems.map((p) => p.message).join('；')}</Typography.Text> : t('workflow.migration.none')) },
        ]}
      />
      {preview.nextCursor && <Button onClick={onMore} loading={loadingMore}>{t('workflow.migration.more')}</Button>}
    </>
  );
}
