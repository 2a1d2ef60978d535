import { LockOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError } from '../../shared/ui/describe-error.ts';
import { useChannelName } from '../tickets/ticket-channels.ts';
import { EmptyState } from '../../shared/ui/states.tsx';
import type { CustomerMessage } from './queries.ts';

type Page = { items: CustomerMessage[]; nextCursor: string | null };
type Props = {
  first: Page;
  /** Older messages after `cursor`; absent where the API offers no paging (organisations). */
  loadOlder?: (cursor: string) => Promise<Page>;
  emptyHint: string;
};

/**
 * Every message the customer exchanged with us across channels, newest first: the channel, the
 * ticket it belongs to, who wrote it, and internal notes marked as the ticket timeline marks them.
 */
export function MessageTimeline({ first, loadOlder, emptyHint }: Props) {
  const { t } = useTranslation();
  const channelNameOf = useChannelName();
  const [older, setOlder] = useState<Page[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const items = [...first.items, ...older.flatMap((p) => p.items)];
  const cursor = older.length ? older[older.length - 1]!.nextCursor : first.nextCursor;
  if (!items.length) return <EmptyState title={t('customers.messages.empty')} hint={emptyHint} />;

  async function more() {
    if (!loadOlder || !cursor) return;
    setLoading(true);
    setError(null);
    try {
      const page = await loadOlder(cursor);
      setOlder((pages) => [...pages, page]);
    } catch (failure) {
      setError(describeError(failure, t).message);
    } finally {
      setLoading(false);
    }
  }

  return (
    <div data-testid="customer-messages">
      <Timeline
        items={items.map((message) => {
          const author = message.author.kind === 'customer' ? t('customers.messages.customer') : message.author.kind === 'agent' ? message.author.name : t('ticket.system');
          return {
            key: message.id,
            color: message.internal ? 'gold' : message.author.kind === 'customer' ? 'green' : 'blue',
            children: (
              <Card
                size="small"
                data-testid={message.internal ? 'customer-message-note' : 'customer-message'}
                style={{ background: message.internal ? '#fffbe6' : undefined, borderColor: message.internal ? '#ffe58f' : undefined }}
                title={
                  <Space size={6} wrap style={{ fontWeight: 'normal' }}>
                    <Typography.Text strong>{author}</Typography.Text>
                    <Tag>{message.channel === 'agent' ? t('customers.messages.consoleChannel') : channelNameOf(message.channel)}</Tag>
                    {message.internal ? (
                      <Tag icon={<LockOutlined />} color="gold">
                        {t('ticket.internal')}
                      </Tag>
                    ) : null}
                    <Link to={`/tickets/${message.ticket.id}`} title={message.ticket.subject}>
                      {message.ticket.number}
                    </Link>
                    <Typography.Text type="secondary" title={dayjs(message.createdAt).format('YYYY-MM-DD HH:mm:ss')}>
                      {dayjs(message.createdAt).format('YYYY-MM-DD HH:mm')}
                    </Typography.Text>
                  </Space>
                }
              >
                {/* Plain text rendered by React: HTML in a message is shown, never executed. */}
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0, wordBreak: 'break-word' }} ellipsis={{ rows: 6, expandable: true, symbol: t('customers.messages.more') }}>
                  {message.body}
                </Typography.Paragraph>
                {message.attachmentCount ? (
                  <Typography.Text type="secondary">
                    <PaperClipOutlined /> {t('customers.messages.attachments', { n: message.attachmentCount })}
                  </Typography.Text>
                ) : null}
              </Card>
            ),
          };
        })}
      />
      {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
      {loadOlder && cursor ? (
        <div style={{ textAlign: 'center' }}>
          <Button onClick={more} loading={loading} data-testid="messages-load-more">
            {t('app.loadMore')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
