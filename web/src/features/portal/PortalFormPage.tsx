import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Result, Select, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '../../app/Shell.tsx';
import { ApiError } from '../../shared/api/client.ts';
import { postMultipart, useFormCategories } from './queries.ts';
import { reportTicketSubmitted, SubjectSuggestions } from '../knowledge/SubjectSuggestions.tsx';

type Values = { name: string; phone?: string; email?: string; categoryId?: string; subject?: string; description: string; website?: string };

/**
 * The public web form, embeddable in other sites with an <iframe> (the server lets /portal/form be
 * framed; every other page refuses). A retry of the same submission carries the same
 * Idempotency-Key, so a double click or a flaky network makes one ticket.
 */
export default function PortalFormPage() {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const subject = Form.useWatch('subject', form);
  // The help centre's "submit a ticket" carries the search over as ?subject=.
  const [initialSubject] = useState(() => new URLSearchParams(window.location.search).get('subject')?.slice(0, 200) ?? undefined);
  const categories = useFormCategories();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [number, setNumber] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const zh = i18n.language === 'zh-CN';

  async function onFinish(values: Values) {
    setSubmitting(true);
    setError(null);
    try {
      const result = await postMultipart<{ number: string }>('/api/v1/portal/forms/tickets', { ...values }, files.map((f) => f.originFileObj as File), key, i18n.language);
      setNumber(result.number);
      reportTicketSubmitted();
    } catch (caught) {
      const problem = caught instanceof ApiError ? caught.problem : null;
      const fieldErrors = (problem?.errors ?? []).filter((e) => ['name', 'phone', 'email', 'categoryId', 'subject', 'description'].includes(e.path));
      if (fieldErrors.length) form.setFields(fieldErrors.map((e) => ({ name: e.path as keyof Values, errors: [e.message] })));
      else setError(problem?.status === 0 ? t('errors.network') : (caught as Error).message);
    } finally {
      setSubmitting(false);
    }
  }

  function again() {
    form.resetFields();
    setFiles([]);
    setKey(crypto.randomUUID());
    setNumber(null);
  }

  return (
    <div style={{ padding: 16, maxWidth: 640, margin: '0 auto' }}>
      <Card>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('portal.form.title')}
          </Typography.Title>
          <LanguageSwitch />
        </div>
        {number ? (
          <Result
            status="success"
            title={t('portal.form.done')}
            subTitle={<span data-testid="form-number">{t('portal.form.doneNumber', { number })}</span>}
            extra={[
              <Button key="again" onClick={again}>
                {t('portal.form.again')}
              </Button>,
              <Link key="login" to="/portal/login" target="_top">
                {t('portal.form.signInHint')}
              </Link>,
            ]}
          />
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('portal.form.intro')}</Typography.Paragraph>
            {error ? <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} role="alert" /> : null}
            <Form form={form} layout="vertical" onFinish={onFinish} requiredMark="optional" initialValues={{ subject: initialSubject }}>
              <Form.Item label={t('portal.form.name')} name="name" rules={[{ required: true, whitespace: true, message: t('portal.form.required') }]}>
                <Input id="form-name" autoComplete="name" maxLength={100} />
              </Form.Item>
              <Form.Item label={t('portal.form.phone')} name="phone" dependencies={['email']} rules={[({ getFieldValue }) => ({ validator: (_, v) => (v || getFieldValue('email') ? Promise.resolve() : Promise.reject(new Error(t('portal.form.phoneOrEmail')))) })]}>
                <Input id="form-phone" type="tel" autoComplete="tel" maxLength={40} />
              </Form.Item>
              <Form.Item label={t('portal.form.email')} name="email">
                <Input id="form-email" type="email" autoComplete="email" maxLength={254} />
              </Form.Item>
              <Form.Item label={t('portal.form.category')} name="categoryId">
                <Select
                  id="form-category"
                  allowClear
                  loading={categories.isPending}
                  options={(categories.data?.items ?? []).map((c) => ({ value: c.id, label: zh ? c.nameZh : c.nameEn || c.nameZh }))}
                />
              </Form.Item>
              <Form.Item label={t('portal.form.subject')} name="subject">
                <Input id="form-subject" maxLength={200} />
              </Form.Item>
              <SubjectSuggestions subject={subject} />
              <Form.Item label={t('portal.form.description')} name="description" rules={[{ required: true, whitespace: true, message: t('portal.form.required') }]}>
                <Input.TextArea id="form-description" rows={5} maxLength={20_000} placeholder={t('portal.form.descriptionPlaceholder')} />
              </Form.Item>
              {/* Honeypot: people never see or reach it; bots fill it in. */}
              <div aria-hidden="true" style={{ position: 'absolute', left: -10_000, width: 1, height: 1, overflow: 'hidden' }}>
                <label>
                  {t('portal.form.website')}
                  <Form.Item name="website" noStyle>
                    <Input tabIndex={-1} autoComplete="off" />
                  </Form.Item>
                </label>
              </div>
              <Form.Item label={t('portal.form.files')}>
                <Upload multiple maxCount={5} fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList.slice(0, 5))}>
                  <Button icon={<UploadOutlined />}>{t('portal.form.chooseFiles')}</Button>
                </Upload>
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={submitting} data-testid="form-submit" block>
                {t('portal.form.submit')}
              </Button>
            </Form>
          </>
        )}
      </Card>
    </div>
  );
}
