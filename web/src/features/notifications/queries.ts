import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client.ts';
import type { components } from '../../shared/api/schema';
import { notificationKeys } from './keys.ts';

export type Notification = components['schemas']['Notification'];
export type NotificationPreferences = components['schemas']['NotificationPreferences'];
export type NotificationKind = Notification['kind'];

const pageSize = 20;

/** The inbox, newest first, a page at a time (load more follows `nextCursor`). */
export function useNotifications(unread: boolean, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: notificationKeys.list(unread),
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/notifications', { params: { query: { unread: unread ? '1' : undefined, limit: pageSize, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The bell's count: one row read (limit 1) answers it. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread(),
    queryFn: async () => (await unwrap(api.GET('/api/v1/notifications', { params: { query: { unread: '1', limit: 1 } } }))).unreadCount,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return async (id: string) => {
    try {
      await unwrap(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } }));
    } finally {
      await queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    }
  };
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return async () => {
    try {
      await unwrap(api.POST('/api/v1/notifications/read-all'));
    } finally {
      await queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    }
  };
}

export function useNotificationPreferences() {
  return useQuery({ queryKey: notificationKeys.preferences(), queryFn: () => unwrap(api.GET('/api/v1/me/notification-preferences')) });
}

export function useSaveNotificationPreferences() {
  const queryClient = useQueryClient();
  return async (current: NotificationPreferences, next: Omit<NotificationPreferences, 'version' | 'available'>) => {
    try {
      return await unwrap(api.PUT('/api/v1/me/notification-preferences', { params: { header: { 'if-match': `"${current.version}"` } }, body: next }));
    } finally {
      await queryClient.invalidateQueries({ queryKey: notificationKeys.preferences() });
    }
  };
}
