import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, List, Popconfirm, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { knowledgeApi, type Article, type ArticleAttachment } from './knowledge-api.ts';
import { articleImageTypes, formatFileSize, uploadErrorText } from './upload-error.ts';

/**
 * 附件: the article's downloadable files (its non-image files). Editors upload and remove them; they
 * take effect at once (no version: the body's text is what versions keep). Readers get download links.
 * The list is kept here rather than in the article's query, because refreshing that query would
 * reset the form and lose unsaved text; it follows the article whenever the page loads a new copy.
 */
export function ArticleAttachments({ article, editable }: { article: Article | undefined; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [items, setItems] = useState<ArticleAttachment[]>(article?.attachments ?? []);
  const [uploading, setUploading] = useState(false);
  const [removing, setRemoving] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => setItems(article?.attachments ?? []), [article?.attachments]);

  if (!article) {
    return editable ? <Card size="small" title={t('knowledge.editor.attachments.title')} style={{ marginTop: 16 }}><Typography.Text type="secondary" data-testid="attachments-save-first">{t('knowledge.editor.attachments.saveFirst')}</Typography.Text></Card> : null;
  }
  const id = article.id;
  if (!editable && items.length === 0) return null;

  async function upload(files: FileList | null) {
    for (const file of [...(files ?? [])]) {
      if (articleImageTypes.includes(file.type)) {
        message.warning(t('knowledge.editor.attachments.isImage', { name: file.name }));
        continue;
      }
      setUploading(true);
      try {
        const added = await knowledgeApi.uploadFile(id, file, 'attachment');
        // The server sniffs the type from the bytes: an image sent as something else is not an attachment.
        if (added.image) message.warning(t('knowledge.editor.attachments.isImage', { name: file.name }));
        else {
          setItems((list) => [...list, added]);
          message.success(t('knowledge.editor.attachments.added', { name: added.filename }));
        }
      } catch (error) {
        message.error(t('knowledge.editor.attachments.failed', { name: file.name, reason: uploadErrorText(error, t) }));
      } finally {
        setUploading(false);
      }
    }
  }

  async function remove(item: ArticleAttachment) {
    setRemoving(item.id);
    try {
      await knowledgeApi.removeFile(id, item.id);
      setItems((list) => list.filter((x) => x.id !== item.id));
      message.success(t('knowledge.editor.attachments.removed', { name: item.filename }));
    } catch (error) {
      message.error(uploadErrorText(error, t));
    } finally {
      setRemoving(null);
    }
  }

  return (
    <Card
      size="small"
      title={t('knowledge.editor.attachments.title')}
      style={{ marginTop: 16 }}
      data-testid="article-attachments"
      extra={editable && (
        <Space>
          {uploading && <Typography.Text type="secondary" role="status">{t('knowledge.editor.attachments.uploading')}</Typography.Text>}
          <Button size="small" icon={<UploadOutlined />} loading={uploading} onClick={() => fileInput.current?.click()} data-testid="attachment-upload">{t('knowledge.editor.attachments.upload')}</Button>
          <input ref={fileInput} type="file" style={{ display: 'none' }} multiple data-testid="attachment-input" onChange={(e) => { void upload(e.target.files); e.target.value = ''; }} />
        </Space>
      )}
    >
      {editable && <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('knowledge.editor.attachments.hint')}</Typography.Paragraph>}
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: t('knowledge.editor.attachments.empty') }}
        renderItem={(item) => (
          <List.Item
            actions={editable ? [
              <Popconfirm key="remove" title={t('knowledge.editor.attachments.removeConfirm', { name: item.filename })} onConfirm={() => remove(item)}>
                <Button size="small" type="text" danger icon={<DeleteOutlined />} loading={removing === item.id} aria-label={`${t('knowledge.editor.attachments.remove')} ${item.filename}`}>{t('knowledge.editor.attachments.remove')}</Button>
              </Popconfirm>,
            ] : []}
          >
            <Space>
              <PaperClipOutlined />
              <a href={item.url} download={item.filename} aria-label={t('knowledge.editor.attachments.download', { name: item.filename })}>{item.filename}</a>
              <Typography.Text type="secondary">{formatFileSize(item.size)}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
