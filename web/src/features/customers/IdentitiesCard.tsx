import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Popconfirm, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../shared/api/client.ts';
import { describeError } from '../../shared/ui/describe-error.ts';
import { EmptyState } from '../../shared/ui/states.tsx';
import { groupIdentities, identityHref, identityText, type Identity, type IdentityKind } from './identity-groups.ts';
import { identityPlaceholder, useIdentityKindOptions } from './IdentityFields.tsx';
import { IdentityIcon } from './IdentityIcon.tsx';
import { ownerOfIdentity, takenIdentityOf } from './identity-taken.ts';
import { useRefreshCustomers } from './queries.ts';

type Props = { contactId: string; identities: Identity[]; editable: boolean };

/** 联系方式: phones (tap to call), emails, WeChat / WeCom / DingTalk ids, grouped by kind. */
export function IdentitiesCard({ contactId, identities, editable }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshCustomers();
  const groups = groupIdentities(identities);

  async function remove(identity: Identity) {
    try {
      await unwrap(api.DELETE('/api/v1/contacts/{id}/identities/{identityId}', { params: { path: { id: contactId, identityId: identity.id } } }));
      message.success(t('customers.identities.removed'));
      await refresh();
    } catch (error) {
      message.error(describeError(error, t).message);
    }
  }

  return (
    <Card size="small" title={t('customers.identities.title')} data-testid="identities-card">
      {groups.length ? (
        <Space direction="vertical" style={{ width: '100%' }} size={8}>
          {groups.map((group) => (
            <div key={group.kind} data-testid={`identities-${group.kind}`}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <IdentityIcon kind={group.kind} /> {t(`customers.identityKind.${group.kind}`)}
              </Typography.Text>
              {group.items.map((identity) => {
                const href = identityHref(identity);
                const text = identityText(identity);
                return (
                  <div key={identity.id} style={{ display: 'flex', alignItems: 'center', gap: 4, minWidth: 0 }}>
                    <span style={{ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={identity.value}>
                      {href ? <a href={href}>{text}</a> : <Typography.Text copyable={{ text: identity.value }}>{text}</Typography.Text>}
                    </span>
                    {editable ? (
                      <Popconfirm title={t('customers.identities.removeConfirm', { identity: text })} onConfirm={() => remove(identity)}>
                        <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('customers.identities.remove', { identity: text })} />
                      </Popconfirm>
                    ) : null}
                  </div>
                );
              })}
            </div>
          ))}
        </Space>
      ) : (
        <EmptyState title={t('customers.identities.empty')} hint={editable ? t('customers.identities.emptyHint') : undefined} />
      )}
      {editable ? <AddIdentity contactId={contactId} /> : null}
    </Card>
  );
}

function AddIdentity({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshCustomers();
  const kindOptions = useIdentityKindOptions();
  const [kind, setKind] = useState<IdentityKind>('phone');
  const [value, setValue] = useState('');
  const [saving, setSaving] = useState(false);
  const [taken, setTaken] = useState<{ message: string; contactId?: string } | null>(null);

  async function add() {
    if (!value.trim()) return;
    setSaving(true);
    setTaken(null);
    try {
      await unwrap(api.POST('/api/v1/contacts/{id}/identities', { params: { path: { id: contactId } }, body: { kind, value: value.trim() } }));
      message.success(t('customers.identities.added'));
      setValue('');
      await refresh();
    } catch (error) {
      const conflict = takenIdentityOf(error);
      if (conflict) setTaken({ message: conflict.message, contactId: conflict.contactId ?? (await ownerOfIdentity({ kind, value: value.trim() })) });
      else message.error(describeError(error, t).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <div style={{ marginTop: 12 }}>
      {taken ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={taken.message}
          description={taken.contactId && taken.contactId !== contactId ? <Link to={`/customers/contacts/${taken.contactId}`}>{t('customers.form.viewExisting')}</Link> : undefined}
        />
      ) : null}
      <Space.Compact style={{ width: '100%' }}>
        <Select value={kind} onChange={setKind} options={kindOptions} style={{ width: 110, flexShrink: 0 }} aria-label={t('customers.form.kind')} />
        <Input value={value} onChange={(e) => setValue(e.target.value)} onPressEnter={add} placeholder={identityPlaceholder(kind)} aria-label={t('customers.form.value')} data-testid="add-identity-value" />
        <Button icon={<PlusOutlined />} onClick={add} loading={saving} disabled={!value.trim()} aria-label={t('customers.identities.add')} data-testid="add-identity" />
      </Space.Compact>
    </div>
  );
}
