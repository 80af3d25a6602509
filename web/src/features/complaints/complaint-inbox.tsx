/**
 * The units' inbox: every complaint the caller may see (operators: their own unit's, scoped by the
 * server), with search, filters by status, unit, category and lateness, sorting and pages. A late
 * complaint says so in red beside its due date, in words, not by colour alone.
 */
import { Anchor, Badge, Button, Checkbox, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconAlertTriangle, IconSearch } from '@tabler/icons-react';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { complaintCategoriesQueryOptions, complaintListQueryOptions } from '../../api/complaints.api.ts';
import { CollapsibleFilters } from '../../components/collapsible-filters.tsx';
import { DebouncedInput } from '../../components/debounced-input.tsx';
import { ListEmpty } from '../../components/list-empty.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { SortableTh } from '../../components/sortable-th.tsx';
import { TablePager } from '../../components/table-pager.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import type { ListParamsApi } from '../../components/use-list-params.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { UnitSelect } from '../units/unit-select.tsx';
import { COMPLAINT_STATUSES, isComplaintStatus, STATUS_KEYS } from './complaint-labels.ts';
import { ComplaintStatusBadge } from './complaint-status-badge.tsx';

export const INBOX_SORTS = ['createdAt', 'dueAt', 'status'] as const;
export const INBOX_FILTERS = ['q', 'status', 'unitId', 'categoryId', 'overdue'] as const;
export type InboxParams = ListParamsApi<(typeof INBOX_SORTS)[number], (typeof INBOX_FILTERS)[number]>;

export function ComplaintInbox({ regionCode, list, showUnitFilter }: { regionCode: string; list: InboxParams; showUnitFilter: boolean }) {
  const { t, formatDate, formatDateTime } = useI18n();
  const f = list.filters;
  const status = isComplaintStatus(f.status) ? f.status : undefined;
  const isOverdueOnly = f.overdue === 'ya';
  const categories = useQuery(complaintCategoriesQueryOptions(regionCode));
  const query = useQuery(
    complaintListQueryOptions(regionCode, {
      page: list.page,
      pageSize: list.pageSize,
      q: f.q.trim() || undefined,
      status,
      unitId: showUnitFilter && f.unitId ? f.unitId : undefined,
      categoryId: f.categoryId || undefined,
      overdue: isOverdueOnly ? 'ya' : undefined,
      sort: list.sort,
      order: list.order,
    }),
  );

  const total = query.data?.total ?? 0;
  const lastPage = Math.max(1, Math.ceil(total / list.pageSize));
  const { setPage } = list;
  useEffect(() => {
    if (query.data && list.page > lastPage) setPage(lastPage);
  }, [query.data, list.page, lastPage, setPage]);

  const items = query.data?.items ?? [];
  const sortProps = { sort: list.sort, order: list.order, onSort: list.toggleSort };
  const categoryData = (categories.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  const activeCount = [status, showUnitFilter ? f.unitId : '', f.categoryId, isOverdueOnly ? 'ya' : ''].filter(Boolean).length;

  return (
    <>
      <Group gap="sm" mb="md" align="flex-end">
        <DebouncedInput
          label={t('complaints.searchLabel')}
          placeholder={t('complaints.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={f.q}
          onCommit={(v) => list.setFilter('q', v)}
          type="search"
          style={{ flex: '1 1 220px' }}
        />
        <CollapsibleFilters activeCount={activeCount}>
          <Select
            label={t('complaints.filter.status')}
            placeholder={t('common.all')}
            clearable
            data={COMPLAINT_STATUSES.map((s) => ({ value: s, label: t(STATUS_KEYS[s]) }))}
            value={status ?? null}
            onChange={(v) => list.setFilter('status', v ?? '')}
            style={{ flex: '0 1 170px' }}
          />
          {showUnitFilter ? (
            <UnitSelect
              regionCode={regionCode}
              label={t('complaints.filter.unit')}
              placeholder={t('common.all')}
              value={f.unitId || null}
              onChange={(unit) => list.setFilter('unitId', unit?.id ?? '')}
              style={{ flex: '1 1 220px' }}
            />
          ) : null}
          <Select
            label={t('complaints.filter.category')}
            placeholder={t('common.all')}
            clearable
            searchable
            data={categoryData}
            value={f.categoryId || null}
            onChange={(v) => list.setFilter('categoryId', v ?? '')}
            style={{ flex: '1 1 200px' }}
          />
          <Checkbox
            label={t('complaints.filter.overdue')}
            checked={isOverdueOnly}
            onChange={(e) => list.setFilter('overdue', e.currentTarget.checked ? 'ya' : '')}
            mb={8}
          />
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
          <ListEmpty kind="empty" title={t('complaints.empty.title')} description={t('complaints.empty.text')} />
        )
      ) : (
        <>
          <Table.ScrollContainer minWidth={960}>
            <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('complaints.tableLabel')} aria-busy={query.isFetching}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('complaints.col.complaint')}</Table.Th>
                  <Table.Th>{t('complaints.col.unit')}</Table.Th>
                  <SortableTh column="status" label={t('complaints.col.status')} {...sortProps} />
                  <SortableTh column="createdAt" label={t('complaints.col.received')} {...sortProps} />
                  <SortableTh column="dueAt" label={t('complaints.col.due')} {...sortProps} />
                  <Table.Th>{t('complaints.col.source')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td maw={380}>
                      <Stack gap={2}>
                        <Group gap={6} wrap="nowrap">
                          <Anchor component={Link} to={`/pengaduan-masuk/${c.id}`} size="sm" fw={700} ff="monospace">
                            {c.trackingCode}
                          </Anchor>
                          <Text size="sm" fw={500} truncate>
                            {c.categoryName}
                          </Text>
                        </Group>
                        <Text size="xs" c="dimmed" lineClamp={1}>
                          {c.description}
                        </Text>
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{c.unitName}</Text>
                    </Table.Td>
                    <Table.Td>
                      <ComplaintStatusBadge status={c.status} />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" title={formatDateTime(c.createdAt)}>
                        {formatDate(c.createdAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" c={c.overdue ? 'red.8' : undefined} fw={c.overdue ? 600 : undefined}>
                          {c.closedAt ? '—' : formatDate(c.dueAt)}
                        </Text>
                        {c.overdue ? <OverdueBadge /> : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <SourceBadge source={c.source} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <TablePager page={list.page} pageSize={list.pageSize} total={total} onPage={list.setPage} onPageSize={list.setPageSize} />
        </>
      )}
    </>
  );
}

export function OverdueBadge() {
  const { t } = useI18n();
  return (
    <Badge color="red" variant="filled" radius="sm" size="sm" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
      {t('complaints.overdue')}
    </Badge>
  );
}

export function SourceBadge({ source }: { source: 'web' | 'open311' }) {
  const { t } = useI18n();
  return (
    <Badge variant="outline" color={source === 'open311' ? 'grape' : 'gray'} radius="sm" size="sm">
      {source === 'open311' ? t('complaints.source.open311') : t('complaints.source.web')}
    </Badge>
  );
}
