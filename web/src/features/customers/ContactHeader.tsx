import { ArrowLeftOutlined, BankOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ContactActions } from './ContactActions.tsx';
import type { Contact } from './queries.ts';
import { TierTag } from './TierTag.tsx';

/** Who this is at a glance: name, tier, organisation, tags, owner; privacy and delete actions. */
export function ContactHeader({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Card size="small">
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap size={8} style={{ justifyContent: 'space-between', width: '100%' }}>
          <Space wrap size={8}>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('nav.back')} />
            <Typography.Title level={4} style={{ margin: 0, wordBreak: 'break-word' }} data-testid="contact-name">
              {contact.anonymized ? <Typography.Text type="secondary">{t('customers.anonymizedName')}</Typography.Text> : contact.name}
            </Typography.Title>
            <TierTag tierKey={contact.tierKey} />
            {contact.anonymized ? <Tag>{t('customers.anonymized')}</Tag> : null}
          </Space>
          <ContactActions contact={contact} />
        </Space>
        <Space wrap size={[16, 4]}>
          {contact.organization ? (
            <span>
              <BankOutlined /> <Link to={`/customers/organizations/${contact.organization.id}`}>{contact.organization.name}</Link>
            </span>
          ) : (
            <Typography.Text type="secondary">
              <BankOutlined /> {t('customers.contact.noOrganization')}
            </Typography.Text>
          )}
          <Typography.Text type={contact.owner ? undefined : 'secondary'}>
            <UserOutlined /> {contact.owner ? t('customers.contact.owner', { name: contact.owner.name }) : t('customers.contact.noOwner')}
          </Typography.Text>
          <Typography.Text type="secondary" title={dayjs(contact.createdAt).format('YYYY-MM-DD HH:mm')}>
            {t('customers.contact.since', { date: dayjs(contact.createdAt).format('YYYY-MM-DD') })}
          </Typography.Text>
        </Space>
        {contact.tags.length ? (
          <div>
            {contact.tags.map((tag) => (
              <Tag key={tag}>{tag}</Tag>
            ))}
          </div>
        ) : null}
      </Space>
    </Card>
  );
}
