import { Button, Card, Descriptions, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../app/session.ts';
import { ErrorState, Loading } from '../../shared/ui/states.tsx';
import { labelIn } from '../forms/field-labels.ts';
import { FieldValueText } from '../forms/FieldValueText.tsx';
import { useCustomerForm, type CustomerFieldEntity } from './customer-form.ts';

const hasValue = (value: unknown) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);

/**
 * 自定义字段 on the customer 360 page: each field the installation defines (客户行业, 客户来源 …)
 * with its value as people read it (option labels, 省/市/区 names, amounts). Editing happens in the
 * 资料 form (`onEdit` opens it). Without any field defined, admins get a way to define some.
 */
export function CustomFieldsCard({ entity, values, onEdit }: { entity: CustomerFieldEntity; values: Record<string, unknown>; onEdit?: () => void }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const { form, registry } = useCustomerForm(entity);
  // An archived field shows only where a value was kept.
  const shown = (form?.fields ?? []).filter((field) => !field.archived || hasValue(values[field.key]));
  let body;
  if (registry.isPending) body = <Loading />;
  else if (registry.isError || !form) body = <ErrorState error={registry.error ?? new Error('form')} onRetry={() => void registry.refetch()} />;
  else if (!shown.length) {
    const admin = can('forms.manage');
    // Small: a side card that every contact shows must not push identities and duplicates away.
    body = (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        style={{ margin: '4px 0' }}
        description={
          <>
            <div>{t(entity === 'contact' ? 'customers.customFields.noneContact' : 'customers.customFields.noneOrganization')}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {admin ? t('customers.customFields.defineHint') : t('customers.customFields.askAdmin')}
            </Typography.Text>
          </>
        }
      >
        {admin ? <Link to="/settings/customer-fields" data-testid="define-custom-fields">{t('customers.customFields.define')}</Link> : null}
      </Empty>
    );
  } else {
    body = (
      <Descriptions size="small" column={1} colon>
        {shown.map((field) => (
          <Descriptions.Item key={field.key} label={labelIn(field.label, i18n.language)}>
            <span data-testid={`customer-field-${field.key}`}>
              <FieldValueText field={field} value={values[field.key]} />
            </span>
          </Descriptions.Item>
        ))}
      </Descriptions>
    );
  }
  const editable = Boolean(onEdit && form?.fields.some((field) => !field.archived));
  return (
    <Card
      size="small"
      title={t('customers.customFields.title')}
      extra={editable ? <Button size="small" type="link" onClick={onEdit} data-testid="custom-fields-edit">{t('app.edit')}</Button> : null}
      data-testid="customer-custom-fields"
    >
      {body}
    </Card>
  );
}
