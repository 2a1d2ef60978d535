import { useQuery } from '@tanstack/react-query';
import { App, Button, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { knowledgeApi, type Locale } from './knowledge-api.ts';

/** `??words` at the end of what the agent is typing: the knowledge search the composer opens. */
export const articleTrigger = /\?\?([^\n?]{1,60})$/;

/**
 * `??` in the composer (Zammad's shortcut): searches the articles the agent may read — for a public
 * reply only published public articles, so nothing internal reaches a customer — and replaces the
 * `??words` with the article's link or its text; the ticket records the article as used.
 */
export function ComposerArticleSearch({ ticketId, body, internal, onInsert }: { ticketId: string; body: string; internal: boolean; onInsert: (next: string) => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const q = articleTrigger.exec(body)?.[1]?.trim() ?? '';
  const found = useQuery({ queryKey: ['knowledge', 'composer', q, internal], queryFn: () => knowledgeApi.search({ q, for: internal ? 'note' : 'reply', status: 'published', limit: '5' }), enabled: q.length > 0 });
  if (!q) return null;
  async function insert(articleId: string, locale: Locale, mode: 'link' | 'content') {
    try {
      const used = await knowledgeApi.useInTicket(ticketId, { articleId, locale, mode, into: internal ? 'note' : 'reply' });
      const text = mode === 'link' ? `${used.title}: ${window.location.origin}/help/articles/${used.slug}` : used.bodyText;
      onInsert(body.replace(articleTrigger, text));
      message.success(t('knowledge.ticket.inserted', { title: used.title }));
    } catch (error) {
      message.error((error as Error).message);
    }
  }
  return (
    <div data-testid="composer-article-search" style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 8 }}>
      <Typography.Text type="secondary">{t('knowledge.ticket.search')}</Typography.Text>
      <List
        size="small"
        loading={found.isPending}
        locale={{ emptyText: t('knowledge.ticket.none') }}
        dataSource={found.data?.items ?? []}
        renderItem={(a) => (
          <List.Item
            actions={[
              <Button key="link" size="small" type="link" onClick={() => insert(a.id, a.locale, 'link')} disabled={a.visibility !== 'public'}>{t('knowledge.ticket.insertLink')}</Button>,
              <Button key="content" size="small" type="link" onClick={() => insert(a.id, a.locale, 'content')}>{t('knowledge.ticket.insertContent')}</Button>,
            ]}
          >
            <Space direction="vertical" size={0}>
              <span>{a.title}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.snippet}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </div>
  );
}
