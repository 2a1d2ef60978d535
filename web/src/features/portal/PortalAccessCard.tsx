import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Card, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { api, unwrap } from '../../shared/api/client.ts';
import { describeError } from '../../shared/ui/describe-error.ts';

/** On a contact's page: whether they are their organisation's portal admin (see its tickets in the portal). */
export function PortalAccessCard({ contactId, hasOrganization }: { contactId: string; hasOrganization: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const key = ['contacts', contactId, 'portal-access'];
  const access = useQuery({ queryKey: key, queryFn: () => unwrap(api.GET('/api/v1/contacts/{id}/portal-access', { params: { path: { id: contactId } } })) });
  if (!hasOrganization) return null;

  async function change(orgAdmin: boolean) {
    try {
      const next = await unwrap(api.PUT('/api/v1/contacts/{id}/portal-access', { params: { path: { id: contactId } }, body: { orgAdmin } }));
      queryClient.setQueryData(key, next);
    } catch (error) {
      message.error(describeError(error, t).message);
    }
  }

  return (
    <Card size="small" title={t('portal.access.title')}>
      <Switch checked={access.data?.orgAdmin ?? false} loading={access.isPending} disabled={!can('customers.write')} onChange={change} data-testid="portal-org-admin" />{' '}
      <Typography.Text>{t('portal.access.orgAdmin')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('portal.access.hint')}
      </Typography.Paragraph>
    </Card>
  );
}
