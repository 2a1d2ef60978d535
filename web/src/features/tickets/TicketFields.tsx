import { App, Descriptions, Select, TreeSelect, Typography } from 'antd';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client.ts';
import { describeError } from '../../shared/ui/describe-error.ts';
import { nameIn, useTicketNames } from './ticket-names.ts';
import { useCategories, usePriorities, useTeams, useUpdateTicket, useUsers, type Category, type Ticket, type TicketChanges } from './queries.ts';
import { PriorityTag, StatusTag } from './tags.tsx';
import { categoryTree } from './category-tree.ts';
import { ticketStatuses } from './list-filters.ts';

/**
 * The ticket's header fields. Each change is saved at once with the version the agent saw; when
 * someone else saved first the server answers 412, we say so and show the current values.
 * Memoised, with option lists built once per directory answer: the page renders again for
 * things these fields do not show (a reply sent, the CC list), and six selects are not free.
 */
export const TicketFields = memo(function TicketFields({ ticket, vertical }: { ticket: Ticket; vertical: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateTicket(ticket.id);
  const users = useUsers(ticket.abilities.update);
  const teams = useTeams(ticket.abilities.update);
  const names = useTicketNames(ticket.id, ticket.version, !ticket.abilities.update);
  const categories = useCategories();
  const priorities = usePriorities();
  const zh = i18n.language === 'zh-CN';
  const tree = useMemo(() => categoryTree((categories.data ?? []) as Category[], zh), [categories.data, zh]);
  const editable = ticket.abilities.update;
  const statusOptions = useMemo(() => ticketStatuses.map((s) => ({ value: s, label: t(`status.${s}`) })), [t]);
  const teamOptions = useMemo(() => [{ value: '', label: t('ticket.noTeam') }, ...(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))], [teams.data, t]);
  const userOptions = useMemo(() => [{ value: '', label: t('ticket.unassigned') }, ...(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))], [users.data, t]);

  async function save(changes: TicketChanges) {
    try {
      await update.mutateAsync({ version: ticket.version, changes });
      message.success(t('ticket.saved'), 1);
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) message.warning(t('errors.conflict'), 6);
      else message.error(describeError(error, t).message);
    }
  }

  const busy = update.isPending;
  const userName = (id: string | null) => (id ? users.data?.find((u) => u.id === id)?.name ?? nameIn(names.data?.users, id) ?? '…' : t('ticket.unassigned'));
  const teamName = (id: string | null) => (id ? teams.data?.find((x) => x.id === id)?.name ?? nameIn(names.data?.teams, id) ?? '…' : t('ticket.noTeam'));
  const categoryName = (id: string | null) => {
    const found = categories.data?.find((c) => c.id === id);
    return found ? (zh ? found.nameZh : found.nameEn || found.nameZh) : t('ticket.noCategory');
  };
  const canStatus = ticket.abilities.changeStatus || ticket.abilities.reopen;

  return (
    <Descriptions column={vertical ? 1 : { xs: 1, sm: 2, lg: 3 }} size="small" bordered={false} colon>
      <Descriptions.Item label={t('ticket.status')}>
        {canStatus ? (
          <Select aria-label={t('ticket.status')} data-testid="field-status" size="small" style={{ minWidth: 120 }} value={ticket.status} disabled={busy} onChange={(status) => save({ status })} options={statusOptions} />
        ) : (
          <StatusTag status={ticket.status} />
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('ticket.priority')}>
        {editable ? (
          <Select aria-label={t('ticket.priority')} data-testid="field-priority" size="small" style={{ minWidth: 110 }} value={ticket.priority} disabled={busy} onChange={(priority) => save({ priority })} options={(priorities.data ?? []).filter((p) => p.active || p.key === ticket.priority).map((p) => ({ value: p.key, label: zh ? p.nameZh : p.nameEn }))} />
        ) : (
          <PriorityTag priority={ticket.priority} />
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('ticket.category')}>
        {editable ? (
          <TreeSelect aria-label={t('ticket.category')} data-testid="field-category" size="small" style={{ minWidth: 160 }} value={ticket.categoryId ?? undefined} placeholder={t('ticket.noCategory')} allowClear treeDefaultExpandAll disabled={busy} treeData={tree} onChange={(categoryId) => save({ categoryId: (categoryId as string | undefined) ?? null })} />
        ) : (
          categoryName(ticket.categoryId)
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('ticket.team')}>
        {editable ? (
          <Select aria-label={t('ticket.team')} data-testid="field-team" size="small" style={{ minWidth: 140 }} value={ticket.teamId ?? ''} disabled={busy} onChange={(teamId: string) => save({ teamId: teamId || null })} options={teamOptions} />
        ) : (
          teamName(ticket.teamId)
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('ticket.assignee')}>
        {editable ? (
          <Select aria-label={t('ticket.assignee')} data-testid="field-assignee" size="small" style={{ minWidth: 140 }} showSearch={{ optionFilterProp: 'label' }} value={ticket.assigneeId ?? ''} disabled={busy} onChange={(assigneeId: string) => save({ assigneeId: assigneeId || null })} options={userOptions} />
        ) : (
          userName(ticket.assigneeId)
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('ticket.tags')}>
        {editable ? (
          <Select aria-label={t('ticket.tags')} data-testid="field-tags" mode="tags" size="small" style={{ minWidth: 160 }} value={ticket.tags} disabled={busy} placeholder={t('ticket.addTag')} onChange={(tags: string[]) => save({ tags })} tokenSeparators={[',', '，']} maxTagTextLength={50} />
        ) : ticket.tags.length ? (
          ticket.tags.join(', ')
        ) : (
          <Typography.Text type="secondary">{t('app.none')}</Typography.Text>
        )}
      </Descriptions.Item>
    </Descriptions>
  );
});
