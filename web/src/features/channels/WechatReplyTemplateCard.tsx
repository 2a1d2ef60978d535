import { App, Button, Card, Col, Form, Input, Popconfirm, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client.ts';
import { describeError } from '../../shared/ui/describe-error.ts';
import { useChannelAccountActions, type ChannelAccountOf } from './queries.ts';

type ReplyTemplate = NonNullable<ChannelAccountOf<'wechat'>['settings']['replyTemplate']>;
const keys = ['numberKey', 'summaryKey', 'timeKey'] as const;
const keyExamples: Record<(typeof keys)[number], string> = { numberKey: 'character_string1', summaryKey: 'thing2', timeKey: 'time3' };

/**
 * An official account's 回复通知 template (模板消息): the template id and which of its keys carry
 * the ticket number, the reply's summary and its time. With it, an agent can send a reply as a
 * template message once the 48-hour window has closed (server: template-message.ts). The server
 * judges the keys; its refusals (`settings.replyTemplate.<field>`) land on their inputs. The page
 * keys it by the stored template, so a saved or removed template shows as stored.
 */
export function WechatReplyTemplateCard({ account }: { account: ChannelAccountOf<'wechat'> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actions = useChannelAccountActions('wechat');
  const [form] = Form.useForm<ReplyTemplate>();
  const [saving, setSaving] = useState(false);
  const current = account.settings.replyTemplate ?? null;

  async function save(replyTemplate: ReplyTemplate | null, done: string) {
    setSaving(true);
    try {
      await actions.update(account, { settings: { replyTemplate } });
      message.success(t(done));
    } catch (error) {
      if (error instanceof ApiError) {
        const refused = (error.problem.errors ?? []).filter((e) => e.path?.startsWith('settings.replyTemplate.'));
        form.setFields(refused.map((e) => ({ name: e.path!.replace(/^settings\.replyTemplate\./, '') as keyof ReplyTemplate, errors: [e.message ?? ''] })));
      }
      message.error(describeError(error, t).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card type="inner" size="small" title={t('wechatTemplate.title')} data-testid="wechat-reply-template">
      <Typography.Paragraph type="secondary">{t('wechatTemplate.intro')}</Typography.Paragraph>
      {current ? null : <Typography.Paragraph data-testid="wechat-reply-template-unset">{t('wechatTemplate.notSet')}</Typography.Paragraph>}
      <Form form={form} layout="vertical" initialValues={current ?? {}} onFinish={(values) => save(values, 'wechatTemplate.saved')}>
        <Form.Item name="templateId" label={t('wechatTemplate.templateId')} extra={t('wechatTemplate.templateIdHint')} rules={[{ required: true, whitespace: true }]}>
          <Input data-testid="wechat-template-templateId" />
        </Form.Item>
        {/* The three keys side by side: they are short and read as one line of the template. */}
        <Row gutter={12}>
          {keys.map((name) => (
            <Col key={name} xs={24} md={8}>
              <Form.Item name={name} label={t(`wechatTemplate.${name}`)} rules={[{ required: true, whitespace: true }]}>
                <Input data-testid={`wechat-template-${name}`} placeholder={keyExamples[name]} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Typography.Paragraph type="secondary">{t('wechatTemplate.keyHint')}</Typography.Paragraph>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="wechat-template-save">{t('wechatTemplate.save')}</Button>
          {current ? (
            <Popconfirm title={t('wechatTemplate.remove')} onConfirm={() => save(null, 'wechatTemplate.removed')}>
              <Button danger disabled={saving}>{t('wechatTemplate.remove')}</Button>
            </Popconfirm>
          ) : null}
        </Space>
      </Form>
    </Card>
  );
}
