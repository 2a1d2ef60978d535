import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { api, unwrap } from '../../shared/api/client.ts';
import { ticketKeys } from './keys.ts';
import { useUsers, type BulkChanges } from './queries.ts';
import { summariseBulk } from './bulk-summary.ts';
import { ticketStatuses, type TicketStatus } from './list-filters.ts';

/** Actions on the selected rows; each ticket succeeds or fails on its own. */
export function BulkBar({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const users = useUsers(can('directory.read'));
  const [tag, setTag] = useState('');
  const [busy, setBusy] = useState(false);

  async function apply(changes: BulkChanges) {
    setBusy(true);
    try {
      const response = await unwrap(api.POST('/api/v1/tickets/bulk', { body: { ids, changes } }));
      const summary = summariseBulk(response.results);
      if (summary.failed === 0) message.success(t('list.bulkDone', { ok: summary.ok }));
      else message.warning(`${t('list.bulkDone', { ok: summary.ok })}${t('list.separator')}${t('list.bulkFailed', { failed: summary.failed, reason: summary.reasons.join(t('list.separator')) })}`, 8);
      await queryClient.invalidateQueries({ queryKey: ticketKeys.all });
      onDone();
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Alert
      type="info"
      style={{ marginBottom: 8 }}
      title={
        <Space wrap>
          <span data-testid="bulk-count">{t('list.selected', { count: ids.length })}</span>
          {can('tickets.update') ? (
            <Select
              placeholder={t('list.bulkAssign')}
              style={{ width: 160 }}
              disabled={busy}
              showSearch={{ optionFilterProp: 'label' }}
              options={[{ value: '', label: t('ticket.unassigned') }, ...(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))]}
              onChange={(value: string) => apply({ assigneeId: value || null })}
              value={null}
            />
          ) : null}
          <Select
            placeholder={t('list.bulkStatus')}
            style={{ width: 140 }}
            disabled={busy}
            options={ticketStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            onChange={(value: TicketStatus) => apply({ status: value })}
            value={null}
          />
          {can('tickets.update') ? (
            <Space.Compact>
              <Input placeholder={t('list.bulkTag')} value={tag} onChange={(e) => setTag(e.target.value)} style={{ width: 120 }} maxLength={50} />
              <Button disabled={!tag.trim() || busy} onClick={() => apply({ addTags: [tag.trim()] }).then(() => setTag(''))}>
                {t('list.bulkTag')}
              </Button>
            </Space.Compact>
          ) : null}
          <Button type="link" onClick={onDone}>
            {t('list.clearSelection')}
          </Button>
        </Space>
      }
    />
  );
}
