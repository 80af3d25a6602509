/**
 * Inovasi: the region's innovations of one period (the newest by default) with search, filters by
 * status, tahapan, jenis, urusan and unit, sorting by column and pages; proposing a new one, importing
 * from XLSX and exporting the period, for those allowed. Operators see their own unit's only (the
 * server scopes the list). After the period's reporting window closes, what still waits on its unit is
 * marked late. On a phone each innovation is a card with its status, unit, tahapan and date.
 */
import { Anchor, Badge, Button, Group, Modal, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { IconDownload, IconPlus, IconSearch, IconUpload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { innovationListQueryOptions } from '../api/innovations.api.ts';
import { periodExportUrl } from '../api/periods.api.ts';
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
import { isInnovationLate, todayIso } from '../components/deadlines.ts';
import { LateBadge } from '../components/late-badge.tsx';
import { InnovationCreateForm } from '../features/innovations/innovation-create-form.tsx';
import { InnovationImport } from '../features/innovations/innovation-import.tsx';
import {
  INNOVATION_STATUSES,
  isJenis,
  isStatus,
  isTahapan,
  isUrusan,
  JENIS,
  JENIS_LABELS,
  labelIn,
  STATUS_LABELS,
  TAHAPAN,
  TAHAPAN_LABELS,
  urusanName,
} from '../components/innovation-labels.ts';
import { PeriodGate } from '../features/innovations/period-gate.tsx';
import { choosePeriod, PeriodSelect, usePeriodParam, usePeriods } from '../features/innovations/period-select.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { UrusanSelect } from '../features/innovations/urusan-select.tsx';
import { UnitSelect } from '../components/unit-select.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useRegion } from '../session/region.tsx';
import { useSignedInUser } from '../session/session.tsx';

const SORTS = ['updatedAt', 'name', 'status', 'unit'] as const;
const FILTERS = ['q', 'status', 'tahapan', 'jenis', 'urusan', 'unitId'] as const;

type Dialog = 'create' | 'import' | null;

export function InnovationsPage() {
  const { t, pick, formatDateTime } = useI18n();
  const me = useSignedInUser();
  const { regionCode, region, can } = useRegion();
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const list = useListParams({ sorts: SORTS, defaultSort: 'updatedAt', defaultOrder: 'desc', filters: FILTERS });
  const [periodParam, setPeriod] = usePeriodParam();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [dialogOpen, setDialogOpen] = useState(false);

  const canRead = can('innovations.read');
  const periods = usePeriods(regionCode, canRead);
  const period = choosePeriod(periods.data?.items, periodParam);
  // Operators only ever see their own unit's innovations: a unit filter would have nothing to choose.
  const showUnitFilter = me.user.role !== 'operator';

  const f = list.filters;
  const status = isStatus(f.status) ? f.status : undefined;
  const tahapan = isTahapan(f.tahapan) ? f.tahapan : undefined;
  const jenis = isJenis(f.jenis) ? f.jenis : undefined;
  const urusan = isUrusan(f.urusan) ? f.urusan : undefined;
  const query = useQuery({
    ...innovationListQueryOptions(regionCode, {
      page: list.page,
      pageSize: list.pageSize,
      q: f.q.trim() || undefined,
      periodId: period?.id,
      status,
      tahapan,
      jenis,
      urusan,
      unitId: showUnitFilter && f.unitId ? f.unitId : undefined,
      sort: list.sort,
      order: list.order,
    }),
    enabled: canRead && period !== undefined,
  });

  const total = query.data?.total ?? 0;
  const lastPage = Math.max(1, Math.ceil(total / list.pageSize));
  const { setPage } = list;
  useEffect(() => {
    if (query.data && list.page > lastPage) setPage(lastPage);
  }, [query.data, list.page, lastPage, setPage]);

  if (!canRead) return <NoAccess />;
  const canWrite = can('innovations.write');

  const open = (next: Dialog) => {
    setDialog(next);
    setDialogOpen(true);
  };
  const items = query.data?.items ?? [];
  const periodList = periods.data?.items ?? [];
  const sortProps = { sort: list.sort, order: list.order, onSort: list.toggleSort };
  const today = todayIso();

  const header = (
    <PageHeader
      title={t('innovations.title')}
      description={t('innovations.description', { region: region?.name ?? regionCode })}
      actions={
        period ? (
          <>
            {can('dashboard.read') ? (
              <Button
                component="a"
                href={periodExportUrl(regionCode, period.id)}
                download
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
              >
                {t('innovations.export')}
              </Button>
            ) : null}
            {can('innovations.import') ? (
              <Button variant="default" leftSection={<IconUpload size={16} aria-hidden />} onClick={() => open('import')}>
                {t('innovations.import')}
              </Button>
            ) : null}
            {canWrite ? (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => open('create')}>
                {t('innovations.add')}
              </Button>
            ) : null}
          </>
        ) : null
      }
    />
  );

  if (periods.isError || periods.isPending || !period) {
    return (
      <>
        {header}
        <PeriodGate periods={periods} canCreate={can('periods.write')} />
      </>
    );
  }

  return (
    <>
      {header}
      <Paper withBorder radius="md" p="md">
        <Group gap="sm" mb="md" align="flex-end">
          <PeriodSelect periods={periodList} value={period.id} onChange={setPeriod} style={{ flex: '0 1 160px' }} />
          <DebouncedInput
            label={t('innovations.searchLabel')}
            placeholder={t('innovations.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={f.q}
            onCommit={(v) => list.setFilter('q', v)}
            type="search"
            style={{ flex: '1 1 240px' }}
          />
          <CollapsibleFilters activeCount={[status, tahapan, jenis, urusan, showUnitFilter ? f.unitId : ''].filter(Boolean).length}>
            <Select
              label={t('innovations.statusFilter')}
              placeholder={t('common.all')}
              clearable
              data={INNOVATION_STATUSES.map((s) => ({ value: s, label: pick(STATUS_LABELS[s]) }))}
              value={status ?? null}
              onChange={(v) => list.setFilter('status', v ?? '')}
              style={{ flex: '0 1 170px' }}
            />
            <Select
              label={t('field.tahapan')}
              placeholder={t('common.all')}
              clearable
              data={TAHAPAN.map((s) => ({ value: s, label: pick(TAHAPAN_LABELS[s]) }))}
              value={tahapan ?? null}
              onChange={(v) => list.setFilter('tahapan', v ?? '')}
              style={{ flex: '0 1 150px' }}
            />
            <Select
              label={t('field.jenis')}
              placeholder={t('common.all')}
              clearable
              data={JENIS.map((s) => ({ value: s, label: pick(JENIS_LABELS[s]) }))}
              value={jenis ?? null}
              onChange={(v) => list.setFilter('jenis', v ?? '')}
              style={{ flex: '0 1 150px' }}
            />
            <UrusanSelect
              label={t('innovations.urusanFilter')}
              placeholder={t('common.all')}
              value={urusan ?? null}
              onChange={(v) => list.setFilter('urusan', v ?? '')}
              style={{ flex: '1 1 220px' }}
            />
            {showUnitFilter ? (
              <UnitSelect
                regionCode={regionCode}
                label={t('innovations.unitFilter')}
                placeholder={t('common.all')}
                value={f.unitId || null}
                onChange={(unit) => list.setFilter('unitId', unit?.id ?? '')}
                style={{ flex: '1 1 240px' }}
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
              title={t('innovations.empty.title', { year: period.year })}
              description={t(canWrite ? 'innovations.empty.text' : 'innovations.empty.readOnly')}
              actions={
                canWrite ? (
                  <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => open('create')}>
                    {t('innovations.add')}
                  </Button>
                ) : null
              }
            />
          )
        ) : (
          <>
            {isMobile ? (
              <Stack
                gap="sm"
                component="ul"
                p={0}
                m={0}
                style={{ listStyle: 'none' }}
                aria-label={t('innovations.tableLabel', { year: period.year })}
                aria-busy={query.isFetching}
              >
                {items.map((item) => {
                  const tahapanLabel = labelIn(TAHAPAN_LABELS, item.tahapan);
                  return (
                    <Paper key={item.id} component="li" withBorder radius="md" p="sm" data-innovation-card>
                      <Anchor component={Link} to={`/inovasi/${item.id}`} fw={700} size="sm">
                        {item.name}
                      </Anchor>
                      <Text size="xs" c="dimmed" mt={2}>
                        {item.unitName}
                      </Text>
                      <Group gap={6} mt={6} wrap="wrap">
                        <StatusBadge status={item.status} />
                        {isInnovationLate(item.status, period, today) ? <LateBadge /> : null}
                        {tahapanLabel ? (
                          <Badge variant="outline" color="gray" radius="sm" size="sm">
                            {pick(tahapanLabel)}
                          </Badge>
                        ) : null}
                      </Group>
                      <Text size="xs" c="dimmed" mt={6}>
                        {t('innovations.card.updated', { when: formatDateTime(item.updatedAt) })}
                      </Text>
                    </Paper>
                  );
                })}
              </Stack>
            ) : (
              <Table.ScrollContainer minWidth={900}>
                <Table
                  striped
                  highlightOnHover
                  verticalSpacing="xs"
                  aria-label={t('innovations.tableLabel', { year: period.year })}
                  aria-busy={query.isFetching}
                >
                  <Table.Thead>
                    <Table.Tr>
                      <SortableTh column="name" label={t('innovations.col.name')} {...sortProps} />
                      <SortableTh column="unit" label={t('innovations.col.unit')} {...sortProps} />
                      <Table.Th>{t('field.tahapan')}</Table.Th>
                      <Table.Th>{t('field.jenis')}</Table.Th>
                      <Table.Th>{t('field.urusanUtama')}</Table.Th>
                      <SortableTh column="status" label={t('innovations.col.status')} {...sortProps} />
                      <SortableTh column="updatedAt" label={t('innovations.col.updatedAt')} {...sortProps} />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((item) => {
                      const tahapanLabel = labelIn(TAHAPAN_LABELS, item.tahapan);
                      const jenisLabel = labelIn(JENIS_LABELS, item.jenis);
                      return (
                        <Table.Tr key={item.id}>
                          <Table.Td maw={360}>
                            <Anchor component={Link} to={`/inovasi/${item.id}`} size="sm" fw={600}>
                              {item.name}
                            </Anchor>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{item.unitName}</Text>
                          </Table.Td>
                          <Table.Td>{tahapanLabel ? pick(tahapanLabel) : '—'}</Table.Td>
                          <Table.Td>
                            {jenisLabel ? (
                              <Badge variant="outline" color={item.jenis === 'digital' ? 'indigo' : 'gray'} radius="sm" size="sm">
                                {pick(jenisLabel)}
                              </Badge>
                            ) : (
                              '—'
                            )}
                          </Table.Td>
                          <Table.Td>{item.urusanUtama ? urusanName(item.urusanUtama) : '—'}</Table.Td>
                          <Table.Td>
                            <Group gap={4} wrap="nowrap">
                              <StatusBadge status={item.status} />
                              {isInnovationLate(item.status, period, today) ? <LateBadge /> : null}
                            </Group>
                          </Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(item.updatedAt)}</Table.Td>
                        </Table.Tr>
                      );
                    })}
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
        onClose={() => setDialogOpen(false)}
        title={dialog === 'import' ? t('innovationImport.title') : t('createInnovation.title')}
        size={dialog === 'import' ? 'xl' : 'lg'}
        fullScreen={isMobile}
      >
        {dialog === 'import' ? (
          <InnovationImport regionCode={regionCode} periods={periodList} periodId={period.id} onDone={() => setDialogOpen(false)} />
        ) : dialog === 'create' ? (
          <InnovationCreateForm regionCode={regionCode} periods={periodList} periodId={period.id} onDone={() => setDialogOpen(false)} />
        ) : null}
      </Modal>
    </>
  );
}
