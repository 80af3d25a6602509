/**
 * Aplikasi: the region's application inventory (owner unit, kind, hosting, state, the services each
 * serves), which the SPBE and Pemdi indicators ask about. Search, filters by kind and unit, sorting,
 * pages; adding, editing and deleting (with confirmation) for those allowed; XLSX export, template and
 * import with a dry run. On a phone the rows become cards.
 */
import { ActionIcon, Anchor, Badge, Box, Button, Group, Modal, Paper, Select, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPencil, IconPlus, IconSearch, IconTrash, IconUpload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import {
  type Application,
  applicationExportUrl,
  applicationListQueryOptions,
  applicationsKey,
  applicationTemplateUrl,
  deleteApplication,
  importApplications,
  servicesKey,
} from '../api/services.api.ts';
import { CollapsibleFilters } from '../components/collapsible-filters.tsx';
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
import { ApplicationForm } from '../features/layanan/application-form.tsx';
import { XlsxImport } from '../components/xlsx-import.tsx';
import { APPLICATION_KINDS, HOSTING_LABELS, isIn, KIND_LABELS, STATUS_COLORS, STATUS_LABELS } from '../features/layanan/layanan-labels.ts';
import { UnitSelect } from '../components/unit-select.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useRegion } from '../session/region.tsx';
import { useSignedInUser } from '../session/session.tsx';

const SORTS = ['name', 'unitName', 'updatedAt'] as const;
const FILTERS = ['q', 'kind', 'unitId'] as const;

type Dialog = { type: 'create' } | { type: 'edit'; application: Application } | { type: 'import' } | null;

/** A link's host ("oss.go.id"): the whole address stays in its title and target. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function ServedServices({ app }: { app: Application }) {
  const { t, formatNumber } = useI18n();
  if (app.services.length === 0) return <Text size="sm">—</Text>;
  const names = app.services.map((s) => s.name).join(', ');
  return (
    <div title={names}>
      <Text size="sm" fw={500}>
        {t('aplikasi.serviceCount', { n: formatNumber(app.services.length) })}
      </Text>
      <Text size="xs" c="dimmed" lineClamp={2}>
        {names}
      </Text>
    </div>
  );
}

export function ApplicationsPage() {
  const { t } = useI18n();
  const { regionCode, region, can } = useRegion();
  const me = useSignedInUser();
  const queryClient = useQueryClient();
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const list = useListParams({ sorts: SORTS, defaultSort: 'name', filters: FILTERS });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [toDelete, setToDelete] = useState<Application | null>(null);
  const [isConfirmOpen, setConfirmOpen] = useState(false);

  const ownUnit = me.user.role === 'operator' ? me.user.unit : null;
  const f = list.filters;
  const kind = isIn(APPLICATION_KINDS, f.kind) ? f.kind : undefined;
  const unitId = !ownUnit && f.unitId ? f.unitId : undefined;
  const query = useQuery({
    ...applicationListQueryOptions(regionCode, {
      page: list.page,
      pageSize: list.pageSize,
      q: f.q.trim() || undefined,
      kind,
      unitId,
      sort: list.sort,
      order: list.order,
    }),
    enabled: can('services.read'),
  });

  const remove = useMutation({
    mutationFn: (app: Application) => deleteApplication(regionCode, app.id),
    onSuccess: async (_ok, app) => {
      notifications.show({
        color: 'green',
        closeButtonProps: { 'aria-label': t('common.close') },
        message: t('aplikasi.deleted', { name: app.name }),
      });
      setConfirmOpen(false);
      await queryClient.invalidateQueries({ queryKey: applicationsKey(regionCode) });
      await queryClient.invalidateQueries({ queryKey: servicesKey(regionCode) });
    },
  });

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
  const dialogTitle =
    dialog?.type === 'import'
      ? t('aplikasi.import.title')
      : dialog?.type === 'edit'
        ? t('aplikasi.form.editTitle', { name: dialog.application.name })
        : t('aplikasi.form.createTitle');

  const items = query.data?.items ?? [];
  const sortProps = { sort: list.sort, order: list.order, onSort: list.toggleSort };
  const actionsOf = (app: Application): ReactNode =>
    canWrite ? (
      <Group gap={4} justify="flex-end" wrap="nowrap">
        <Tooltip label={t('common.edit')}>
          <ActionIcon
            variant="subtle"
            size="lg"
            aria-label={t('aplikasi.editLabel', { name: app.name })}
            onClick={() => open({ type: 'edit', application: app })}
          >
            <IconPencil size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('common.delete')}>
          <ActionIcon
            variant="subtle"
            size="lg"
            color="red"
            aria-label={t('aplikasi.deleteLabel', { name: app.name })}
            onClick={() => {
              remove.reset();
              setToDelete(app);
              setConfirmOpen(true);
            }}
          >
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Group>
    ) : null;
  const urlOf = (app: Application) =>
    app.url ? (
      <Anchor href={app.url} target="_blank" rel="noopener noreferrer" size="xs" title={app.url} style={{ overflowWrap: 'anywhere' }}>
        {hostOf(app.url)}
      </Anchor>
    ) : null;

  return (
    <>
      <PageHeader
        title={t('aplikasi.title')}
        description={
          ownUnit ? t('aplikasi.descriptionUnit', { unit: ownUnit.name }) : t('aplikasi.description', { region: region?.name ?? regionCode })
        }
        actions={
          <>
            <Button
              component="a"
              href={applicationExportUrl(regionCode)}
              download
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              {t('layanan.export')}
            </Button>
            {canWrite ? (
              <>
                <Button variant="default" leftSection={<IconUpload size={16} aria-hidden />} onClick={() => open({ type: 'import' })}>
                  {t('layanan.import')}
                </Button>
                <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => open({ type: 'create' })}>
                  {t('aplikasi.add')}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <Paper withBorder radius="md" p="md">
        <Group gap="sm" mb="md" align="flex-end">
          <DebouncedInput
            label={t('aplikasi.searchLabel')}
            placeholder={t('aplikasi.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={f.q}
            onCommit={(v) => list.setFilter('q', v)}
            type="search"
            style={{ flex: '1 1 240px' }}
          />
          <CollapsibleFilters activeCount={[kind, unitId].filter(Boolean).length}>
            <Select
              label={t('aplikasi.kindFilter')}
              placeholder={t('common.all')}
              clearable
              data={APPLICATION_KINDS.map((k) => ({ value: k, label: t(KIND_LABELS[k]) }))}
              value={kind ?? null}
              onChange={(v) => list.setFilter('kind', v ?? '')}
              style={{ flex: '0 1 240px' }}
            />
            {ownUnit ? null : (
              <UnitSelect
                regionCode={regionCode}
                label={t('aplikasi.unitFilter')}
                placeholder={t('common.all')}
                value={unitId ?? null}
                onChange={(unit) => list.setFilter('unitId', unit?.id ?? '')}
                style={{ flex: '1 1 240px' }}
              />
            )}
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
              title={t('aplikasi.empty.title')}
              description={t(canWrite ? 'aplikasi.empty.text' : 'aplikasi.empty.readOnly')}
              actions={
                canWrite ? (
                  <>
                    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => open({ type: 'create' })}>
                      {t('aplikasi.add')}
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
              <Stack gap="sm" aria-label={t('aplikasi.title')} aria-busy={query.isFetching} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {items.map((app) => (
                  <Paper key={app.id} withBorder radius="md" p="sm" component="li">
                    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                      <Stack gap={2} style={{ minWidth: 0 }}>
                        <Text fw={600} size="sm">
                          {app.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {app.unitName}
                        </Text>
                        {urlOf(app)}
                      </Stack>
                      {actionsOf(app)}
                    </Group>
                    <Group mt={6} gap={6}>
                      <Badge variant="light" color={app.kind === 'layanan_publik' ? 'teal' : 'blue'} radius="sm">
                        {t(KIND_LABELS[app.kind])}
                      </Badge>
                      <Badge variant="light" color={STATUS_COLORS[app.status]} radius="sm">
                        {t(STATUS_LABELS[app.status])}
                      </Badge>
                    </Group>
                    <Box mt={6}>
                      <ServedServices app={app} />
                    </Box>
                  </Paper>
                ))}
              </Stack>
            ) : (
              <Table.ScrollContainer minWidth={900}>
                <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('aplikasi.title')} aria-busy={query.isFetching}>
                  <Table.Thead>
                    <Table.Tr>
                      <SortableTh column="name" label={t('aplikasi.col.name')} {...sortProps} />
                      <SortableTh column="unitName" label={t('aplikasi.col.unit')} {...sortProps} />
                      <Table.Th>{t('aplikasi.col.kind')}</Table.Th>
                      <Table.Th>{t('aplikasi.col.hosting')}</Table.Th>
                      <Table.Th>{t('aplikasi.col.status')}</Table.Th>
                      <Table.Th>{t('aplikasi.col.services')}</Table.Th>
                      {canWrite ? <Table.Th ta="end">{t('common.actions')}</Table.Th> : null}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((app) => (
                      <Table.Tr key={app.id}>
                        <Table.Td maw={300}>
                          <Text size="sm" fw={500}>
                            {app.name}
                          </Text>
                          {urlOf(app)}
                        </Table.Td>
                        <Table.Td maw={240}>
                          <Text size="sm">{app.unitName}</Text>
                        </Table.Td>
                        <Table.Td>{t(KIND_LABELS[app.kind])}</Table.Td>
                        <Table.Td>{t(HOSTING_LABELS[app.hosting])}</Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={STATUS_COLORS[app.status]} radius="sm">
                            {t(STATUS_LABELS[app.status])}
                          </Badge>
                        </Table.Td>
                        <Table.Td maw={260}>
                          <ServedServices app={app} />
                        </Table.Td>
                        {canWrite ? <Table.Td>{actionsOf(app)}</Table.Td> : null}
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
        size={dialog?.type === 'import' ? 'xl' : 'lg'}
        fullScreen={isMobile}
        closeOnClickOutside={dialog?.type === 'import'}
      >
        {dialog?.type === 'import' ? (
          <XlsxImport
            intro={t('aplikasi.import.intro')}
            templateUrl={applicationTemplateUrl(regionCode)}
            runImport={(file, dryRun) => importApplications(regionCode, file, dryRun)}
            onImported={async (report) => {
              notifications.show({
                color: 'green',
                closeButtonProps: { 'aria-label': t('common.close') },
                message: t('aplikasi.import.done', { created: report.created, updated: report.updated }),
              });
              await queryClient.invalidateQueries({ queryKey: applicationsKey(regionCode) });
              await queryClient.invalidateQueries({ queryKey: servicesKey(regionCode) });
            }}
            onDone={closeDialog}
          />
        ) : dialog ? (
          <ApplicationForm
            key={dialog.type === 'edit' ? dialog.application.id : 'new'}
            regionCode={regionCode}
            application={dialog.type === 'edit' ? dialog.application : null}
            ownUnit={ownUnit}
            onDone={closeDialog}
          />
        ) : null}
      </Modal>

      <ConfirmDialog
        opened={isConfirmOpen}
        title={t('aplikasi.delete.title')}
        message={toDelete ? t('aplikasi.delete.text', { name: toDelete.name }) : ''}
        confirmLabel={t('common.delete')}
        isPending={remove.isPending}
        error={remove.error}
        onConfirm={() => toDelete && remove.mutate(toDelete)}
        onClose={() => setConfirmOpen(false)}
      />
    </>
  );
}
