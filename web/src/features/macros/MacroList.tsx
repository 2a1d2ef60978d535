import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/ui/describe-error.ts';
import { ErrorState } from '../../shared/ui/states.tsx';
import { useTeams } from '../tickets/queries.ts';
import { MacroEditor } from './MacroEditor.tsx';
import { macrosApi, useMacros, useRefreshMacros, type Macro } from './queries.ts';

/** 设置 › 宏 (shared) and 我的宏 (personal): the macros of one scope, most used first, with search. */
export function MacroList({ scope }: { scope: 'personal' | 'shared' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const macros = useMacros(scope, q.trim());
  const teams = useTeams(scope === 'shared');
  const refresh = useRefreshMacros();
  const [editing, setEditing] = useState<Macro | 'new' | null>(null);
  const teamName = (id: string) => teams.data?.find((x) => x.id === id)?.name ?? id;

  async function remove(macro: Macro) {
    try {
      await macrosApi.remove(macro);
      message.success(t('macros.page.deletedOk'));
      await refresh();
    } catch (error) {
      message.error(describeError(error, t).message);
    }
  }

  if (macros.isError) return <ErrorState error={macros.error} onRetry={() => macros.refetch()} />;
  const shared = scope === 'shared';
  return (
    <Card
      title={shared ? t('macros.page.sharedTitle') : t('macros.page.personalTitle')}
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="macro-create">{t('macros.page.create')}</Button>}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{shared ? t('macros.page.sharedHint') : t('macros.page.personalHint')}</Typography.Text>
        <Input.Search allowClear placeholder={t('macros.picker.search')} value={q} onChange={(e) => setQ(e.target.value)} style={{ maxWidth: 360 }} />
        <Table<Macro>
          rowKey="id"
          loading={macros.isPending}
          dataSource={macros.data?.items ?? []}
          pagination={false}
          scroll={{ x: 720 }}
          locale={{ emptyText: <Empty description={q.trim() ? t('macros.picker.noMatch', { q: q.trim() }) : shared ? t('macros.page.emptyShared') : t('macros.page.emptyPersonal')} /> }}
          columns={[
            { title: t('macros.page.name'), dataIndex: 'name', render: (name: string, m) => <Space size={4} wrap><span>{name}</span>{m.shortcut ? <Tag>/{m.shortcut}</Tag> : null}{m.active ? null : <Tag>{t('admin.inactive')}</Tag>}</Space> },
            { title: t('macros.page.body'), dataIndex: 'body', ellipsis: true },
            { title: t('macros.page.bodyKind'), dataIndex: 'bodyKind', width: 110, render: (kind: string) => (kind === 'note' ? t('macros.page.kindNote') : t('macros.page.kindReply')) },
            ...(shared ? [{ title: t('macros.page.teams'), key: 'teams', render: (_: unknown, m: Macro) => (m.teamIds.length ? m.teamIds.map(teamName).join('、') : t('macros.page.allAgents')) }] : []),
            { title: t('macros.page.usage'), dataIndex: 'usageCount', width: 90 },
            { title: t('macros.page.lastUsed'), dataIndex: 'lastUsedAt', width: 150, render: (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : t('macros.page.never')) },
            {
              title: t('app.actions'),
              key: 'actions',
              width: 150,
              render: (_: unknown, m) =>
                m.abilities.update ? (
                  <Space>
                    <Button size="small" onClick={() => setEditing(m)}>{t('app.edit')}</Button>
                    <Popconfirm title={t('macros.page.deleteConfirm', { name: m.name })} onConfirm={() => remove(m)}>
                      <Button size="small" danger>{t('app.delete')}</Button>
                    </Popconfirm>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Space>
      {editing ? (
        <MacroEditor
          scope={scope}
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            message.success(t('macros.page.savedOk'));
            setEditing(null);
            void refresh();
          }}
        />
      ) : null}
    </Card>
  );
}
