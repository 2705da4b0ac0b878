import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';

export type Notification = components['schemas']['Notification'];

/** The bell polls: an open app hears of a new notification within this long. */
export const POLL_MS = 20_000;

export const notificationQueries = {
  all: ['notifications'] as const,
  unread: () =>
    queryOptions({
      queryKey: [...notificationQueries.all, 'unread-count'],
      queryFn: () => unwrap(api.GET('/api/v1/notifications/unread-count')),
      refetchInterval: POLL_MS,
      refetchIntervalInBackground: false,
    }),
  list: (page: number) =>
    queryOptions({
      queryKey: [...notificationQueries.all, 'list', { page }],
      queryFn: () => unwrap(api.GET('/api/v1/notifications', { params: { query: { page, size: 10 } } })),
      placeholderData: keepPreviousData,
    }),
};

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationQueries.all }),
  });
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/notifications/read-all')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationQueries.all }),
  });
}

/** Where a notification leads: its complaint, its lead, else its customer, else the day's list. */
export function targetOf(notification: Notification): string {
  if (notification.complaintId) return `/complaints/${notification.complaintId}`;
  if (notification.leadId) return `/leads?lead=${notification.leadId}`;
  if (notification.contactId) return `/contacts/${notification.contactId}`;
  return '/today';
}
