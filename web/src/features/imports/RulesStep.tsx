import { App, Button, Input, Radio, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/ui/describe-error.ts';
import { useImportActions, type DedupRule, type ImportDetail } from './queries.ts';

type ValueMapRow = { key: number; target: string; from: string; to: string };

const dedupRules: readonly DedupRule[] = ['skip', 'update', 'merge', 'create'];

function rowsOf(maps: ImportDetail['valueMaps']): ValueMapRow[] {
  return Object.entries(maps).flatMap(([target, pairs]) => Object.entries(pairs).map(([from, to]) => ({ target, from, to }))).map((row, key) => ({ ...row, key }));
}

/** Value maps (old words → new values, per mapped target) and what a match with an existing record does. */
export function RulesStep({ job, onDone }: { job: ImportDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actions = useImportActions();
  const [rows, setRows] = useState<ValueMapRow[]>(() => rowsOf(job.valueMaps));
  const [rule, setRule] = useState<DedupRule>(job.dedupRule);
  const [saving, setSaving] = useState(false);
  const mapped = job.targets.filter((target) => job.mapping.some((m) => m.target === target.key));
  const change = (key: number, patch: Partial<ValueMapRow>) => setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  async function save() {
    const valueMaps: Record<string, Record<string, string>> = {};
    for (const row of rows) if (row.target && row.from.trim()) valueMaps[row.target] = { ...valueMaps[row.target], [row.from.trim()]: row.to.trim() };
    setSaving(true);
    try {
      await actions.saveSettings(job, { valueMaps, dedupRule: rule });
      onDone();
    } catch (error) {
      message.error(describeError(error, t).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <div>
        <Typography.Title level={5}>{t('imports.rules.valueMaps')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('imports.rules.valueMapsHint')}</Typography.Paragraph>
        <Table<ValueMapRow>
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={rows}
          locale={{ emptyText: t('imports.rules.none') }}
          columns={[
            { title: t('imports.rules.field'), render: (_: unknown, row) => <Select<string> aria-label={t('imports.rules.field')} value={row.target || undefined} style={{ width: 200 }} options={mapped.map((target) => ({ value: target.key, label: target.label }))} onChange={(target) => change(row.key, { target })} /> },
            { title: t('imports.rules.from'), render: (_: unknown, row) => <Input aria-label={t('imports.rules.from')} value={row.from} onChange={(e) => change(row.key, { from: e.target.value })} /> },
            { title: t('imports.rules.to'), render: (_: unknown, row) => <Input aria-label={t('imports.rules.to')} value={row.to} onChange={(e) => change(row.key, { to: e.target.value })} /> },
            { title: '', render: (_: unknown, row) => <Button size="small" onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}>{t('imports.rules.remove')}</Button> },
          ]}
        />
        <Button style={{ marginTop: 8 }} onClick={() => setRows((current) => [...current, { key: Math.max(-1, ...current.map((r) => r.key)) + 1, target: mapped[0]?.key ?? '', from: '', to: '' }])}>{t('imports.rules.add')}</Button>
      </div>
      <div>
        <Typography.Title level={5}>{t('imports.rules.dedup')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('imports.rules.dedupHint')}</Typography.Paragraph>
        <Radio.Group value={rule} onChange={(e) => setRule(e.target.value)} data-testid="import-dedup-rule">
          <Space direction="vertical">
            {dedupRules.map((value) => <Radio key={value} value={value}>{t(`imports.rules.dedupRules.${value}`)}</Radio>)}
          </Space>
        </Radio.Group>
      </div>
      <Button type="primary" loading={saving} onClick={save}>{t('imports.save')}</Button>
    </Space>
  );
}
