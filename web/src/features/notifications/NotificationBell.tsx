import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Drawer, List, Segmented, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeError } from '../../shared/ui/describe-error.ts';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states.tsx';
import { useMarkAllRead, useMarkRead, useNotifications, useUnreadCount, type Notification } from './queries.ts';

/**
 * The header's bell: the unread count (kept live by the stream's `notification` events, see
 * use-live-updates.ts) and a drawer with the inbox — unread or all, mark read, mark all, open the
 * ticket, load more.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  return (
    <>
      <Badge count={count} size="small" offset={[-4, 4]}>
        <Button type="text" icon={<BellOutlined />} aria-label={t('notifications.bellLabel', { count })} data-testid="notification-bell" onClick={() => setOpen(true)} />
      </Badge>
      <Drawer title={t('notifications.title')} open={open} onClose={() => setOpen(false)} size={420} destroyOnHidden>
        <NotificationList onNavigate={() => setOpen(false)} />
      </Drawer>
    </>
  );
}

function NotificationList({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [unreadOnly, setUnreadOnly] = useState(true);
  const list = useNotifications(unreadOnly, true);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const unreadCount = list.data?.pages[0]?.unreadCount ?? 0;

  const act = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      message.error(describeError(error, t).message);
    }
  };
  const open = (item: Notification) =>
    act(async () => {
      if (!item.readAt) await markRead(item.id);
      if (item.ticketId) {
        onNavigate();
        navigate(`/tickets/${item.ticketId}`);
      }
    });

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Segmented
          size="small"
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(value) => setUnreadOnly(value === 'unread')}
          options={[
            { value: 'unread', label: t('notifications.unreadOnly') },
            { value: 'all', label: t('notifications.all') },
          ]}
        />
        <Space size={4}>
          <Button size="small" disabled={unreadCount === 0} onClick={() => act(markAll)} data-testid="notifications-read-all">{t('notifications.markAllRead')}</Button>
          <Button
            size="small"
            type="link"
            onClick={() => {
              onNavigate();
              navigate('/profile/notifications');
            }}
          >
            {t('notifications.preferencesLink')}
          </Button>
        </Space>
      </Space>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : !list.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <EmptyState title={unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')} hint={t('notifications.emptyHint')} />
      ) : (
        <List
          dataSource={items}
          data-testid="notification-list"
          renderItem={(item) => (
            <List.Item
              key={item.id}
              style={{ cursor: item.ticketId ? 'pointer' : 'default', background: item.readAt ? undefined : '#f0f7ff', paddingInline: 8 }}
              onClick={() => void open(item)}
              actions={item.readAt ? [] : [<Button key="read" size="small" type="link" onClick={(event) => { event.stopPropagation(); void act(() => markRead(item.id)); }}>{t('notifications.markRead')}</Button>]}
            >
              <List.Item.Meta
                title={<Typography.Text strong={!item.readAt}>{item.title}</Typography.Text>}
                description={<span>{t(`notifications.kind.${item.kind}`)} · {dayjs(item.createdAt).format('YYYY-MM-DD HH:mm')}</span>}
              />
            </List.Item>
          )}
        />
      )}
      {list.hasNextPage ? (
        <Button block loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>{t('app.loadMore')}</Button>
      ) : items.length > 0 ? (
        <Typography.Text type="secondary">{t('app.allLoaded')}</Typography.Text>
      ) : null}
    </Space>
  );
}
