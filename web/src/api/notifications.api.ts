/** The signed-in user's own notifications and notification preferences. */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { notificationList, notificationPreferences, notificationPreferencesInput, unreadCount } from '#shared/api/notifications.ts';
import { okBody } from '#shared/api/common.ts';
import { apiPath, getJson, sendEmpty, sendJson } from './http.ts';

export type { NotificationItem, NotificationPreferences } from '#shared/api/notifications.ts';

const BASE = apiPath('me', 'notifications');

/** The bell asks again every minute, and when the window comes back into view. */
export const unreadCountQueryOptions = () =>
  queryOptions({
    queryKey: ['me', 'notifications', 'unread'],
    queryFn: () => getJson(`${BASE}/unread-count`, unreadCount),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });

export const notificationListQueryOptions = (params: { page: number; pageSize: number; filter: 'all' | 'unread' }) =>
  queryOptions({
    queryKey: ['me', 'notifications', 'list', params],
    queryFn: () => getJson(BASE, notificationList, params),
    placeholderData: keepPreviousData,
  });

export const notificationPreferencesQueryOptions = () =>
  queryOptions({ queryKey: ['me', 'notifications', 'preferences'], queryFn: () => getJson(`${BASE}/preferences`, notificationPreferences) });

export function markNotificationRead(id: string) {
  return sendEmpty('POST', `${BASE}/${encodeURIComponent(id)}/read`, okBody);
}

export function markAllNotificationsRead() {
  return sendEmpty('POST', `${BASE}/read-all`, z.object({ ok: z.literal(true), marked: z.number().int() }));
}

export function saveNotificationPreferences(input: z.input<typeof notificationPreferencesInput>) {
  return sendJson('PUT', `${BASE}/preferences`, notificationPreferencesInput, input, notificationPreferences);
}
