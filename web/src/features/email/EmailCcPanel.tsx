import { App, Button, Card, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { describeError } from '../../shared/ui/describe-error.ts';
import { useTicketCcActions, useTicketCcs } from './queries.ts';

const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());

/**
 * The ticket page's email CCs: accepted ones are copied on replies; proposed ones (建议抄送, found in
 * To/Cc of customers' mail) wait for an agent. Only shown when the ticket has any, or for adding.
 */
export function EmailCcPanel({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const ccs = useTicketCcs(ticketId);
  const actions = useTicketCcActions(ticketId);
  const [draft, setDraft] = useState('');
  const editable = can('tickets.update');

  async function run(work: Promise<unknown>) {
    try {
      await work;
    } catch (error) {
      message.error(describeError(error, t).message);
    }
  }

  if (ccs.isError || !ccs.data) return null;
  const { accepted, proposed } = ccs.data;
  return (
    <Card size="small" title={t('email.ccs.title')} data-testid="email-cc-panel">
      {accepted.length === 0 && <Typography.Text type="secondary">{t('email.ccs.noneAccepted')}</Typography.Text>}
      {accepted.length > 0 && (
        <List size="small" dataSource={accepted} renderItem={(cc) => (
          <List.Item data-testid="email-cc-accepted" actions={editable ? [<Button key="remove" size="small" type="link" onClick={() => run(actions.remove(cc.address))}>{t('email.ccs.remove')}</Button>] : []}>
            <Space><Tag color="blue">{t('email.ccs.accepted')}</Tag>{cc.name ? `${cc.name} <${cc.address}>` : cc.address}</Space>
          </List.Item>
        )} />
      )}
      {proposed.length > 0 && (
        <>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 4 }}>{t('email.ccs.proposedHelp')}</Typography.Paragraph>
          <List size="small" dataSource={proposed} renderItem={(cc) => (
            <List.Item data-testid="email-cc-proposed" actions={editable ? [
              <Button key="accept" size="small" type="link" onClick={() => run(actions.decide(cc.address, 'accepted'))}>{t('email.ccs.accept')}</Button>,
              <Button key="dismiss" size="small" type="link" onClick={() => run(actions.decide(cc.address, 'dismissed'))}>{t('email.ccs.dismiss')}</Button>,
            ] : []}>
              <Space><Tag color="gold">{t('email.ccs.proposed')}</Tag>{cc.name ? `${cc.name} <${cc.address}>` : cc.address}</Space>
            </List.Item>
          )} />
        </>
      )}
      {editable && (
        <Space.Compact style={{ width: '100%', marginTop: 8 }}>
          <Input size="small" value={draft} placeholder={t('email.ccs.addPlaceholder')} aria-label={t('email.ccs.add')} onChange={(e) => setDraft(e.target.value)} />
          <Button size="small" onClick={() => {
            if (!looksLikeEmail(draft)) return void message.error(t('email.ccs.invalid'));
            void run(actions.decide(draft.trim().toLowerCase(), 'accepted').then(() => setDraft('')));
          }}>{t('email.ccs.add')}</Button>
        </Space.Compact>
      )}
    </Card>
  );
}
