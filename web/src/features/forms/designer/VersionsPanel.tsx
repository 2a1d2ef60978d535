import { useQueries } from '@tanstack/react-query';
import { Alert, Button, Drawer, Empty, Form, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/session.ts';
import { useUsers } from '../../tickets/queries.ts';
import { FormRenderer } from '../FormRenderer.tsx';
import { checkDraft, describeIssue } from './draft-check.ts';
import { fetchTypeVersion, formsKeys, type TicketType, type TypeVersion } from './forms-api.ts';
import type { RegistryField } from './registry-field.ts';

/** Who published a version: the user's name when the directory is readable, else nothing rather than an id. */
export function usePublisherName() {
  const me = useMe();
  const users = useUsers(me.permissions.includes('admin.users') || me.permissions.includes('tickets.read_all'));
  return (id: string | null | undefined) => (id ? (users.data?.find((user) => user.id === id)?.name ?? (id === me.id ? me.name : '')) : '');
}

/** Every published version of a type, newest first; each opens read-only. Versions never change, so each is fetched once. */
export function VersionsPanel({ type, registry }: { type: TicketType; registry: readonly RegistryField[] }) {
  const { t, i18n } = useTranslation();
  const publisher = usePublisherName();
  const [viewing, setViewing] = useState<TypeVersion | null>(null);
  const numbers = Array.from({ length: type.currentVersion ?? 0 }, (_, i) => (type.currentVersion ?? 0) - i);
  const versions = useQueries({ queries: numbers.map((n) => ({ queryKey: formsKeys.version(type.key, n), staleTime: Infinity, queryFn: () => fetchTypeVersion(type.key, n) })) });
  if (!numbers.length) return <Empty description={t('formsDesigner.versions.empty')} />;
  const rows = numbers.map((n, i) => ({ n, data: versions[i]?.data, loading: versions[i]?.isPending ?? true }));
  return (
    <>
      <Table
        rowKey="n"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('formsDesigner.versions.version'), key: 'n', render: (_: unknown, row) => <>v{row.n} {row.n === type.currentVersion && <Tag color="green">{t('formsDesigner.versions.current')}</Tag>}</> },
          { title: t('formsDesigner.versions.publishedAt'), key: 'at', render: (_: unknown, row) => (row.data ? dayjs(row.data.publishedAt).format('YYYY-MM-DD HH:mm') : '') },
          { title: t('formsDesigner.versions.publishedBy'), key: 'by', render: (_: unknown, row) => publisher(row.data?.publishedBy) },
          {
            title: '',
            key: 'summary',
            render: (_: unknown, row) =>
              row.data ? (
                <Typography.Text type="secondary">
                  {t('formsDesigner.versions.sections', { count: row.data.form.sections.length })} · {t('formsDesigner.versions.fields', { count: row.data.form.sections.reduce((sum, s) => sum + s.fields.length, 0) })} · {t('formsDesigner.versions.rules', { count: row.data.form.rules?.length ?? 0 })}
                </Typography.Text>
              ) : null,
          },
          { title: t('app.actions'), key: 'view', render: (_: unknown, row) => <Button size="small" loading={row.loading} disabled={!row.data} onClick={() => setViewing(row.data ?? null)}>{t('formsDesigner.versions.view')}</Button> },
        ]}
      />
      {viewing && <VersionView version={viewing} registry={registry} language={i18n.language} onClose={() => setViewing(null)} />}
    </>
  );
}

function VersionView({ version, registry, language, onClose }: { version: TypeVersion; registry: readonly RegistryField[]; language: string; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const checked = checkDraft(version.form, registry);
  return (
    <Drawer open size="large" title={t('formsDesigner.versions.readOnly', { version: version.version })} onClose={onClose} destroyOnHidden>
      {checked.ok ? (
        <Form layout="vertical" disabled data-version-view={version.version}>
          <FormRenderer prepared={checked.prepared} audience={{ kind: 'staff', role: me.role }} mode="create" disabled />
        </Form>
      ) : (
        <Alert type="warning" showIcon title={checked.issues.map((issue) => <div key={issue.path + issue.code}>{describeIssue(issue, language)}</div>)} />
      )}
    </Drawer>
  );
}
