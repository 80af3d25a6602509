/**
 * The units' inbox: every complaint the caller may see (operators: their own unit's, scoped by the
 * server), with search, filters by status, unit, category and lateness, sorting and pages. A late
 * complaint says so in red beside its due date, in words, not by colour alone.
 */
import { Anchor, Badge, Button, Checkbox, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { IconAlertTriangle, IconSearch } from '@tabler/icons-react';
import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
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
import type { MessageKey } from '../../i18n/messages.id.ts';
import { UnitSelect } from '../../components/unit-select.tsx';
import { COMPLAINT_STATUSES, isComplaintStatus, STATUS_KEYS } from './complaint-labels.ts';
import { ComplaintStatusBadge } from './complaint-status-badge.tsx';

export const INBOX_SORTS = ['createdAt', 'dueAt', 'status'] as const;
export const INBOX_FILTERS = ['q', 'status', 'unitId', 'categoryId', 'overdue'] as const;
export type InboxParams = ListParamsApi<(typeof INBOX_SORTS)[number], (typeof INBOX_FILTERS)[number]>;

/** On a phone there are no column headers to sort by: the useful orders, each with its direction. */
const MOBILE_SORTS = ['createdAt:desc', 'createdAt:asc', 'dueAt:asc', 'status:asc'] as const;
const MOBILE_SORT_KEYS: Record<(typeof MOBILE_SORTS)[number], MessageKey> = {
  'createdAt:desc': 'complaints.sort.newest',
  'createdAt:asc': 'complaints.sort.oldest',
  'dueAt:asc': 'complaints.sort.due',
  'status:asc': 'complaints.sort.status',
};

export function ComplaintInbox({ regionCode, list, showUnitFilter }: { regionCode: string; list: InboxParams; showUnitFilter: boolean }) {
  const { t, formatDate, formatDateTime } = useI18n();
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const [, setSearch] = useSearchParams();
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
          {isMobile ? (
            <Select
              label={t('complaints.sortBy')}
              allowDeselect={false}
              data={MOBILE_SORTS.map((o) => ({ value: o, label: t(MOBILE_SORT_KEYS[o]) }))}
              value={`${list.sort}:${list.order}`}
              onChange={(v) => {
                const [sort, order] = (v ?? '').split(':');
                setSearch(
                  (current) => {
                    const next = new URLSearchParams(current);
                    next.set('sort', sort ?? 'createdAt');
                    next.set('order', order ?? 'desc');
                    next.delete('page');
                    return next;
                  },
                  { replace: true },
                );
              }}
              style={{ flex: '1 1 200px' }}
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
          <ListEmpty kind="empty" title={t('complaints.empty.title')} description={t('complaints.empty.text')} />
        )
      ) : (
        <>
          {isMobile ? (
            <Stack
              gap="sm"
              aria-label={t('complaints.tableLabel')}
              aria-busy={query.isFetching}
              component="ul"
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
            >
              {items.map((c) => (
                <Paper key={c.id} withBorder radius="md" p="sm" component="li">
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                    <Anchor component={Link} to={`/pengaduan-masuk/${c.id}`} fw={700} ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                      {c.trackingCode}
                    </Anchor>
                    <ComplaintStatusBadge status={c.status} />
                  </Group>
                  <Text size="sm" fw={600} mt={4}>
                    {c.categoryName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {c.unitName}
                  </Text>
                  <Text size="sm" lineClamp={2} mt={4}>
                    {c.description}
                  </Text>
                  <Group gap={6} mt={6} wrap="wrap">
                    <Text size="xs" c="dimmed">
                      {t('complaints.card.received', { date: formatDate(c.createdAt) })}
                    </Text>
                    {c.closedAt ? null : (
                      <Text size="xs" c={c.overdue ? 'red.9' : 'dimmed'} fw={c.overdue ? 600 : undefined}>
                        {`· ${t('complaints.card.due', { date: formatDate(c.dueAt) })}`}
                      </Text>
                    )}
                    {c.overdue ? <OverdueBadge /> : null}
                    {c.source === 'open311' ? <SourceBadge source={c.source} /> : null}
                  </Group>
                </Paper>
              ))}
            </Stack>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('complaints.tableLabel')} aria-busy={query.isFetching}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('complaints.col.code')}</Table.Th>
                    <Table.Th>{t('complaints.col.complaint')}</Table.Th>
                    <Table.Th>{t('complaints.col.unit')}</Table.Th>
                    <SortableTh column="status" label={t('complaints.col.status')} {...sortProps} />
                    <SortableTh column="createdAt" label={t('complaints.col.received')} {...sortProps} />
                    <SortableTh column="dueAt" label={t('complaints.col.due')} {...sortProps} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Stack gap={4} align="flex-start">
                          <Anchor component={Link} to={`/pengaduan-masuk/${c.id}`} size="sm" fw={700} ff="monospace">
                            {c.trackingCode}
                          </Anchor>
                          <SourceBadge source={c.source} />
                        </Stack>
                      </Table.Td>
                      <Table.Td maw={340}>
                        <Text size="sm" fw={500}>
                          {c.categoryName}
                        </Text>
                        <Text size="xs" c="dimmed" lineClamp={2}>
                          {c.description}
                        </Text>
                      </Table.Td>
                      <Table.Td maw={200}>
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
                        <Stack gap={4} align="flex-start">
                          <Text size="sm" c={c.overdue ? 'red.9' : undefined} fw={c.overdue ? 600 : undefined}>
                            {c.closedAt ? '—' : formatDate(c.dueAt)}
                          </Text>
                          {c.overdue ? <OverdueBadge /> : null}
                        </Stack>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
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
    <Badge variant={source === 'open311' ? 'outline' : 'light'} color={source === 'open311' ? 'grape' : 'gray'} radius="sm" size="sm">
      {source === 'open311' ? t('complaints.source.open311') : t('complaints.source.web')}
    </Badge>
  );
}
