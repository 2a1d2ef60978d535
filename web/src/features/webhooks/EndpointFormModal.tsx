import { Checkbox, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client.ts';
import { describeError } from '../../shared/ui/describe-error.ts';
import { parseHeaderLines } from './header-lines.ts';
import { useWebhookEventTypes, type EndpointInput, type WebhookEndpoint } from './queries.ts';

type Values = { url: string; description?: string; eventTypes: string[]; headers?: string };

/** Create an endpoint, or edit one (its URL, description, events; headers only when typed anew). */
export function EndpointFormModal({ open, editing, onClose, onSubmit }: {
  open: boolean;
  editing: WebhookEndpoint | null;
  onClose: () => void;
  onSubmit: (input: EndpointInput) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const eventTypes = useWebhookEventTypes();
  const locale = i18n.language === 'en' ? 'en' : 'zh-CN';

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(editing ? { url: editing.url, description: editing.description, eventTypes: editing.eventTypes } : { eventTypes: ['ticket.created'] });
  }, [open, editing, form]);

  async function submit(values: Values) {
    const parsed = values.headers?.trim() ? parseHeaderLines(values.headers) : undefined;
    if (parsed && !parsed.ok) {
      form.setFields([{ name: 'headers', errors: [t('webhooks.headersInvalid', { line: parsed.badLine })] }]);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await onSubmit({ url: values.url, description: values.description ?? '', eventTypes: values.eventTypes, ...(parsed && { headers: parsed.headers }) });
    } catch (failure) {
      const fields = failure instanceof ApiError ? (failure.problem.errors ?? []).filter((e) => e.path) : [];
      if (fields.length) form.setFields(fields.map((e) => ({ name: e.path.split('.')[0] as keyof Values, errors: [e.message] })));
      else setError(describeError(failure, t).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal open={open} title={editing ? t('webhooks.edit') : t('webhooks.add')} onCancel={onClose} onOk={() => form.submit()} okText={editing ? t('webhooks.save') : t('webhooks.create')} cancelText={t('webhooks.cancel')} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} data-testid="webhook-form">
        <Form.Item name="url" label={t('webhooks.url')} extra={t('webhooks.urlHint')} rules={[{ required: true, message: t('webhooks.urlHint') }]}>
          <Input placeholder="https://example.com/opencsm/webhooks" />
        </Form.Item>
        <Form.Item name="description" label={t('webhooks.description')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="eventTypes" label={t('webhooks.eventTypes')} rules={[{ required: true, type: 'array', min: 1, message: t('webhooks.eventTypes') }]}>
          <Checkbox.Group options={(eventTypes.data?.items ?? []).map((e) => ({ value: e.type, label: `${e.labels[locale]} (${e.type})` }))} style={{ display: 'grid', gap: 4 }} />
        </Form.Item>
        <Form.Item name="headers" label={t('webhooks.headers')} extra={editing?.headerNames.length ? t('webhooks.headersKept', { names: editing.headerNames.join(', ') }) : t('webhooks.headersHint')}>
          <Input.TextArea rows={2} placeholder="X-Api-Key: …" />
        </Form.Item>
        {error && <div role="alert" style={{ color: '#cf1322' }}>{error}</div>}
      </Form>
    </Modal>
  );
}
