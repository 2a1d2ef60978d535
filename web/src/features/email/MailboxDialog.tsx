import { App, Divider, Form, Input, InputNumber, Modal, Radio, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client.ts';
import { describeError } from '../../shared/ui/describe-error.ts';
import { bodyOf, formValuesOf, type MailboxFormValues } from './mailbox-form.ts';
import { useMailboxActions, type Mailbox } from './queries.ts';

/** Add or edit a mailbox. A field the server refuses shows its message under that field. */
export function MailboxDialog({ mailbox, teams, onClose }: { mailbox: Mailbox | null; teams: Array<{ id: string; name: string }>; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actions = useMailboxActions();
  const [form] = Form.useForm<MailboxFormValues>();
  const imapEnabled = Form.useWatch('imapEnabled', form);
  const afterFetch = Form.useWatch(['imap', 'afterFetch'], form);
  const kept = (has: boolean | undefined) => (has ? t('email.passwordKept') : undefined);

  async function save(values: MailboxFormValues) {
    try {
      const body = bodyOf(values);
      if (mailbox) await actions.update(mailbox, body);
      else await actions.create(body);
      message.success(t('email.saved'));
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.problem.errors?.length) {
        form.setFields(error.problem.errors.map((e) => ({ name: e.path.split('.') as never, errors: [e.message] })));
      }
      message.error(describeError(error, t).message);
    }
  }

  return (
    <Modal open title={mailbox ? t('email.editMailbox') : t('email.newMailbox')} onCancel={onClose} onOk={() => form.submit()} width={640} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={formValuesOf(mailbox)} onFinish={save}>
        <Form.Item name="address" label={t('email.address')} rules={[{ required: true, type: 'email' }]}>
          <Input placeholder="support@example.cn" />
        </Form.Item>
        <Form.Item name="name" label={t('email.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="teamId" label={t('email.team')}>
          <Select allowClear placeholder={t('email.noTeam')} options={teams.map((team) => ({ value: team.id, label: team.name }))} />
        </Form.Item>
        <Form.Item name="language" label={t('email.language')}>
          <Radio.Group options={[{ value: 'zh-CN', label: '中文' }, { value: 'en', label: 'English' }]} />
        </Form.Item>
        <Form.Item name="autoAcknowledge" label={t('email.autoAcknowledge')} valuePropName="checked" extra={t('email.autoAcknowledgeHelp')}>
          <Switch />
        </Form.Item>
        <Form.Item name="active" label={t('email.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="signature" label={t('email.signature')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
        </Form.Item>
        <Divider titlePlacement="start">{t('email.outbound')}</Divider>
        <Form.Item name={['outbound', 'host']} label={t('email.host')}>
          <Input placeholder="smtp.exmail.qq.com" />
        </Form.Item>
        <Form.Item name={['outbound', 'port']} label={t('email.port')}>
          <InputNumber min={1} max={65535} />
        </Form.Item>
        <Form.Item name={['outbound', 'secure']} label={t('email.secure')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name={['outbound', 'user']} label={t('email.user')}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name={['outbound', 'pass']} label={t('email.password')}>
          <Input.Password autoComplete="new-password" placeholder={kept(mailbox?.outbound?.hasPassword)} />
        </Form.Item>
        <Divider titlePlacement="start">{t('email.inbound')}</Divider>
        <Form.Item name="imapEnabled" label={t('email.imapEnabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {imapEnabled && (
          <>
            <Form.Item name={['imap', 'host']} label={t('email.host')} rules={[{ required: true, whitespace: true }]}>
              <Input placeholder="imap.exmail.qq.com" />
            </Form.Item>
            <Form.Item name={['imap', 'port']} label={t('email.port')}>
              <InputNumber min={1} max={65535} />
            </Form.Item>
            <Form.Item name={['imap', 'secure']} label={t('email.secure')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name={['imap', 'user']} label={t('email.user')} rules={[{ required: true, whitespace: true }]}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name={['imap', 'pass']} label={t('email.password')} rules={[{ required: !mailbox?.imap?.hasPassword }]}>
              <Input.Password autoComplete="new-password" placeholder={kept(mailbox?.imap?.hasPassword)} />
            </Form.Item>
            <Form.Item name={['imap', 'folder']} label={t('email.folder')}>
              <Input />
            </Form.Item>
            <Form.Item name={['imap', 'afterFetch']} label={t('email.afterFetch')}>
              <Radio.Group options={[{ value: 'seen', label: t('email.markSeen') }, { value: 'move', label: t('email.move') }]} />
            </Form.Item>
            {afterFetch === 'move' && (
              <Form.Item name={['imap', 'moveTo']} label={t('email.moveTo')}>
                <Input placeholder="OpenCSM" />
              </Form.Item>
            )}
            <Form.Item name={['imap', 'pollSeconds']} label={t('email.pollSeconds')}>
              <InputNumber min={15} max={3600} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
