import { InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { joinMinutes, splitMinutes, targetKeys, type TargetKey, type Targets } from './policy-draft.ts';
import type { PolicyReferences } from './policy-references.ts';

type Props = { targets: Targets; onChange: (next: Targets) => void; references: PolicyReferences; refused: Set<string> };
type Row = { key: string; label: string; active: boolean };

/** Targets per priority as a table: one row per priority, hours and minutes per target; empty is "no target". */
export function TargetsEditor({ targets, onChange, references, refused }: Props) {
  const { t } = useTranslation();
  const known = new Set(references.priorities.map((p) => p.value));
  // Inactive priorities show only when the policy already has targets for them; unknown keys too, so they can be cleared.
  const rows: Row[] = [
    ...references.priorities.filter((p) => p.active || targets[p.value]).map((p) => ({ key: p.value, label: p.label, active: p.active })),
    ...Object.keys(targets).filter((key) => !known.has(key)).map((key) => ({ key, label: key, active: false })),
  ];
  const set = (priority: string, target: TargetKey, minutes: number | undefined) => onChange({ ...targets, [priority]: { ...targets[priority], [target]: minutes } });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('sla.policies.targets.hint')}</Typography.Text>
      <Table<Row>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 640 }}
        rowClassName={(row) => (refused.has(row.key) ? 'ant-table-row-error' : '')}
        columns={[
          {
            title: t('sla.policies.targets.priority'),
            key: 'priority',
            render: (_: unknown, row) => (
              <Space size={4}>
                <Typography.Text type={refused.has(row.key) ? 'danger' : undefined}>{row.label}</Typography.Text>
                {row.active ? null : <Tag>{t('sla.policies.targets.inactive')}</Tag>}
              </Space>
            ),
          },
          ...targetKeys.map((target) => ({
            title: t(`sla.policies.targets.${target}`),
            key: target,
            render: (_: unknown, row: Row) => <MinutesInput label={`${row.label} ${t(`sla.policies.targets.${target}`)}`} value={targets[row.key]?.[target]} onChange={(minutes) => set(row.key, target, minutes)} />,
          })),
        ]}
      />
    </Space>
  );
}

function MinutesInput({ value, onChange, label }: { value: number | undefined; onChange: (minutes: number | undefined) => void; label: string }) {
  const { t } = useTranslation();
  const { hours, minutes } = splitMinutes(value);
  const none = value === undefined ? t('sla.policies.targets.none') : undefined;
  return (
    <Space.Compact>
      <InputNumber aria-label={`${label} ${t('sla.policies.targets.hours')}`} style={{ width: 108 }} min={0} max={8760} precision={0} value={hours} placeholder={none} suffix={t('sla.policies.targets.hours')} onChange={(h) => onChange(joinMinutes(h, minutes))} />
      <InputNumber aria-label={`${label} ${t('sla.policies.targets.minutes')}`} style={{ width: 84 }} min={0} max={59} precision={0} value={minutes} suffix={t('sla.policies.targets.minutes')} onChange={(m) => onChange(joinMinutes(hours, m))} />
    </Space.Compact>
  );
}
