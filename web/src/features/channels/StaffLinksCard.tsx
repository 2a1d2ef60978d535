import { Button, Card, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states.tsx';
import { useUsers } from '../tickets/queries.ts';
import type { StaffLinkSource } from './admin-sources.ts';
import { useChannelAccounts } from './queries.ts';
import { useActionFeedback } from './use-action-feedback.ts';

/**
 * 成员映射 on a chat channel's settings page (DingTalk, WeCom): each user's userid in the vendor's
 * directory, so the channel's app can message them. `textPrefix` names the channel's catalogue
 * keys (staffTitle, staffIntro, staffNoApp, step4, user, staffUserId, account, save, remove,
 * removed, notLinked); test ids start with `kind`.
 *
 * An input shows the stored userid until the user types; a successful save or unlink drops that
 * draft, so the row shows what the server holds and 保存 waits for the next change; a refused save
 * keeps the draft to be corrected. Any of the three queries failing shows an error with 重试.
 */
export function StaffLinksCard({ kind, textPrefix, useSource }: { kind: 'wecom' | 'dingtalk'; textPrefix: string; useSource: () => StaffLinkSource }) {
  const { t } = useTranslation();
  const run = useActionFeedback();
  const users = useUsers();
  const accounts = useChannelAccounts(kind);
  // Called here, not by the page: a query result re-renders only the component that called the
  // hook and read its fields; the page renders before AdminGate lets this card in.
  const source = useSource();
  const { links } = source;
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const key = (name: string) => `${textPrefix}.${name}`;

  function body() {
    if (users.isError || links.isError || accounts.isError) {
      return <ErrorState error={users.error ?? links.error ?? accounts.error} onRetry={() => { void users.refetch(); void links.refetch(); void accounts.refetch(); }} />;
    }
    if (!users.data || !links.data || !accounts.data) return <Loading />;
    // Only an enabled account with an app (AgentId) can message staff.
    const appAccounts = accounts.data.items.filter((a) => a.settings.agentId !== undefined && a.enabled);
    if (appAccounts.length === 0) return <EmptyState title={t(key('staffNoApp'))} hint={t(key('step4'))} />;
    const byUser = new Map(links.data.map((l) => [l.userId, l]));
    const stored = (userId: string) => byUser.get(userId)?.externalUserId ?? '';
    const shown = (userId: string) => drafts[userId] ?? stored(userId);
    const unsaved = (userId: string) => shown(userId).trim() !== '' && shown(userId).trim() !== stored(userId);
    const accountOf = (userId: string) => byUser.get(userId)?.accountId ?? appAccounts[0]!.id;
    const dropDraft = (userId: string) => setDrafts(({ [userId]: _dropped, ...rest }) => rest);

    const save = (userId: string) => run(async () => {
      await source.link(userId, { externalUserId: shown(userId).trim(), accountId: accountOf(userId) });
      dropDraft(userId);
    }, 'channels.saved');
    const remove = (userId: string) => run(async () => {
      await source.unlink(userId);
      dropDraft(userId);
    }, key('removed'));

    return (
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={users.data}
        columns={[
          { title: t(key('user')), dataIndex: 'name' },
          {
            title: t(key('staffUserId')),
            render: (_: unknown, user: { id: string }) => (
              <Input
                data-testid={`${kind}-userid-${user.id}`}
                placeholder={t(key('notLinked'))}
                value={shown(user.id)}
                onChange={(e) => setDrafts((current) => ({ ...current, [user.id]: e.target.value }))}
                style={{ maxWidth: 240 }}
              />
            ),
          },
          { title: t(key('account')), render: (_: unknown, user: { id: string }) => appAccounts.find((a) => a.id === accountOf(user.id))?.name },
          {
            title: '',
            render: (_: unknown, user: { id: string }) => (
              <Space>
                <Button size="small" type="primary" onClick={() => save(user.id)} disabled={!unsaved(user.id)} data-testid={`${kind}-link-${user.id}`}>{t(key('save'))}</Button>
                {byUser.has(user.id) ? <Button size="small" onClick={() => remove(user.id)} data-testid={`${kind}-unlink-${user.id}`}>{t(key('remove'))}</Button> : null}
              </Space>
            ),
          },
        ]}
      />
    );
  }

  // The card keeps its title in every state, so an error says which part of the page failed.
  return (
    <Card title={t(key('staffTitle'))} data-testid={`${kind}-staff-links`}>
      <Typography.Paragraph type="secondary">{t(key('staffIntro'))}</Typography.Paragraph>
      {body()}
    </Card>
  );
}
