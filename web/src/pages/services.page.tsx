/**
 * Layanan publik: the region's service catalogue with search, filters by unit, channel and state,
 * sorting, pages; adding, editing and deleting (with confirmation) for those allowed; XLSX export,
 * template and import with a dry run; per service the links citizens use (portal, QR poster, kiosk).
 * Operators see and edit their own unit's services only (the server scopes the list). On a phone the
 * rows become cards that keep the name, the unit and the channel in view.
 */
import { Badge, Button, Group, Modal, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPlus, IconSearch, IconUpload } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { importServices, type Service, serviceExportUrl, serviceListQueryOptions, servicesKey, serviceTemplateUrl } from '../api/services.api.ts';
import { CollapsibleFilters } from '../components/collapsible-filters.tsx';
import { DebouncedInput } from '../components/debounced-input.tsx';
import { ListEmpty } from '../components/list-empty.tsx';
import { NoAccess } from '../components/no-access.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { QueryError } from '../components/query-error.tsx';
import { SortableTh } from '../components/sortable-th.tsx';
import { TablePager } from '../components/table-pager.tsx';
import { TableSkeleton } from '../components/table-skeleton.tsx';
import { useListParams } from '../components/use-list-params.ts';
import { XlsxImport } from '../components/xlsx-import.tsx';
import { CHANNEL_COLORS, CHANNEL_LABELS, isIn, SERVICE_CHANNELS } from '../features/layanan/layanan-labels.ts';
import { ServiceActions } from '../features/layanan/service-actions.tsx';
import { ServiceDeleteDialog } from '../features/layanan/service-delete-dialog.tsx';
import { ServiceForm } from '../features/layanan/service-form.tsx';
import { UnitSelect } from '../components/unit-select.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useRegion } from '../session/region.tsx';
import { useSignedInUser } from '../session/session.tsx';

const SORTS = ['name', 'unitName', 'updatedAt'] as const;
const FILTERS = ['q', 'unitId', 'channel', 'active'] as const;
const ACTIVE = ['ya', 'tidak'] as const;

type Dialog = { type: 'create' } | { type: 'edit'; service: Service } | { type: 'import' } | null;

function ChannelBadge({ service }: { service: Service }) {
  const { t } = useI18n();
  return (
    <Badge variant="light" color={CHANNEL_COLORS[service.channel]} radius="sm">
      {t(CHANNEL_LABELS[service.channel])}
    </Badge>
  );
}

function ActiveBadge({ service }: { service: Service }) {
  const { t } = useI18n();
  return (
    <Badge variant={service.isActive ? 'light' : 'outline'} color={service.isActive ? 'green' : 'gray'} radius="sm">
      {t(service.isActive ? 'layanan.active' : 'layanan.inactive')}
    </Badge>
  );
}

export function ServicesPage() {
  const { t } = useI18n();
  const { regionCode, region, can } = useRegion();
  const me = useSignedInUser();
  const queryClient = useQueryClient();
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const list = useListParams({ sorts: SORTS, defaultSort: 'name', filters: FILTERS });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [toDelete, setToDelete] = useState<Service | null>(null);
  const [isDeleteOpen, setDeleteOpen] = useState(false);

  // Operators work for their own unit only: no unit filter, and new services belong to their unit.
  const ownUnit = me.user.role === 'operator' ? me.user.unit : null;
  const f = list.filters;
  const channel = isIn(SERVICE_CHANNELS, f.channel) ? f.channel : undefined;
  const active = isIn(ACTIVE, f.active) ? f.active : undefined;
  const unitId = !ownUnit && f.unitId ? f.unitId : undefined;
  const query = useQuery({
    ...serviceListQueryOptions(regionCode, {
      page: list.page,
      pageSize: list.pageSize,
      q: f.q.trim() || undefined,
      unitId,
      channel,
      active,
      sort: list.sort,
      order: list.order,
    }),
    enabled: can('services.read'),
  });

  // A page past the end (after a delete, or an old link) moves back to the last page.
  const total = query.data?.total ?? 0;
  const lastPage = Math.max(1, Math.ceil(total / list.pageSize));
  const { setPage } = list;
  useEffect(() => {
    if (query.data && list.page > lastPage) setPage(lastPage);
  }, [query.data, list.page, lastPage, setPage]);

  if (!can('services.read')) return <NoAccess />;
  const canWrite = can('services.write');

  const open = (next: Dialog) => {
    setDialog(next);
    setDialogOpen(true);
  };
  const closeDialog = () => setDialogOpen(false);
  const askDelete = (service: Service) => {
    setToDelete(service);
    setDeleteOpen(true);
  };
  const dialogTitle =
    dialog?.type === 'import'
      ? t('layanan.import.title')
      : dialog?.type === 'edit'
        ? t('layanan.form.editTitle', { name: dialog.service.name })
        : t('layanan.form.createTitle');

  const items = query.data?.items ?? [];
  const sortProps = { sort: list.sort, order: list.order, onSort: list.toggleSort };
  const actionsOf = (s: Service) => (
    <ServiceActions
      regionCode={regionCode}
      service={s}
      canWrite={canWrite}
      onEdit={() => open({ type: 'edit', service: s })}
      onDelete={() => askDelete(s)}
    />
  );

  return (
    <>
      <PageHeader
        title={t('layanan.title')}
        description={
          ownUnit ? t('layanan.descriptionUnit', { unit: ownUnit.name }) : t('layanan.description', { region: region?.name ?? regionCode })
        }
        actions={
          <>
            <Button component="a" href={serviceExportUrl(regionCode)} download variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
              {t('layanan.export')}
            </Button>
            {canWrite ? (
              <>
                <Button variant="default" leftSection={<IconUpload size={16} aria-hidden />} onClick={() => open({ type: 'import' })}>
                  {t('layanan.import')}
                </Button>
                <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => open({ type: 'create' })}>
                  {t('layanan.add')}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <Paper withBorder radius="md" p="md">
        <Group gap="sm" mb="md" align="flex-end">
          <DebouncedInput
            label={t('layanan.searchLabel')}
            placeholder={t('layanan.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={f.q}
            onCommit={(v) => list.setFilter('q', v)}
            type="search"
            style={{ flex: '1 1 240px' }}
          />
          <CollapsibleFilters activeCount={[unitId, channel, active].filter(Boolean).length}>
            {ownUnit ? null : (
              <UnitSelect
                regionCode={regionCode}
                label={t('layanan.unitFilter')}
                placeholder={t('common.all')}
                value={unitId ?? null}
                onChange={(unit) => list.setFilter('unitId', unit?.id ?? '')}
                style={{ flex: '1 1 240px' }}
              />
            )}
            <Select
              label={t('layanan.channelFilter')}
              placeholder={t('common.all')}
              clearable
              data={SERVICE_CHANNELS.map((c) => ({ value: c, label: t(CHANNEL_LABELS[c]) }))}
              value={channel ?? null}
              onChange={(v) => list.setFilter('channel', v ?? '')}
              style={{ flex: '0 1 180px' }}
            />
            <Select
              label={t('layanan.activeFilter')}
              placeholder={t('common.all')}
              clearable
              data={[
                { value: 'ya', label: t('layanan.active.ya') },
                { value: 'tidak', label: t('layanan.active.tidak') },
              ]}
              value={active ?? null}
              onChange={(v) => list.setFilter('active', v ?? '')}
              style={{ flex: '0 1 160px' }}
            />
            {isMobile ? (
              <Select
                label={t('layanan.sortBy')}
                allowDeselect={false}
                data={SORTS.map((s) => ({ value: s, label: t(`layanan.sort.${s}`) }))}
                value={list.sort}
                onChange={(v) => {
                  const next = SORTS.find((s) => s === v);
                  if (next && next !== list.sort) list.toggleSort(next);
                }}
                style={{ flex: '1 1 160px' }}
              />
            ) : null}
          </CollapsibleFilters>
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
              title={t('layanan.empty.title')}
              description={t(canWrite ? 'layanan.empty.text' : 'layanan.empty.readOnly')}
              actions={
                canWrite ? (
                  <>
                    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => open({ type: 'create' })}>
                      {t('layanan.add')}
                    </Button>
                    <Button variant="default" leftSection={<IconUpload size={16} aria-hidden />} onClick={() => open({ type: 'import' })}>
                      {t('layanan.import')}
                    </Button>
                  </>
                ) : null
              }
            />
          )
        ) : (
          <>
            {isMobile ? (
              <Stack gap="sm" aria-label={t('layanan.title')} aria-busy={query.isFetching} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {items.map((s) => (
                  <Paper key={s.id} withBorder radius="md" p="sm" component="li">
                    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                      <Stack gap={2} style={{ minWidth: 0 }}>
                        <Text fw={600} size="sm">
                          {s.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {s.unitName}
                        </Text>
                      </Stack>
                      {actionsOf(s)}
                    </Group>
                    <Group mt={6} gap={6}>
                      <ChannelBadge service={s} />
                      {s.isDigital ? (
                        <Badge variant="outline" color="indigo" radius="sm">
                          {t('layanan.digital')}
                        </Badge>
                      ) : null}
                      {s.isActive ? null : <ActiveBadge service={s} />}
                      {s.category ? (
                        <Text size="xs" c="dimmed">
                          {s.category}
                        </Text>
                      ) : null}
                    </Group>
                  </Paper>
                ))}
              </Stack>
            ) : (
              <Table.ScrollContainer minWidth={880}>
                <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('layanan.title')} aria-busy={query.isFetching}>
                  <Table.Thead>
                    <Table.Tr>
                      <SortableTh column="name" label={t('layanan.col.name')} {...sortProps} />
                      <SortableTh column="unitName" label={t('layanan.col.unit')} {...sortProps} />
                      <Table.Th>{t('layanan.col.category')}</Table.Th>
                      <Table.Th>{t('layanan.col.channel')}</Table.Th>
                      <Table.Th>{t('layanan.col.digital')}</Table.Th>
                      <Table.Th>{t('layanan.col.active')}</Table.Th>
                      <Table.Th ta="end">{t('common.actions')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((s) => (
                      <Table.Tr key={s.id}>
                        <Table.Td maw={340}>
                          <Text size="sm" fw={500}>
                            {s.name}
                          </Text>
                        </Table.Td>
                        <Table.Td maw={260}>
                          <Text size="sm">{s.unitName}</Text>
                        </Table.Td>
                        <Table.Td>{s.category ?? '—'}</Table.Td>
                        <Table.Td>
                          <ChannelBadge service={s} />
                        </Table.Td>
                        <Table.Td>{s.isDigital ? t('layanan.yes') : t('layanan.no')}</Table.Td>
                        <Table.Td>
                          <ActiveBadge service={s} />
                        </Table.Td>
                        <Table.Td>{actionsOf(s)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <TablePager page={list.page} pageSize={list.pageSize} total={total} onPage={list.setPage} onPageSize={list.setPageSize} />
          </>
        )}
      </Paper>

      <Modal
        opened={dialogOpen}
        onClose={closeDialog}
        title={dialogTitle}
        size="xl"
        fullScreen={isMobile}
        closeOnClickOutside={dialog?.type === 'import'}
      >
        {dialog?.type === 'import' ? (
          <XlsxImport
            intro={t('layanan.import.intro')}
            templateUrl={serviceTemplateUrl(regionCode)}
            runImport={(file, dryRun) => importServices(regionCode, file, dryRun)}
            onImported={async (report) => {
              notifications.show({
                color: 'green',
                closeButtonProps: { 'aria-label': t('common.close') },
                message: t('layanan.import.done', { created: report.created, updated: report.updated }),
              });
              await queryClient.invalidateQueries({ queryKey: servicesKey(regionCode) });
            }}
            onDone={closeDialog}
          />
        ) : dialog ? (
          <ServiceForm
            key={dialog.type === 'edit' ? dialog.service.id : 'new'}
            regionCode={regionCode}
            service={dialog.type === 'edit' ? dialog.service : null}
            ownUnit={ownUnit}
            onDone={closeDialog}
          />
        ) : null}
      </Modal>

      <ServiceDeleteDialog regionCode={regionCode} service={toDelete} opened={isDeleteOpen} onClose={() => setDeleteOpen(false)} />
    </>
  );
}
