import { ArrowLeftOutlined, DeleteOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCan } from '../../app/session.ts';
import { api, ApiError, unwrap } from '../../shared/api/client.ts';
import { describeError } from '../../shared/ui/describe-error.ts';
import { customerKeys } from './keys.ts';
import { useRefreshCustomers, type Organization } from './queries.ts';
import { TierTag } from './TierTag.tsx';

/** The organisation at a glance: name, tier, tags, owner, number of contacts; delete when allowed. */
export function OrganizationHeader({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  return (
    <Card size="small">
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap size={8} style={{ justifyContent: 'space-between', width: '100%' }}>
          <Space wrap size={8}>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('nav.back')} />
            <Typography.Title level={4} style={{ margin: 0, wordBreak: 'break-word' }} data-testid="organization-name">
              {organization.name}
            </Typography.Title>
            <TierTag tierKey={organization.tierKey} />
          </Space>
          {can('customers.delete') ? <DeleteOrganizationButton organization={organization} /> : null}
        </Space>
        <Space wrap size={[16, 4]}>
          <span>
            <TeamOutlined /> {t('customers.organization.contactCount', { n: organization.contactCount })}
          </span>
          <Typography.Text type={organization.owner ? undefined : 'secondary'}>
            <UserOutlined /> {organization.owner ? t('customers.contact.owner', { name: organization.owner.name }) : t('customers.contact.noOwner')}
          </Typography.Text>
        </Space>
        {organization.tags.length ? (
          <div>
            {organization.tags.map((tag) => (
              <Tag key={tag}>{tag}</Tag>
            ))}
          </div>
        ) : null}
      </Space>
    </Card>
  );
}

/** Only an organisation without contacts or records can go; otherwise the answer says what to do first. */
function DeleteOrganizationButton({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const refresh = useRefreshCustomers();

  async function remove() {
    try {
      await unwrap(api.DELETE('/api/v1/organizations/{id}', { params: { path: { id: organization.id } } }));
      message.success(t('customers.delete.deleted'));
      navigate('/customers?tab=organizations', { replace: true });
      queryClient.removeQueries({ queryKey: customerKeys.organization(organization.id) });
      await refresh();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.problem.code === 'organization.not_empty') {
        modal.warning({ title: error.problem.title, content: t('customers.delete.notEmptyExplain') });
      } else message.error(describeError(error, t).message);
    }
  }

  return (
    <Popconfirm title={t('customers.delete.organizationConfirm', { name: organization.name })} onConfirm={remove} okButtonProps={{ danger: true }}>
      <Button danger type="text" icon={<DeleteOutlined />} data-testid="delete-organization">
        {t('customers.delete.organization')}
      </Button>
    </Popconfirm>
  );
}
