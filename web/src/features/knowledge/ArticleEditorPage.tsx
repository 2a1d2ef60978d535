import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, Select, Space, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ErrorState, Loading } from '../../shared/ui/states.tsx';
import { ArticleAttachments } from './ArticleAttachments.tsx';
import { ArticleHistory } from './ArticleHistory.tsx';
import { knowledgeApi, type Article, type ArticleInput, type Locale, type Visibility } from './knowledge-api.ts';
import { statusColors } from './KnowledgePage.tsx';
import { RichTextEditor } from './RichTextEditor.tsx';
import type { ImageUploads } from './use-image-insertion.ts';

type Values = { zhTitle: string; zhBody: string; enTitle?: string; enBody?: string; visibility: Visibility; tags: string[]; reviewBy?: dayjs.Dayjs | null };

function valuesOf(article: Article | undefined): Values {
  const of = (locale: Locale) => article?.translations.find((x) => x.locale === locale);
  return { zhTitle: of('zh-CN')?.title ?? '', zhBody: of('zh-CN')?.bodyHtml ?? '', enTitle: of('en')?.title, enBody: of('en')?.bodyHtml, visibility: article?.visibility ?? 'internal', tags: article?.tags ?? [], reviewBy: article?.reviewBy ? dayjs(article.reviewBy) : null };
}

function inputOf(values: Values): ArticleInput {
  const translations: ArticleInput['translations'] = [{ locale: 'zh-CN', title: values.zhTitle, bodyHtml: values.zhBody }];
  if (values.enTitle?.trim() && values.enBody?.trim()) translations.push({ locale: 'en', title: values.enTitle, bodyHtml: values.enBody });
  return { translations, visibility: values.visibility, tags: values.tags, reviewBy: values.reviewBy ? values.reviewBy.format('YYYY-MM-DD') : null };
}

/** Write or review one article (/knowledge/new, /knowledge/:id): zh-CN and en as one article, states by the API's abilities, history with diff and rollback. */
export default function ArticleEditorPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const article = useQuery({ queryKey: ['knowledge', 'article', id], queryFn: () => knowledgeApi.get(id!), enabled: Boolean(id) });
  useEffect(() => form.setFieldsValue(valuesOf(article.data)), [article.data, form]);
  if (id && article.isPending) return <Loading />;
  if (id && article.isError) return <ErrorState error={article.error} onRetry={() => article.refetch()} />;
  const current = article.data;
  const editable = !current || Boolean(current.abilities?.edit);
  // A new article has no id to upload to yet: the button stays disabled with a hint until the draft is saved.
  const images: ImageUploads = current ? { upload: (file) => knowledgeApi.uploadFile(current.id, file, 'image').then((added) => ({ src: added.url })) } : { unavailable: t('knowledge.editor.image.saveFirst') };

  async function run(work: () => Promise<Article>, done: string) {
    setBusy(true);
    try {
      const saved = await work();
      queryClient.setQueryData(['knowledge', 'article', saved.id], saved);
      await queryClient.invalidateQueries({ queryKey: ['knowledge'] });
      message.success(done);
      if (!current) navigate(`/knowledge/${saved.id}`, { replace: true });
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setBusy(false);
    }
  }
  const save = (values: Values) => run(() => (current ? knowledgeApi.update(current.id, current.version, inputOf(values)) : knowledgeApi.create(inputOf(values))), t('knowledge.editor.saved'));
  const move = (transition: 'submit' | 'publish' | 'archive') => current && run(() => knowledgeApi.move(current.id, current.version, transition), t(`knowledge.editor.${transition}`));
  const reject = () => {
    if (!current) return;
    let note = '';
    modal.confirm({ title: t('knowledge.editor.reject'), content: <Input.TextArea aria-label={t('knowledge.editor.rejectNote')} placeholder={t('knowledge.editor.rejectNote')} onChange={(e) => (note = e.target.value)} />, onOk: () => run(() => knowledgeApi.move(current.id, current.version, 'reject', note), t('knowledge.editor.reject')) });
  };

  return (
    <div style={{ padding: 16, maxWidth: 1000 }}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {current ? (current.translations[0]?.title ?? '') : t('knowledge.create')}
        </Typography.Title>
        {current && <Tag color={statusColors[current.status]} data-testid="article-status">{t(`knowledge.status.${current.status}`)}</Tag>}
        {current?.status === 'published' && current.visibility === 'public' && <a href={`/help/articles/${current.slug}`} target="_blank" rel="noopener">{t('knowledge.editor.publicLink')}</a>}
      </Space>
      {current && !editable && <Typography.Paragraph type="secondary">{t('knowledge.editor.readOnly')}</Typography.Paragraph>}
      <Card>
        <Form form={form} layout="vertical" onFinish={save} disabled={!editable || busy} initialValues={valuesOf(current)}>
          <Tabs
            items={[
              { key: 'zh-CN', label: '中文', children: (
                <>
                  <Form.Item label={t('knowledge.editor.titleLabel')} name="zhTitle" rules={[{ required: true, whitespace: true }]}><Input id="article-title" maxLength={200} /></Form.Item>
                  <Form.Item label={t('knowledge.editor.body')} name="zhBody" extra={t('knowledge.editor.bodyHint')} rules={[{ required: true, whitespace: true }]}><RichTextEditor id="article-body" label={`${t('knowledge.editor.body')} (中文)`} readOnly={!editable || busy} images={images} /></Form.Item>
                </>
              ) },
              { key: 'en', label: 'English', children: (
                <>
                  <Form.Item label={t('knowledge.editor.titleLabel')} name="enTitle"><Input maxLength={200} /></Form.Item>
                  <Form.Item label={t('knowledge.editor.body')} name="enBody"><RichTextEditor id="article-body-en" label={`${t('knowledge.editor.body')} (English)`} readOnly={!editable || busy} images={images} /></Form.Item>
                </>
              ) },
            ]}
          />
          <Space wrap size={16}>
            <Form.Item label={t('knowledge.editor.visibilityLabel')} name="visibility">
              <Select id="article-visibility" style={{ width: 160 }} options={(['internal', 'public'] as const).map((v) => ({ value: v, label: t(`knowledge.visibility.${v}`) }))} />
            </Form.Item>
            <Form.Item label={t('knowledge.editor.tags')} name="tags"><Select mode="tags" style={{ minWidth: 220 }} /></Form.Item>
            <Form.Item label={t('knowledge.editor.reviewBy')} name="reviewBy"><DatePicker /></Form.Item>
          </Space>
          <Space wrap>
            {editable && <Button type="primary" htmlType="submit" loading={busy} data-testid="article-save">{t('knowledge.editor.save')}</Button>}
          </Space>
        </Form>
        {current && (
          <Space wrap style={{ marginTop: 12 }}>
            {current.abilities?.submit && current.status === 'draft' && <Button onClick={() => move('submit')} disabled={busy} data-testid="article-submit">{t('knowledge.editor.submit')}</Button>}
            {current.abilities?.review && current.status !== 'published' && <Button type="primary" onClick={() => move('publish')} disabled={busy} data-testid="article-publish">{t('knowledge.editor.publish')}</Button>}
            {current.abilities?.review && current.status === 'in_review' && <Button onClick={reject} disabled={busy}>{t('knowledge.editor.reject')}</Button>}
            {current.abilities?.review && current.status !== 'archived' && <Button danger onClick={() => move('archive')} disabled={busy}>{t('knowledge.editor.archive')}</Button>}
          </Space>
        )}
      </Card>
      <ArticleAttachments article={current} editable={editable} />
      {current && <ArticleHistory article={current} onRolledBack={(saved) => queryClient.setQueryData(['knowledge', 'article', saved.id], saved)} />}
    </div>
  );
}
