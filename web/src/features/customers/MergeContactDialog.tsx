import { Alert, App, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../shared/api/client.ts';
import { describeError } from '../../shared/ui/describe-error.ts';
import { ErrorState, Loading } from '../../shared/ui/states.tsx';
import { identityText } from './identity-groups.ts';
import { IdentityIcon } from './IdentityIcon.tsx';
import { mergeDirection, movingSummary, type Survivor } from './merge-plan.ts';
import { useContact360, useRefreshCustomers, type Contact360, type ContactSummary } from './queries.ts';

type Props = { current: Contact360; other: ContactSummary; onClose: () => void };

const nameOf = (contact: { name: string }, fallback: string) => contact.name || fallback;

/**
 * 合并联系人: choose who survives (the contact on screen by default), see exactly what moves —
 * loaded from the merged contact's own 360° view — then merge and open the survivor.
 */
export function MergeContactDialog({ current, other, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const refresh = useRefreshCustomers();
  const [survivor, setSurvivor] = useState<Survivor>('current');
  const [merging, setMerging] = useState(false);
  const direction = mergeDirection(current.contact.id, other.id, survivor);
  // The merged side's view: the other contact's (loaded now), or the one on screen (already here).
  const otherView = useContact360(other.id, survivor === 'current');
  const sourceView = survivor === 'current' ? otherView.data : current;
  const currentName = nameOf(current.contact, t('customers.anonymizedName'));
  const otherName = nameOf(other, t('customers.anonymizedName'));
  const [sourceName, targetName] = survivor === 'current' ? [otherName, currentName] : [currentName, otherName];

  async function merge() {
    setMerging(true);
    try {
      const result = await unwrap(api.POST('/api/v1/contacts/merge', { body: direction }));
      message.success(t('customers.merge.done', { name: nameOf(result.survivor, targetName) }));
      onClose();
      // The contact on screen merged away: its address is a tombstone now, so replace it.
      if (result.survivor.id !== current.contact.id) navigate(`/customers/contacts/${result.survivor.id}`, { replace: true });
      // Tickets follow the merge (their requester changes), so their caches are refreshed too.
      await refresh({ tickets: true });
    } catch (error) {
      message.error(describeError(error, t).message);
    } finally {
      setMerging(false);
    }
  }

  const moving = sourceView ? movingSummary(sourceView) : undefined;
  return (
    <Modal
      open
      title={t('customers.merge.title')}
      onCancel={onClose}
      onOk={merge}
      okText={t('customers.merge.confirm')}
      okButtonProps={{ disabled: !moving, danger: true }}
      confirmLoading={merging}
      destroyOnHidden
    >
      <Typography.Paragraph strong>{t('customers.merge.survivor')}</Typography.Paragraph>
      <Radio.Group value={survivor} onChange={(e) => setSurvivor(e.target.value as Survivor)} style={{ marginBottom: 16 }}>
        <Space direction="vertical">
          <Radio value="current" data-testid="merge-keep-current">
            {t('customers.merge.keepCurrent', { name: currentName })}
          </Radio>
          <Radio value="other" data-testid="merge-keep-other">
            {t('customers.merge.keepOther', { name: otherName })}
          </Radio>
        </Space>
      </Radio.Group>
      {survivor === 'current' && otherView.isPending ? (
        <Loading />
      ) : survivor === 'current' && otherView.isError ? (
        <ErrorState error={otherView.error} onRetry={() => otherView.refetch()} />
      ) : moving ? (
        <div data-testid="merge-summary">
          <Typography.Paragraph>{t('customers.merge.moves', { source: sourceName, target: targetName })}</Typography.Paragraph>
          <ul style={{ paddingInlineStart: 20 }}>
            <li>
              {t('customers.merge.identities', { n: moving.identities.length })}
              {moving.identities.length ? (
                <ul style={{ paddingInlineStart: 16 }}>
                  {moving.identities.map((identity) => (
                    <li key={identity.id} style={{ listStyle: 'none' }}>
                      <IdentityIcon kind={identity.kind} /> {identityText(identity)}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
            <li>{t('customers.merge.tickets', { n: moving.tickets })}</li>
            <li>{t('customers.merge.records', { n: moving.records })}</li>
          </ul>
          <Typography.Paragraph type="secondary">{t('customers.merge.profileNote')}</Typography.Paragraph>
          <Alert type="info" showIcon title={t('customers.merge.redirect', { source: sourceName, target: targetName })} />
        </div>
      ) : null}
    </Modal>
  );
}
