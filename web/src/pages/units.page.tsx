/**
 * Perangkat Daerah: the region's units with search, a kind filter, sorting by column, pages; adding,
 * editing and deleting (with confirmation) for those allowed; XLSX export and import.
 */
import { ActionIcon, Badge, Button, Group, Modal, Paper, Select, Table, Text, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconDownload, IconPencil, IconPlus, IconSearch, IconTrash, IconUpload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { deleteUnit, type Unit, unitExportUrl, unitListQueryOptions, unitsKey } from '../api/units.api.ts';
import { ConfirmDialog } from '../components/confirm-dialog.tsx';
import { DebouncedInput } from '../components/debounced-input.tsx';
import { ListEmpty } from '../components/list-empty.tsx';
import { NoAccess } from '../components/no-access.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { QueryError } from '../components/query-error.tsx';
import { SortableTh } from '../components/sortable-th.tsx';
import { TablePager } from '../components/table-pager.tsx';
import { TableSkeleton } from '../components/table-skeleton.tsx';
import { useListParams } from '../components/use-list-params.ts';
import { isUnitKind, UNIT_KIND_LABELS, UNIT_KINDS } from '../components/unit-kind.ts';
import { UnitForm } from '../features/units/unit-form.tsx';
import { UnitImport } from '../features/units/unit-import.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useRegion } from '../session/region.tsx';

const SORTS = ['name', 'shortName', 'kind', 'updatedAt'] as const;
const FILTERS = ['q', 'kind'] as const;

type Dialog = { type: 'create' } | { type: 'edit'; unit: Unit } | { type: 'import' } | null;

export function UnitsPage() {
  const { t, pick, formatDateTime, formatNumber } = useI18n();
  const { regionCode, region, can } = useRegion();
  const queryClient = useQueryClient();
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const list = useListParams({ sorts: SORTS, defaultSort: 'name', filters: FILTERS });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [toDelete, setToDelete] = useState<Unit | null>(null);
  const [isConfirmOpen, setConfirmOpen] = useState(false);

  const kind = isUnitKind(list.filters.kind) ? list.filters.kind : undefined;
  const query = useQuery({
    ...unitListQueryOptions(regionCode, {
      page: list.page,
      pageSize: list.pageSize,
      q: list.filters.q.trim() || undefined,
      kind,
      sort: list.sort,
      order: list.order,
    }),
    enabled: can('units.read'),
  });

  const remove = useMutation({
    mutationFn: (unit: Unit) => deleteUnit(regionCode, unit.id),
    onSuccess: async (_ok, unit) => {
      notifications.show({ color: 'green', message: t('units.deleted', { name: unit.name }) });
      setConfirmOpen(false);
      await queryClient.invalidateQueries({ queryKey: unitsKey(regionCode) });
      await queryClient.invalidateQueries({ queryKey: ['regions', regionCode, 'detail'] });
    },
  });

  // A page past the end (after a delete, or an old link) moves back to the last page.
  const total = query.data?.total ?? 0;
  const lastPage = Math.max(1, Math.ceil(total / list.pageSize));
  const { setPage } = list;
  useEffect(() => {
    if (query.data && list.page > lastPage) setPage(lastPage);
  }, [query.data, list.page, lastPage, setPage]);

  if (!can('units.read')) return <NoAccess />;
  const canWrite = can('units.write');

  const open = (next: Dialog) => {
    setDialog(next);
    setDialogOpen(true);
  };
  const closeDialog = () => setDialogOpen(false);
  const dialogTitle = dialog?.type === 'import' ? t('import.title') : dialog?.type === 'edit' ? t('unitForm.editTitle') : t('unitForm.createTitle');

  const items = query.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('units.title')}
        description={t('units.description', { region: region?.name ?? regionCode })}
        actions={
          <>
            <Button component="a" href={unitExportUrl(regionCode)} download variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
              {t('units.export')}
            </Button>
            {canWrite ? (
              <>
                <Button variant="default" leftSection={<IconUpload size={16} aria-hidden />} onClick={() => open({ type: 'import' })}>
                  {t('units.import')}
                </Button>
                <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => open({ type: 'create' })}>
                  {t('units.add')}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <Paper withBorder radius="md" p="md">
        <Group gap="sm" mb="md" align="flex-end">
          <DebouncedInput
            label={t('units.searchLabel')}
            placeholder={t('units.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={list.filters.q}
            onCommit={(v) => list.setFilter('q', v)}
            type="search"
            style={{ flex: '1 1 240px' }}
          />
          <Select
            label={t('units.kindFilter')}
            placeholder={t('units.kindFilterAll')}
            clearable
            data={UNIT_KINDS.map((k) => ({ value: k, label: pick(UNIT_KIND_LABELS[k]) }))}
            value={kind ?? null}
            onChange={(v) => list.setFilter('kind', v ?? '')}
            style={{ flex: '0 1 220px' }}
          />
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
            <ListEmpty
              kind="empty"
              title={t('units.empty.title')}
              description={t(canWrite ? 'units.empty.text' : 'units.empty.readOnly')}
              actions={
                canWrite ? (
                  <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => open({ type: 'create' })}>
                    {t('units.add')}
                  </Button>
                ) : null
              }
            />
          )
        ) : (
          <>
            <Table.ScrollContainer minWidth={880}>
              <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('units.title')} aria-busy={query.isFetching}>
                <Table.Thead>
                  <Table.Tr>
                    <SortableTh column="name" label={t('units.col.name')} sort={list.sort} order={list.order} onSort={list.toggleSort} />
                    <SortableTh column="shortName" label={t('units.col.shortName')} sort={list.sort} order={list.order} onSort={list.toggleSort} />
                    <SortableTh column="kind" label={t('units.col.kind')} sort={list.sort} order={list.order} onSort={list.toggleSort} />
                    <Table.Th>{t('units.col.parent')}</Table.Th>
                    <Table.Th ta="end">{t('units.col.users')}</Table.Th>
                    <SortableTh column="updatedAt" label={t('units.col.updatedAt')} sort={list.sort} order={list.order} onSort={list.toggleSort} />
                    {canWrite ? <Table.Th ta="end">{t('common.actions')}</Table.Th> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((u) => (
                    <Table.Tr key={u.id}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {u.name}
                        </Text>
                        {u.headName ? (
                          <Text size="xs" c="dimmed">
                            {t('units.headedBy', { name: u.headName })}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>{u.shortName ?? '—'}</Table.Td>
                      <Table.Td>
                        <Badge
                          variant="light"
                          color={u.kind === 'kecamatan' || u.kind === 'kelurahan' ? 'teal' : u.parentId ? 'grape' : 'blue'}
                          radius="sm"
                        >
                          {pick(UNIT_KIND_LABELS[u.kind])}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{u.parentName ?? '—'}</Table.Td>
                      <Table.Td ta="end">{formatNumber(u.userCount)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(u.updatedAt)}</Table.Td>
                      {canWrite ? (
                        <Table.Td>
                          <Group gap={4} justify="flex-end" wrap="nowrap">
                            <Tooltip label={t('common.edit')}>
                              <ActionIcon
                                variant="subtle"
                                aria-label={t('units.editLabel', { name: u.name })}
                                onClick={() => open({ type: 'edit', unit: u })}
                              >
                                <IconPencil size={18} aria-hidden />
                              </ActionIcon>
                            </Tooltip>
                            <Tooltip label={t('common.delete')}>
                              <ActionIcon
                                variant="subtle"
                                color="red"
                                aria-label={t('units.deleteLabel', { name: u.name })}
                                onClick={() => {
                                  remove.reset();
                                  setToDelete(u);
                                  setConfirmOpen(true);
                                }}
                              >
                                <IconTrash size={18} aria-hidden />
                              </ActionIcon>
                            </Tooltip>
                          </Group>
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <TablePager page={list.page} pageSize={list.pageSize} total={total} onPage={list.setPage} onPageSize={list.setPageSize} />
          </>
        )}
      </Paper>

      <Modal opened={dialogOpen} onClose={closeDialog} title={dialogTitle} size={dialog?.type === 'import' ? 'xl' : 'lg'} fullScreen={isMobile}>
        {dialog?.type === 'import' ? (
          <UnitImport regionCode={regionCode} onDone={closeDialog} />
        ) : dialog ? (
          <UnitForm
            key={dialog.type === 'edit' ? dialog.unit.id : 'new'}
            regionCode={regionCode}
            unit={dialog.type === 'edit' ? dialog.unit : null}
            onDone={closeDialog}
          />
        ) : null}
      </Modal>

      <ConfirmDialog
        opened={isConfirmOpen}
        title={t('units.delete.title')}
        message={toDelete ? t('units.delete.text', { name: toDelete.name }) : ''}
        confirmLabel={t('common.delete')}
        isPending={remove.isPending}
        error={remove.error}
        onConfirm={() => toDelete && remove.mutate(toDelete)}
        onClose={() => setConfirmOpen(false)}
      />
    </>
  );
}
