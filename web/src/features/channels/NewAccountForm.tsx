import { App, Button, Card, Checkbox, Form, Input, Space, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client.ts';
import { describeError } from '../../shared/ui/describe-error.ts';
import { randomKey } from './ChannelAccountCard.tsx';
import { useChannelAccountActions, type ChannelKind, type NewWechatAccount } from './queries.ts';

export type NewAccountValues = { name: string; sandbox: boolean };

/**
 * The frame of every channel's new-account form: the set-up steps (`${stepsPrefix}.stepsTitle`,
 * `.step1` … `.step<stepCount>`), the name, the channel's own fields (`children`), 沙箱, 保存 and
 * 取消. `toAccount` turns the form's values into what POST …/accounts takes; a field the server
 * refuses (400 at `settings.<field>` or `name`) lands on its input.
 */
export function NewAccountForm<Values extends NewAccountValues>({ kind, form, stepsPrefix, stepCount, initialValues, toAccount, onDone, children, createdMessage = 'channels.created', sandboxHint = 'channels.sandboxHint' }: {
  kind: ChannelKind;
  /** The page's form instance (untyped here: the frame only sets the server's field errors on it). */
  form: FormInstance;
  stepsPrefix: string;
  stepCount: number;
  initialValues?: Partial<Values>;
  toAccount: (values: Values) => NewWechatAccount;
  onDone: () => void;
  children: ReactNode;
  createdMessage?: string;
  sandboxHint?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actions = useChannelAccountActions(kind);
  const [saving, setSaving] = useState(false);

  async function submit(values: Values) {
    setSaving(true);
    try {
      await actions.create(toAccount(values));
      message.success(t(createdMessage));
      onDone();
    } catch (error) {
      if (error instanceof ApiError) {
        const refused = (error.problem.errors ?? []).filter((e) => e.path?.startsWith('settings.') || e.path === 'name');
        // `settings.openKfIds.0` lands on the openKfIds input.
        form.setFields(refused.map((e) => ({ name: e.path!.replace(/^settings\./, '').replace(/\..*$/, ''), errors: [e.message ?? ''] })));
      }
      message.error(describeError(error, t).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card type="inner" title={t(`${stepsPrefix}.stepsTitle`)} style={{ marginBottom: 16 }}>
      <ol>
        {Array.from({ length: stepCount }, (_, i) => <li key={i}>{t(`${stepsPrefix}.step${i + 1}`)}</li>)}
      </ol>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ sandbox: false, ...initialValues }} style={{ maxWidth: 640 }}>
        <Form.Item name="name" label={t('channels.name')} rules={[{ required: true }]}><Input data-testid={`${kind}-name`} /></Form.Item>
        {children}
        <Form.Item name="sandbox" valuePropName="checked" extra={t(sandboxHint)}><Checkbox data-testid={`${kind}-sandbox`}>{t('channels.sandbox')}</Checkbox></Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid={`${kind}-save`}>{t('channels.create')}</Button>
          <Button onClick={onDone}>{t('app.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

/** A Token or EncodingAESKey the console generates (randomKey) and the admin pastes into the vendor's console. */
export function GeneratedKeyField({ name, label, length, testId, required = false }: { name: string; label: string; length: number; testId: string; required?: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  return (
    <Form.Item label={t(label)} required={required}>
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item name={name} noStyle rules={required ? [{ required: true }] : []}><Input data-testid={testId} /></Form.Item>
        <Button onClick={() => form.setFieldValue(name, randomKey(length))}>{t('channels.generate')}</Button>
      </Space.Compact>
    </Form.Item>
  );
}
