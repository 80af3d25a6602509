/**
 * The bell in the header: the number of unread notifications, asked every minute and whenever the
 * window comes back into view; it opens the notification centre. Its accessible name carries the
 * count ("Notifikasi, 3 belum dibaca"), so a screen reader hears what a sighted user sees.
 */
import { ActionIcon, Indicator } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { unreadCountQueryOptions } from '../../api/notifications.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function NotificationBell() {
  const { t, formatNumber } = useI18n();
  const { data } = useQuery(unreadCountQueryOptions());
  const unread = data?.unread ?? 0;
  const label = unread > 0 ? t('notifications.bell', { n: formatNumber(unread) }) : t('notifications.bellNone');
  return (
    <Indicator label={unread > 99 ? '99+' : formatNumber(unread)} size={18} color="red" disabled={unread === 0} offset={4} aria-hidden={false}>
      <ActionIcon component={Link} to="/notifikasi" variant="subtle" color="gray" size="lg" aria-label={label} title={label}>
        <IconBell size={22} stroke={1.6} aria-hidden />
      </ActionIcon>
    </Indicator>
  );
}
