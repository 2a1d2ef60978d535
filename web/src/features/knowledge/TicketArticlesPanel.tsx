import { useQuery } from '@tanstack/react-query';
import { Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../app/session.ts';
import { knowledgeApi } from './knowledge-api.ts';

/** 相关知识 on the ticket page: the top 5 articles for the ticket's subject and text, with the words they matched. */
export function TicketArticlesPanel({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const suggestions = useQuery({ queryKey: ['knowledge', 'ticket-suggestions', ticketId], queryFn: () => knowledgeApi.ticketSuggestions(ticketId), enabled: can('knowledge.read') });
  if (!can('knowledge.read')) return null;
  return (
    <Card size="small" title={t('knowledge.ticket.suggestions')} style={{ marginTop: 16 }} data-testid="ticket-article-suggestions" loading={suggestions.isPending}>
      <List
        size="small"
        locale={{ emptyText: t('knowledge.ticket.none') }}
        dataSource={suggestions.data?.items ?? []}
        renderItem={(a) => (
          <List.Item>
            <Space direction="vertical" size={2}>
              <Link to={`/knowledge/${a.id}`}>{a.title}</Link>
              <Space size={4} wrap>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('knowledge.ticket.matched', { words: '' })}</Typography.Text>
                {(a.matchedWords ?? []).map((w) => <Tag key={w} style={{ marginInlineEnd: 0 }}>{w}</Tag>)}
              </Space>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
