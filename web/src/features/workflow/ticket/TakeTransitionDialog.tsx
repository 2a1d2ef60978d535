import { Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldInputs } from '../../forms/field-inputs/index.ts';
import { inputTypeFor } from '../../forms/field-inputs/input-for.ts';
import { labelIn } from '../../forms/field-labels.ts';
import { useTicketFields, type RegistryField } from '../../forms/queries.ts';
import type { TransitionOption } from './ticket-process-api.ts';

export type TakeInput = { values: Record<string, unknown>; reason?: string };
type FormValues = { values?: Record<string, unknown>; reason?: string };

/** The custom fields (by their key without `fields.`) a transition still needs before it can be taken. */
export function fieldsToFill(option: TransitionOption): string[] {
  return option.reasons.flatMap((reason) => (reason.code === 'fields_missing' ? (reason.fields ?? []).map((field) => field.key.replace(/^fields\./, '')) : []));
}

/**
 * The small form a transition opens: the custom fields it still needs, with the ticket fields'
 * own inputs (forms feature), and the reason of a return. Errors the server finds on a field
 * (`values.<key>`) land under that field.
 */
export function TakeTransitionDialog({ option, ticketId, saving, errors, onTake, onCancel }: {
  option: TransitionOption;
  ticketId: string;
  saving: boolean;
  errors: Array<{ name: string[]; errors: string[] }>;
  onTake: (input: TakeInput) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const registry = useTicketFields();
  const keys = fieldsToFill(option);
  const fields = keys.flatMap((key) => registry.data?.find((field) => field.key === key && !field.builtIn) ?? []);
  const label = option.label[i18n.language === 'en' ? 'en' : 'zh-CN'] || option.label['zh-CN'];
  // The server's errors on fields (a value it refused) show under those fields.
  useEffect(() => {
    if (errors.length) form.setFields(errors);
  }, [errors, form]);
  return (
    <Modal
      open
      title={t('workflow.ticket.take', { label })}
      okText={label}
      onOk={() => form.submit()}
      onCancel={onCancel}
      confirmLoading={saving}
      destroyOnHidden
      okButtonProps={{ id: 'process-take-confirm' }}
    >
      <Form form={form} layout="vertical" onFinish={(input) => onTake({ values: input.values ?? {}, ...(input.reason && { reason: input.reason.trim() }) })} data-testid="process-take-form">
        {fields.map((field) => <FieldInput key={field.key} field={field} ticketId={ticketId} language={i18n.language} />)}
        {option.kind === 'return' ? (
          <Form.Item name="reason" label={t('workflow.ticket.reason')} extra={t('workflow.ticket.reasonHint')} rules={[{ required: true, whitespace: true, message: t('workflow.ticket.reasonRequired') }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="process-take-reason" />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

function FieldInput({ field, ticketId, language }: { field: RegistryField; ticketId: string; language: string }) {
  const { t } = useTranslation();
  const Input = fieldInputs[inputTypeFor(field.type, field.conditionType, (field.options?.length ?? 0) > 0)];
  const label = labelIn(field.label, language);
  const checkbox = field.type === 'checkbox';
  return (
    <Form.Item
      name={['values', field.key]}
      label={checkbox ? undefined : label}
      required
      rules={[{ validator: (_, value: unknown) => (value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length) ? Promise.reject(new Error(t('customFields.required', { label }))) : Promise.resolve()) }]}
      data-testid={`process-field-${field.key}`}
    >
      <Input field={field} language={language} ticketId={ticketId} audience="staff" />
    </Form.Item>
  );
}
