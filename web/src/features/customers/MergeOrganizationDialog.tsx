import { Alert, App, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../shared/api/client.ts';
import { describeError } from '../../shared/ui/describe-error.ts';
import { ErrorState, Loading } from '../../shared/ui/states.tsx';
import { mergeDirection, type Survivor } from './merge-plan.ts';
import { useOrganization360, useRefreshCustomers, type Organization360 } from './queries.ts';

type Props = { current: Organization360; other: { id: string; name: string }; onClose: () => void };

/** 合并企业客户: who survives, how many contacts and records move, then open the survivor. */
export function MergeOrganizationDialog({ current, other, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const refresh = useRefreshCustomers();
  const [survivor, setSurvivor] = useState<Survivor>('current');
  const [merging, setMerging] = useState(false);
  const otherView = useOrganization360(other.id, survivor === 'current');
  const source = survivor === 'current' ? otherView.data : current;
  const [sourceName, targetName] = survivor === 'current' ? [other.name, current.organization.name] : [current.organization.name, other.name];

  async function merge() {
    setMerging(true);
    try {
      const result = await unwrap(api.POST('/api/v1/organizations/merge', { body: mergeDirection(current.organization.id, other.id, survivor) }));
      message.success(t('customers.merge.done', { name: result.survivor.name }));
      onClose();
      // The organisation on screen merged away: its address is a tombstone now, so replace it.
      if (result.survivor.id !== current.organization.id) navigate(`/customers/organizations/${result.survivor.id}`, { replace: true });
      await refresh();
    } catch (error) {
      message.error(describeError(error, t).message);
    } finally {
      setMerging(false);
    }
  }

  return (
    <Modal open title={t('customers.merge.organizationTitle')} onCancel={onClose} onOk={merge} okText={t('customers.merge.confirm')} okButtonProps={{ disabled: !source, danger: true }} confirmLoading={merging} destroyOnHidden>
      <Typography.Paragraph strong>{t('customers.merge.survivorOrganization')}</Typography.Paragraph>
      <Radio.Group value={survivor} onChange={(e) => setSurvivor(e.target.value as Survivor)} style={{ marginBottom: 16 }}>
        <Space direction="vertical">
          <Radio value="current">{t('customers.merge.keepCurrent', { name: current.organization.name })}</Radio>
          <Radio value="other">{t('customers.merge.keepOther', { name: other.name })}</Radio>
        </Space>
      </Radio.Group>
      {survivor === 'current' && otherView.isPending ? (
        <Loading />
      ) : survivor === 'current' && otherView.isError ? (
        <ErrorState error={otherView.error} onRetry={() => otherView.refetch()} />
      ) : source ? (
        <div data-testid="merge-summary">
          <Typography.Paragraph>{t('customers.merge.moves', { source: sourceName, target: targetName })}</Typography.Paragraph>
          <ul style={{ paddingInlineStart: 20 }}>
            <li>{t('customers.merge.contacts', { n: source.organization.contactCount })}</li>
            <li>{t('customers.merge.records', { n: source.records.length })}</li>
          </ul>
          <Typography.Paragraph type="secondary">{t('customers.merge.profileNote')}</Typography.Paragraph>
          <Alert type="info" showIcon title={t('customers.merge.redirect', { source: sourceName, target: targetName })} />
        </div>
      ) : null}
    </Modal>
  );
}
