import { App, Button, Card, Descriptions, Form, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormAudience, Label } from '../../../../src/forms/definition.ts';
import { judgeForm } from '../../../../src/forms/judge-form.ts';
import type { PreparedForm } from '../../../../src/forms/prepare-form.ts';
import { ApiError } from '../../shared/api/client.ts';
import { describeError } from '../../shared/ui/describe-error.ts';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states.tsx';
import { labelIn } from './field-labels.ts';
import { fieldErrorsFrom } from './form-issues.ts';
import { FormRenderer } from './FormRenderer.tsx';
import { FieldValueText } from './FieldValueText.tsx';
import { changedValues, precheck } from './precheck.ts';
import { builtinDescriptors, usePreparedForm } from './prepared-form.ts';
import { useTicketFields, useTicketTypes, useTypeForm } from './queries.ts';

export type TicketCustomFields = {
  id: string;
  version: number;
  /** The ticket's type and the form version it was created with (tickets remember theirs). */
  type: { key: string; label: Label; version: number } | null;
  fields: Record<string, unknown>;
};

type Save = (changes: { type?: string; fields?: Record<string, unknown> }) => Promise<unknown>;

/**
 * The ticket's custom fields, laid out by the form version the ticket was made with. Staff who may
 * update the ticket edit them (saved together, with If-Match like the other fields) and may change
 * the type, which keeps every value. Others read them.
 */
export function CustomFieldsPanel({ ticket, editable, audience, save }: { ticket: TicketCustomFields; editable: boolean; audience: FormAudience; save: Save }) {
  const { t, i18n } = useTranslation();
  const typeForm = useTypeForm(ticket.type?.key, ticket.type?.version);
  const registry = useTicketFields();
  const builtins = useMemo(() => (registry.data ? builtinDescriptors(registry.data) : registry.isError ? [] : undefined), [registry.data, registry.isError]);
  const prepared = usePreparedForm(builtins ? typeForm.data : undefined, builtins);
  const [editing, setEditing] = useState(false);
  const title = (
    <Space size={8} wrap>
      <span>{t('customFields.panel')}</span>
      {ticket.type ? (
        <Typography.Text type="secondary" data-testid="custom-fields-type-label">
          {labelIn(ticket.type.label, i18n.language)} · {t('customFields.formVersion', { version: ticket.type.version })}
        </Typography.Text>
      ) : null}
    </Space>
  );
  const extra = editable ? <TypeSwitch ticket={ticket} save={save} /> : null;
  let body;
  if (!ticket.type) body = <EmptyState title={t('customFields.chooseType')} />;
  else if (typeForm.isPending || !builtins) body = <Loading />;
  else if (typeForm.isError) body = <ErrorState error={typeForm.error} onRetry={() => void typeForm.refetch()} />;
  else if (!prepared?.ok) body = <ErrorState error={new Error(prepared?.issues.map((issue) => issue.code).join('; ') ?? '')} />;
  else if (editing) body = <EditFields ticket={ticket} prepared={prepared.form} audience={audience} save={save} done={() => setEditing(false)} />;
  else body = <ReadFields ticket={ticket} prepared={prepared.form} audience={audience} onEdit={editable ? () => setEditing(true) : undefined} />;
  return (
    <Card size="small" title={title} extra={extra} data-testid="custom-fields-panel">
      {body}
    </Card>
  );
}

function ReadFields({ ticket, prepared, audience, onEdit }: { ticket: TicketCustomFields; prepared: PreparedForm; audience: FormAudience; onEdit?: () => void }) {
  const { t, i18n } = useTranslation();
  const state = useMemo(() => judgeForm(prepared, ticket.fields, { audience, mode: 'update' }), [prepared, ticket.fields, audience]);
  const shown = [...state.fields].filter(([, fieldState]) => fieldState.visible).map(([key]) => prepared.fields.get(key)!);
  if (!shown.length) return <EmptyState title={t('customFields.noFields')} />;
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} colon>
        {shown.map((field) => (
          <Descriptions.Item key={field.key} label={labelIn(field.label, i18n.language)}>
            <span data-testid={`custom-value-${field.key}`}>
              <FieldValueText field={field} value={ticket.fields[field.key]} />
            </span>
          </Descriptions.Item>
        ))}
      </Descriptions>
      {onEdit ? (
        <Button size="small" onClick={onEdit} data-testid="custom-fields-edit">
          {t('app.edit')}
        </Button>
      ) : null}
    </>
  );
}

function EditFields({ ticket, prepared, audience, save, done }: { ticket: TicketCustomFields; prepared: PreparedForm; audience: FormAudience; save: Save; done: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ fields: Record<string, unknown> }>();
  const [saving, setSaving] = useState(false);

  async function submit() {
    const changed = changedValues(ticket.fields, (form.getFieldValue('fields') ?? {}) as Record<string, unknown>);
    if (!Object.keys(changed).length) return done();
    const issues = precheck(prepared, changed, { audience, previous: ticket.fields, language: i18n.language });
    if (issues.length) return form.setFields(issues);
    setSaving(true);
    try {
      await save({ fields: changed });
      message.success(t('ticket.saved'), 1);
      done();
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) message.warning(t('errors.conflict'), 6);
      else if (error instanceof ApiError && error.problem.errors?.length) form.setFields(fieldErrorsFrom(error.problem.errors, ['fields']).fields);
      else message.error(describeError(error, t).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form form={form} layout="vertical" initialValues={{ fields: ticket.fields }} onFinish={submit} data-testid="custom-fields-form">
      <FormRenderer prepared={prepared} audience={audience} mode="update" ticketId={ticket.id} />
      <Space>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="custom-fields-save">
          {t('app.save')}
        </Button>
        <Button onClick={done}>{t('app.cancel')}</Button>
      </Space>
    </Form>
  );
}

/** Another type for the ticket: its values all stay (the new form shows those it places). */
function TypeSwitch({ ticket, save }: { ticket: TicketCustomFields; save: Save }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const types = useTicketTypes();
  const offered = (types.data ?? []).filter((type) => type.active && type.currentVersion !== null);
  return (
    <Select
      size="small"
      style={{ minWidth: 140 }}
      aria-label={t('customFields.changeType')}
      placeholder={t('customFields.chooseType')}
      value={ticket.type?.key}
      loading={types.isPending}
      options={offered.map((type) => ({ value: type.key, label: labelIn(type.label, i18n.language) }))}
      onChange={async (key: string) => {
        try {
          await save({ type: key });
          message.success(t('customFields.typeChanged', { type: labelIn(offered.find((type) => type.key === key)?.label, i18n.language) }), 2);
        } catch (error) {
          message.error(describeError(error, t).message);
        }
      }}
      data-testid="custom-fields-type"
    />
  );
}
