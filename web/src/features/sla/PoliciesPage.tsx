import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { App, Button, Card, Drawer, Popconfirm, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states.tsx';
import { AdminGate } from '../admin/AdminGate.tsx';
import { calendarProblem } from './calendar-problem.ts';
import { localizedName } from './localized-name.ts';
import { moveId, unreachablePolicies, type Policy } from './policy-draft.ts';
import { PolicyEditor } from './PolicyEditor.tsx';
import { usePolicies, usePolicyActions } from './policy-queries.ts';
import { usePolicyReferences } from './policy-references.ts';
import { describeCondition, describeTargets } from './policy-summary.ts';

export default function PoliciesPage() {
  return (
    <AdminGate permission="admin.sla">
      <Policies />
    </AdminGate>
  );
}

function Policies() {
  const { t, i18n } = useTranslation();
  const nameOf = (policy: { nameZh: string; nameEn: string }) => localizedName(policy, i18n.language);
  const { message } = App.useApp();
  const policies = usePolicies();
  const references = usePolicyReferences();
  const actions = usePolicyActions();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [busy, setBusy] = useState(false);

  if (policies.isPending || references.pending) return <Loading />;
  if (policies.isError) return <ErrorState error={policies.error} onRetry={() => policies.refetch()} />;
  if (references.error) return <ErrorState error={references.error} onRetry={references.retry} />;

  async function act(work: () => Promise<unknown>, done: string) {
    setBusy(true);
    try {
      await work();
      message.success(done);
    } catch (error) {
      message.error(calendarProblem(error, t));
    } finally {
      setBusy(false);
    }
  }

  const list = policies.data;
  const ids = list.map((p) => p.id);
  const unreachable = unreachablePolicies(list);
  const calendarName = (id: string | null) => (id ? (references.calendars.find((c) => c.value === id)?.label ?? id) : t('sla.policies.defaultCalendar'));
  const editingPolicy = editing && editing !== 'new' ? (list.find((p) => p.id === editing) ?? null) : null;
  const newButton = <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('sla.policies.new')}</Button>;
  return (
    <Card title={t('sla.policies.title')} extra={newButton}>
      <Typography.Paragraph type="secondary">{t('sla.policies.intro')}</Typography.Paragraph>
      {list.length === 0 ? (
        <EmptyState title={t('sla.policies.empty')} hint={t('sla.policies.emptyHint')} action={newButton} />
      ) : (
        <Table<Policy>
          rowKey="id"
          dataSource={list}
          pagination={false}
          scroll={{ x: 900 }}
          columns={[
            {
              title: t('sla.policies.order'),
              key: 'order',
              width: 110,
              render: (_: unknown, p, index) => (
                <Space size={2}>
                  <Typography.Text type="secondary" style={{ minWidth: 20 }}>{index + 1}</Typography.Text>
                  <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={busy || index === 0} aria-label={t('sla.policies.moveUp')} title={t('sla.policies.moveUp')} onClick={() => act(() => actions.reorder(moveId(ids, index, -1)), t('sla.policies.moved'))} />
                  <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={busy || index === list.length - 1} aria-label={t('sla.policies.moveDown')} title={t('sla.policies.moveDown')} onClick={() => act(() => actions.reorder(moveId(ids, index, 1)), t('sla.policies.moved'))} />
                </Space>
              ),
            },
            {
              title: t('sla.policies.name'),
              key: 'name',
              render: (_: unknown, p) => (
                <Space orientation="vertical" size={0}>
                  <Space size={4}>
                    <Button type="link" style={{ padding: 0 }} onClick={() => setEditing(p.id)} data-testid="policy-name">{nameOf(p).name}</Button>
                    {unreachable.has(p.id) ? (
                      <Tooltip title={t('sla.policies.unreachable')}>
                        <WarningOutlined style={{ color: '#faad14' }} aria-label={t('sla.policies.unreachable')} />
                      </Tooltip>
                    ) : null}
                  </Space>
                  {nameOf(p).other ? <Typography.Text type="secondary">{nameOf(p).other}</Typography.Text> : null}
                </Space>
              ),
            },
            {
              title: t('sla.policies.conditions'),
              key: 'conditions',
              render: (_: unknown, p) =>
                p.conditions.all.length === 0 ? (
                  <Tag color="blue">{t('sla.policies.everyTicket')}</Tag>
                ) : (
                  <Space orientation="vertical" size={0}>
                    {p.conditions.all.map((condition, i) => <span key={i}>{describeCondition(condition, references, t)}</span>)}
                  </Space>
                ),
            },
            {
              title: t('sla.policies.targetsColumn'),
              key: 'targets',
              render: (_: unknown, p) => {
                const lines = describeTargets(p, references, t);
                if (lines.length === 0) return <Typography.Text type="warning">{t('sla.policies.noTargets')}</Typography.Text>;
                return (
                  <Space orientation="vertical" size={0}>
                    {lines.map((line) => <Typography.Text key={line} style={{ fontSize: 12 }}>{line}</Typography.Text>)}
                  </Space>
                );
              },
            },
            { title: t('sla.policies.calendar'), key: 'calendar', render: (_: unknown, p) => calendarName(p.calendarId) },
            {
              title: t('sla.policies.active'),
              key: 'active',
              width: 80,
              render: (_: unknown, p) => (
                <Switch
                  size="small"
                  checked={p.active}
                  disabled={busy}
                  aria-label={t('sla.policies.active')}
                  onChange={(active) => act(() => actions.update(p, { active }), t(active ? 'sla.policies.activated' : 'sla.policies.deactivated', { name: nameOf(p).name }))}
                />
              ),
            },
            {
              title: t('app.actions'),
              key: 'actions',
              render: (_: unknown, p) => (
                <Space>
                  <Button size="small" onClick={() => setEditing(p.id)}>{t('app.edit')}</Button>
                  <Popconfirm title={t('sla.policies.deleteConfirm', { name: nameOf(p).name })} onConfirm={() => act(() => actions.remove(p), t('sla.policies.deleted'))}>
                    <Button size="small" danger>{t('app.delete')}</Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      )}
      <Drawer
        open={editing !== null}
        size={860}
        destroyOnHidden
        title={editing === 'new' ? t('sla.policies.newTitle') : t('sla.policies.editTitle', { name: editingPolicy ? nameOf(editingPolicy).name : '' })}
        onClose={() => setEditing(null)}
      >
        {editing === 'new' ? (
          <PolicyEditor key="new" latest={null} references={references} onCreated={(created) => setEditing(created.id)} />
        ) : editingPolicy ? (
          <PolicyEditor key={editingPolicy.id} latest={editingPolicy} references={references} onCreated={() => undefined} />
        ) : editing ? (
          <ErrorState notFound />
        ) : null}
      </Drawer>
    </Card>
  );
}
