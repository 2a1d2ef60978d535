import { Button, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, ErrorState } from '../../../shared/ui/states.tsx';
import { EngineerProfileModal } from '../dispatch/EngineerProfileModal.tsx';
import { useEngineers, type EngineerProfile } from './settings-api.ts';

/** The engineers one dispatches for, with their profiles, edited in the board's own profile dialog. */
export function EngineersTab() {
  const { t } = useTranslation();
  const engineers = useEngineers();
  const [editing, setEditing] = useState<string | null>(null);
  if (engineers.isError) return <ErrorState error={engineers.error} onRetry={() => engineers.refetch()} />;
  const none = <span style={{ color: '#999' }}>{t('dispatch.settings.engineers.none')}</span>;
  return (
    <>
      <Table<EngineerProfile>
        rowKey="id"
        loading={engineers.isLoading}
        dataSource={engineers.data ?? []}
        // The API lists every engineer one dispatches for (a team's worth); the table pages them.
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: <EmptyState title={t('dispatch.settings.engineers.empty')} hint={t('dispatch.settings.engineers.emptyHint')} /> }}
        columns={[
          { title: t('dispatch.settings.engineers.name'), dataIndex: 'name' },
          { title: t('dispatch.settings.engineers.skills'), render: (_, e) => (e.skills.length ? e.skills.map((skill) => <Tag key={skill}>{skill}</Tag>) : none) },
          { title: t('dispatch.settings.engineers.zones'), render: (_, e) => (e.zones.length ? e.zones.join('、') : none) },
          { title: t('dispatch.settings.engineers.home'), render: (_, e) => (e.home ? [e.home.street, e.home.lat !== null ? `(${e.home.lat}, ${e.home.lng})` : ''].filter(Boolean).join(' ') || e.home.region.join('/') : none) },
          { title: t('dispatch.settings.engineers.capacity'), dataIndex: 'dailyCapacity' },
          { title: t('dispatch.settings.engineers.shift'), render: () => <Link to="/settings/assignment">{t('dispatch.settings.engineers.shiftLink')}</Link> },
          { key: 'edit', render: (_, e) => <Button size="small" aria-label={t('dispatch.editProfile', { name: e.name })} onClick={() => setEditing(e.id)}>{t('dispatch.settings.engineers.edit')}</Button> },
        ]}
      />
      {editing ? <EngineerProfileModal engineerId={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
