import { Alert, Form, Select, Skeleton, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldDescriptor } from '../../../../src/conditions/types.ts';
import type { FormAudience } from '../../../../src/forms/definition.ts';
import type { PreparedForm } from '../../../../src/forms/prepare-form.ts';
import { ErrorState } from '../../shared/ui/states.tsx';
import { labelIn } from './field-labels.ts';
import { FormRenderer } from './FormRenderer.tsx';
import { usePreparedForm } from './prepared-form.ts';
import type { TicketTypeSummary, TypeForm } from './queries.ts';

type Props = {
  types: TicketTypeSummary[] | undefined;
  typesLoading: boolean;
  /** The chosen type's form answer (the caller fetches it: console or portal endpoint). */
  typeForm: { data?: TypeForm; isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  typeKey: string | undefined;
  audience: FormAudience;
  /** Built-in fields the rules may test (from the registry); undefined while it loads. */
  builtins: FieldDescriptor[] | undefined;
  /** Told once a type's form is ready: the page prefills the type's defaults and keeps the prepared form for its check. */
  onReady: (prepared: PreparedForm | null, answer: TypeForm | undefined) => void;
  testId?: string;
};

/**
 * 工单类型 and the chosen type's form, inside the page's Ant Design Form (`type` and `fields.*`).
 * With no type chosen nothing else renders; a type without custom fields says so.
 */
export function TicketTypeFields({ types, typesLoading, typeForm, typeKey, audience, builtins, onReady, testId = 'ticket-type' }: Props) {
  const { t, i18n } = useTranslation();
  const prepared = usePreparedForm(builtins ? typeForm.data : undefined, builtins);
  const ready = prepared?.ok ? prepared.form : null;
  useEffect(() => onReady(ready, typeForm.data), [ready, typeForm.data, onReady]);
  const offered = (types ?? []).filter((type) => type.active !== false && type.currentVersion !== null);
  return (
    <>
      <Form.Item label={t('customFields.type')} name="type" extra={!typesLoading && !offered.length ? t('customFields.noTypesHint') : undefined}>
        <Select
          allowClear
          loading={typesLoading}
          placeholder={offered.length || typesLoading ? t('customFields.chooseType') : t('customFields.noTypes')}
          disabled={!offered.length}
          options={offered.map((type) => ({ value: type.key, label: labelIn(type.label, i18n.language) }))}
          data-testid={testId}
        />
      </Form.Item>
      {typeKey ? (
        typeForm.isPending || !builtins ? (
          <Skeleton active paragraph={{ rows: 3 }} />
        ) : typeForm.isError ? (
          <ErrorState error={typeForm.error} onRetry={() => void typeForm.refetch()} />
        ) : prepared && !prepared.ok ? (
          // A published form that does not prepare here means the browser lacks what the server knew (a bug to see, not hide).
          <Alert type="error" showIcon title={prepared.issues.map((issue) => `${issue.path}: ${issue.code}`).join('; ')} />
        ) : ready && (audience.kind === 'customer' ? ready.portalPlacement : ready.staffPlacement).size === 0 ? (
          <Typography.Paragraph type="secondary">{t('customFields.noFields')}</Typography.Paragraph>
        ) : ready ? (
          <FormRenderer prepared={ready} audience={audience} mode="create" />
        ) : null
      ) : null}
    </>
  );
}
