/**
 * Notifikasi: the signed-in user's notifications, unread first then newest, a page at a time; each opens
 * its object (and is marked read on the way), one or all can be marked read. Only the user's own.
 */
import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Stack, Text, UnstyledButton } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { IconCheck, IconChecks } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { markAllNotificationsRead, markNotificationRead, type NotificationItem, notificationListQueryOptions } from '../api/notifications.api.ts';
import { FormErrorAlert } from '../components/form-error-alert.tsx';
import { ListEmpty } from '../components/list-empty.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { QueryError } from '../components/query-error.tsx';
import { TablePager } from '../components/table-pager.tsx';
import { TableSkeleton } from '../components/table-skeleton.tsx';
import { useI18n } from '../i18n/i18n.tsx';

function NotificationRow({ item, onRead, onOpen }: { item: NotificationItem; onRead: () => void; onOpen: () => void }) {
  const { t, formatDateTime } = useI18n();
  return (
    <Paper
      component="li"
      withBorder
      radius="md"
      p="md"
      style={{ listStyle: 'none', borderLeft: item.isRead ? undefined : '4px solid var(--mantine-color-blue-6)' }}
      bg={item.isRead ? undefined : 'var(--mantine-color-blue-0)'}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="xs" wrap="wrap">
            {!item.isRead ? (
              <Badge size="sm" color="blue" variant="filled">
                {t('notifications.unread')}
              </Badge>
            ) : null}
            <Text size="xs" c="dimmed" component="time" dateTime={item.createdAt}>
              {formatDateTime(item.createdAt)}
            </Text>
          </Group>
          {!item.isRead ? (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconCheck size={14} aria-hidden />}
              onClick={onRead}
              aria-label={t('notifications.markReadOf', { title: item.title })}
              style={{ flexShrink: 0 }}
            >
              {t('notifications.markRead')}
            </Button>
          ) : null}
        </Group>
        <UnstyledButton onClick={onOpen} style={{ textAlign: 'left' }}>
          <Text fw={item.isRead ? 500 : 700} c="blue.9" td="underline" style={{ wordBreak: 'break-word' }}>
            {item.title}
          </Text>
        </UnstyledButton>
        <Text size="sm" style={{ wordBreak: 'break-word' }}>
          {item.body}
        </Text>
      </Stack>
    </Paper>
  );
}

export function NotificationsPage() {
  const { t, formatNumber } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const query = useQuery(notificationListQueryOptions({ page, pageSize, filter }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['me', 'notifications'] });
  const markOne = useMutation({ mutationFn: markNotificationRead, onSuccess: refresh });
  const markAll = useMutation({
    mutationFn: markAllNotificationsRead,
    onSuccess: async () => {
      await refresh();
      toasts.show({ color: 'green', message: t('notifications.markedAll') });
    },
  });
  const unread = query.data?.unread ?? 0;

  const open = async (item: NotificationItem) => {
    if (!item.isRead) await markOne.mutateAsync(item.id).catch(() => undefined);
    void navigate(item.link);
  };

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        description={t('notifications.description')}
        actions={
          <Button
            variant="light"
            leftSection={<IconChecks size={16} aria-hidden />}
            disabled={unread === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate()}
          >
            {t('notifications.markAll')}
          </Button>
        }
      />
      <Group justify="space-between" mb="md" gap="sm">
        <SegmentedControl
          aria-label={t('notifications.filter')}
          value={filter}
          onChange={(v) => {
            setFilter(v === 'unread' ? 'unread' : 'all');
            setPage(1);
          }}
          data={[
            { value: 'all', label: t('notifications.filter.all') },
            { value: 'unread', label: t('notifications.filter.unread') },
          ]}
        />
        <Group gap="md">
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('notifications.unreadCount', { n: formatNumber(unread) })}
          </Text>
          <Anchor component={Link} to="/akun#notifikasi" size="sm">
            {t('notifications.settingsLink')}
          </Anchor>
        </Group>
      </Group>
      <FormErrorAlert error={markOne.error ?? markAll.error} />
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isPending ? <TableSkeleton /> : null}
      {query.data && query.data.items.length === 0 ? (
        filter === 'unread' ? (
          <ListEmpty kind="no-match" title={t('notifications.emptyUnread.title')} description={t('notifications.emptyUnread.text')} />
        ) : (
          <ListEmpty kind="empty" title={t('notifications.empty.title')} description={t('notifications.empty.text')} />
        )
      ) : null}
      {query.data && query.data.items.length > 0 ? (
        <>
          <Stack component="ul" gap="sm" p={0} m={0} aria-label={t('notifications.listLabel')}>
            {query.data.items.map((item) => (
              <NotificationRow key={item.id} item={item} onRead={() => markOne.mutate(item.id)} onOpen={() => void open(item)} />
            ))}
          </Stack>
          <TablePager
            page={page}
            pageSize={pageSize}
            total={query.data.total}
            onPage={setPage}
            onPageSize={(n) => {
              setPageSize(n);
              setPage(1);
            }}
          />
        </>
      ) : null}
    </>
  );
}
