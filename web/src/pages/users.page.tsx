/**
 * Pengguna: the region's accounts with search, role and status filters, sorting and pages; creating,
 * editing, resetting a password, and deactivating (after confirmation) for those allowed.
 */
import { ActionIcon, Badge, Button, Group, Menu, Modal, Paper, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconDots, IconKey, IconPencil, IconPlus, IconSearch, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { setUserActive, type User, userListQueryOptions, usersKey } from '../api/users.api.ts';
import { ConfirmDialog } from '../components/confirm-dialog.tsx';
import { DebouncedInput } from '../components/debounced-input.tsx';
import { ListEmpty } from '../components/list-empty.tsx';
import { NoAccess } from '../components/no-access.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { QueryError } from '../components/query-error.tsx';
import { SortableTh } from '../components/sortable-th.tsx';
import { TablePager } from '../components/table-pager.tsx';
import { TableSkeleton } from '../components/table-skeleton.tsx';
import { useErrorText } from '../components/use-error-text.ts';
import { useListParams } from '../components/use-list-params.ts';
import { ResetPasswordForm } from '../features/users/reset-password-form.tsx';
import { isRole, REGIONAL_ROLES } from '../features/users/roles.ts';
import { UserForm } from '../features/users/user-form.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useRegion } from '../session/region.tsx';
import { useSignedInUser } from '../session/session.tsx';

const SORTS = ['username', 'displayName', 'role', 'createdAt', 'lastLoginAt'] as const;
const FILTERS = ['q', 'role', 'status'] as const;
const STATUSES = ['all', 'active', 'inactive'] as const;
type Status = (typeof STATUSES)[number];

type Dialog = { type: 'create' } | { type: 'edit'; user: User } | { type: 'password'; user: User } | null;

function StatusBadge({ user }: { user: User }) {
  const { t } = useI18n();
  if (!user.isActive) {
    return (
      <Badge color="gray" variant="light">
        {t('users.status.inactive')}
      </Badge>
    );
  }
  if (user.isLocked) {
    return (
      <Badge color="orange" variant="light">
        {t('users.status.locked')}
      </Badge>
    );
  }
  return (
    <Badge color="green" variant="light">
      {t('users.status.active')}
    </Badge>
  );
}

export function UsersPage() {
  const { t, formatDateTime } = useI18n();
  const errorText = useErrorText();
  const me = useSignedInUser();
  const { regionCode, region, can } = useRegion();
  const queryClient = useQueryClient();
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const list = useListParams({ sorts: SORTS, defaultSort: 'username', filters: FILTERS });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [toDeactivate, setToDeactivate] = useState<User | null>(null);
  const [isConfirmOpen, setConfirmOpen] = useState(false);

  const role = isRole(list.filters.role) ? list.filters.role : undefined;
  const status: Status = STATUSES.find((s) => s === list.filters.status) ?? 'all';
  const query = useQuery({
    ...userListQueryOptions(regionCode, {
      page: list.page,
      pageSize: list.pageSize,
      q: list.filters.q.trim() || undefined,
      role,
      status,
      sort: list.sort,
      order: list.order,
    }),
    enabled: can('users.read'),
  });

  const activation = useMutation({
    mutationFn: ({ user, isActive }: { user: User; isActive: boolean }) => setUserActive(regionCode, user.id, { isActive, version: user.version }),
    onSuccess: async (saved) => {
      notifications.show({ color: 'green', message: t(saved.isActive ? 'users.activated' : 'users.deactivated', { username: saved.username }) });
      setConfirmOpen(false);
      await queryClient.invalidateQueries({ queryKey: usersKey(regionCode) });
    },
    onError: (error, { isActive }) => {
      // Deactivation shows its error in the dialog; activation has none, so it uses a notification.
      if (isActive) notifications.show({ color: 'red', message: errorText(error) });
    },
  });

  const total = query.data?.total ?? 0;
  const lastPage = Math.max(1, Math.ceil(total / list.pageSize));
  const { setPage } = list;
  useEffect(() => {
    if (query.data && list.page > lastPage) setPage(lastPage);
  }, [query.data, list.page, lastPage, setPage]);

  if (!can('users.read')) return <NoAccess />;
  const canWrite = can('users.write');

  const open = (next: Dialog) => {
    setDialog(next);
    setDialogOpen(true);
  };
  const closeDialog = () => setDialogOpen(false);
  const dialogTitle =
    dialog?.type === 'password'
      ? t('resetPassword.title', { username: dialog.user.username })
      : dialog?.type === 'edit'
        ? t('userForm.editTitle', { username: dialog.user.username })
        : t('userForm.createTitle');
  const sortProps = { sort: list.sort, order: list.order, onSort: list.toggleSort };
  const items = query.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description', { region: region?.name ?? regionCode })}
        actions={
          canWrite ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => open({ type: 'create' })}>
              {t('users.add')}
            </Button>
          ) : null
        }
      />
      <Paper withBorder radius="md" p="md">
        <Group gap="sm" mb="md" align="flex-end">
          <DebouncedInput
            label={t('users.searchLabel')}
            placeholder={t('users.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={list.filters.q}
            onCommit={(v) => list.setFilter('q', v)}
            type="search"
            style={{ flex: '1 1 240px' }}
          />
          <Select
            label={t('users.roleFilter')}
            placeholder={t('users.roleFilterAll')}
            clearable
            data={REGIONAL_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            value={role ?? null}
            onChange={(v) => list.setFilter('role', v ?? '')}
            style={{ flex: '0 1 200px' }}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="status-filter-label">
              {t('users.statusFilter')}
            </Text>
            <SegmentedControl
              aria-labelledby="status-filter-label"
              value={status}
              onChange={(v) => list.setFilter('status', v === 'all' ? '' : v)}
              data={STATUSES.map((s) => ({ value: s, label: t(`users.status.${s}`) }))}
            />
          </Stack>
          {list.hasFilters ? (
            <Button variant="subtle" onClick={list.clearFilters}>
              {t('common.clearFilters')}
            </Button>
          ) : null}
        </Group>

        {query.isError ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : query.isPending ? (
          <TableSkeleton />
        ) : items.length === 0 ? (
          list.hasFilters ? (
            <ListEmpty kind="no-match" title={t('list.noMatch.title')} description={t('list.noMatch.text')} />
          ) : (
            <ListEmpty kind="empty" title={t('users.empty.title')} description={t('users.empty.text')} />
          )
        ) : (
          <>
            <Table.ScrollContainer minWidth={860}>
              <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('users.title')} aria-busy={query.isFetching}>
                <Table.Thead>
                  <Table.Tr>
                    <SortableTh column="username" label={t('users.col.username')} {...sortProps} />
                    <SortableTh column="displayName" label={t('users.col.displayName')} {...sortProps} />
                    <SortableTh column="role" label={t('users.col.role')} {...sortProps} />
                    <Table.Th>{t('users.col.unit')}</Table.Th>
                    <Table.Th>{t('users.col.status')}</Table.Th>
                    <SortableTh column="lastLoginAt" label={t('users.col.lastLogin')} {...sortProps} />
                    {canWrite ? <Table.Th ta="end">{t('common.actions')}</Table.Th> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((u) => {
                    const isSelf = u.id === me.user.id;
                    return (
                      <Table.Tr key={u.id}>
                        <Table.Td>
                          <Text size="sm" fw={500} ff="monospace">
                            {u.username}
                          </Text>
                          {isSelf ? (
                            <Badge size="xs" variant="outline" ml={6}>
                              {t('users.you')}
                            </Badge>
                          ) : null}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{u.displayName}</Text>
                          {u.email ? (
                            <Text size="xs" c="dimmed">
                              {u.email}
                            </Text>
                          ) : null}
                        </Table.Td>
                        <Table.Td>{t(`role.${u.role}`)}</Table.Td>
                        <Table.Td>{u.unitName ?? '—'}</Table.Td>
                        <Table.Td>
                          <StatusBadge user={u} />
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {u.lastLoginAt ? formatDateTime(u.lastLoginAt) : t('users.neverLoggedIn')}
                        </Table.Td>
                        {canWrite ? (
                          <Table.Td ta="end">
                            <Menu position="bottom-end" withinPortal>
                              <Menu.Target>
                                <ActionIcon variant="subtle" aria-label={t('users.actionsLabel', { username: u.username })}>
                                  <IconDots size={18} aria-hidden />
                                </ActionIcon>
                              </Menu.Target>
                              <Menu.Dropdown>
                                <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => open({ type: 'edit', user: u })}>
                                  {t('users.edit')}
                                </Menu.Item>
                                <Menu.Item leftSection={<IconKey size={16} aria-hidden />} onClick={() => open({ type: 'password', user: u })}>
                                  {t('users.resetPassword')}
                                </Menu.Item>
                                {u.isActive ? (
                                  <Menu.Item
                                    color="red"
                                    disabled={isSelf}
                                    leftSection={<IconUserOff size={16} aria-hidden />}
                                    onClick={() => {
                                      activation.reset();
                                      setToDeactivate(u);
                                      setConfirmOpen(true);
                                    }}
                                  >
                                    {t('users.deactivate')}
                                  </Menu.Item>
                                ) : (
                                  <Menu.Item
                                    leftSection={<IconUserCheck size={16} aria-hidden />}
                                    onClick={() => activation.mutate({ user: u, isActive: true })}
                                  >
                                    {t('users.activate')}
                                  </Menu.Item>
                                )}
                              </Menu.Dropdown>
                            </Menu>
                          </Table.Td>
                        ) : null}
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <TablePager page={list.page} pageSize={list.pageSize} total={total} onPage={list.setPage} onPageSize={list.setPageSize} />
          </>
        )}
      </Paper>

      <Modal opened={dialogOpen} onClose={closeDialog} title={dialogTitle} size="lg" fullScreen={isMobile}>
        {dialog?.type === 'password' ? (
          <ResetPasswordForm regionCode={regionCode} user={dialog.user} onDone={closeDialog} />
        ) : dialog ? (
          <UserForm
            key={dialog.type === 'edit' ? dialog.user.id : 'new'}
            regionCode={regionCode}
            user={dialog.type === 'edit' ? dialog.user : null}
            onDone={closeDialog}
          />
        ) : null}
      </Modal>

      <ConfirmDialog
        opened={isConfirmOpen}
        title={t('users.deactivate.title')}
        message={toDeactivate ? t('users.deactivate.text', { name: toDeactivate.displayName, username: toDeactivate.username }) : ''}
        confirmLabel={t('users.deactivate')}
        isPending={activation.isPending}
        error={activation.error}
        onConfirm={() => toDeactivate && activation.mutate({ user: toDeactivate, isActive: false })}
        onClose={() => setConfirmOpen(false)}
      />
    </>
  );
}
