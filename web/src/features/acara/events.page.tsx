/**
 * Acara: the region's events as a list (search, filters by year, kind, topic and organiser, sorting,
 * pages) or as the region's calendar (a month grid on a desktop, an agenda by day on a phone). Every
 * role that reads events sees them all; who may organise one is the server's `canManage`.
 */
import { Anchor, Badge, Button, Group, Modal, Paper, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconCalendarMonth, IconChevronLeft, IconChevronRight, IconList, IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { type EventSummary, eventListQueryOptions } from '../../api/events.api.ts';
import { CollapsibleFilters } from '../../components/collapsible-filters.tsx';
import { DebouncedInput } from '../../components/debounced-input.tsx';
import { ListEmpty } from '../../components/list-empty.tsx';
import { NoAccess } from '../../components/no-access.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { SortableTh } from '../../components/sortable-th.tsx';
import { TablePager } from '../../components/table-pager.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useListParams } from '../../components/use-list-params.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useRegion } from '../../session/region.tsx';
import { useSignedInUser } from '../../session/session.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import {
  EVENT_KINDS,
  EVENT_TOPICS,
  formatWibDate,
  formatWibRange,
  isIn,
  KIND_COLORS,
  KIND_LABELS,
  monthTitle,
  monthWeeks,
  shiftMonth,
  thisMonth,
  TOPIC_LABELS,
  wibDay,
  wibTime,
  weekdayNames,
} from './acara-labels.ts';
import { EventForm } from './event-form.tsx';
import classes from './acara.module.css';

const SORTS = ['startsAt', 'title', 'organiser'] as const;
const FILTERS = ['q', 'year', 'kind', 'topic', 'unitId'] as const;

export function KindBadge({ kind, size = 'sm' }: { kind: EventSummary['kind']; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useI18n();
  return (
    <Badge variant="light" color={KIND_COLORS[kind]} radius="sm" size={size}>
      {t(KIND_LABELS[kind])}
    </Badge>
  );
}

const placeOf = (e: EventSummary, online: string) => e.place ?? online;

function CalendarView({ regionCode, month, onMonth }: { regionCode: string; month: string; onMonth: (month: string) => void }) {
  const { t, language } = useI18n();
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const query = useQuery(eventListQueryOptions(regionCode, { month, pageSize: 200, sort: 'startsAt', order: 'asc' }));
  const items = query.data?.items ?? [];
  const byDay = new Map<string, EventSummary[]>();
  for (const e of items) {
    const day = wibDay(e.startsAt);
    byDay.set(day, [...(byDay.get(day) ?? []), e]);
  }
  const today = wibDay(new Date().toISOString());
  const title = monthTitle(month, language);
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <Group gap={4} wrap="nowrap">
          <Button variant="default" size="xs" px={8} aria-label={t('acara.calendar.previous')} onClick={() => onMonth(shiftMonth(month, -1))}>
            <IconChevronLeft size={16} aria-hidden />
          </Button>
          <Button variant="default" size="xs" px={8} aria-label={t('acara.calendar.next')} onClick={() => onMonth(shiftMonth(month, 1))}>
            <IconChevronRight size={16} aria-hidden />
          </Button>
          <Button variant="subtle" size="xs" onClick={() => onMonth(thisMonth())}>
            {t('acara.calendar.today')}
          </Button>
        </Group>
        <Title order={2} size="h4" aria-live="polite">
          {title}
        </Title>
      </Group>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : isMobile ? (
        items.length === 0 ? (
          <Text c="dimmed" size="sm" py="md">
            {query.isPending ? t('app.loading') : t('acara.calendar.empty')}
          </Text>
        ) : (
          <Stack gap="md" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('acara.calendar.label', { month: title })}>
            {[...byDay.entries()].map(([day, events]) => (
              <li key={day}>
                <Text fw={700} size="sm" c={day === today ? 'blue' : undefined} mb={4}>
                  {formatWibDate(`${day}T12:00:00+07:00`, language)}
                </Text>
                <Stack gap={6}>
                  {events.map((e) => (
                    <Paper key={e.id} withBorder radius="md" p="sm" component={Link} to={`/acara/${e.id}`} className={classes.agendaItem}>
                      <Group gap={6} mb={2}>
                        <KindBadge kind={e.kind} size="xs" />
                        <Text size="xs" c="dimmed">
                          {wibTime(e.startsAt)}–{wibTime(e.endsAt)} WIB
                        </Text>
                      </Group>
                      <Text fw={600} size="sm">
                        {e.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {placeOf(e, t('acara.online'))} · {e.organiserUnitName}
                      </Text>
                    </Paper>
                  ))}
                </Stack>
              </li>
            ))}
          </Stack>
        )
      ) : (
        <table className={classes.calendar} aria-label={t('acara.calendar.label', { month: title })}>
          <thead>
            <tr>
              {weekdayNames(language).map((d) => (
                <th key={d} scope="col">
                  {d}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {monthWeeks(month).map((week) => (
              <tr key={week.find(Boolean) ?? 'empty'}>
                {week.map((day, i) => {
                  const events = day ? (byDay.get(day) ?? []) : [];
                  return (
                    <td key={day ?? `blank-${i}`} className={day === today ? classes.today : day ? undefined : classes.blank}>
                      {day ? <span className={classes.dayNumber}>{Number(day.slice(8))}</span> : null}
                      {events.slice(0, 3).map((e) => (
                        <Link key={e.id} to={`/acara/${e.id}`} className={classes.chip} data-kind={e.kind} title={e.title}>
                          <span className={classes.chipTime}>{wibTime(e.startsAt)}</span> {e.title}
                        </Link>
                      ))}
                      {events.length > 3 ? (
                        <Text size="xs" c="dimmed">
                          {t('acara.calendar.more', { n: events.length - 3 })}
                        </Text>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!query.isPending && items.length === 0 && !isMobile ? (
        <Text c="dimmed" size="sm" ta="center">
          {t('acara.calendar.empty')}
        </Text>
      ) : null}
    </Stack>
  );
}

export function EventsPage() {
  const { t, language, formatNumber } = useI18n();
  const { regionCode, region, can } = useRegion();
  const me = useSignedInUser();
  const navigate = useNavigate();
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const [search, setSearch] = useSearchParams();
  const list = useListParams({ sorts: SORTS, defaultSort: 'startsAt', defaultOrder: 'desc', filters: FILTERS });
  const [isCreating, setCreating] = useState(false);
  const view = search.get('tampilan') === 'kalender' ? 'calendar' : 'list';
  const monthParam = search.get('bulan');
  const month = monthParam && /^\d{4}-(0[1-9]|1[0-2])$/.test(monthParam) ? monthParam : thisMonth();
  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    setSearch(next, { replace: true });
  };

  const ownUnit = me.user.role === 'operator' ? me.user.unit : null;
  const f = list.filters;
  const kind = isIn(EVENT_KINDS, f.kind) ? f.kind : undefined;
  const topic = isIn(EVENT_TOPICS, f.topic) ? f.topic : undefined;
  const year = /^\d{4}$/.test(f.year) ? Number(f.year) : undefined;
  const query = useQuery({
    ...eventListQueryOptions(regionCode, {
      page: list.page,
      pageSize: list.pageSize,
      q: f.q.trim() || undefined,
      year,
      kind,
      topic,
      unitId: f.unitId || undefined,
      sort: list.sort,
      order: list.order,
    }),
    enabled: can('events.read') && view === 'list',
  });
  const total = query.data?.total ?? 0;
  const lastPage = Math.max(1, Math.ceil(total / list.pageSize));
  const { setPage } = list;
  useEffect(() => {
    if (query.data && list.page > lastPage) setPage(lastPage);
  }, [query.data, list.page, lastPage, setPage]);

  if (!can('events.read')) return <NoAccess />;
  const canCreate = can('events.manage');
  const items = query.data?.items ?? [];
  const sortProps = { sort: list.sort, order: list.order, onSort: list.toggleSort };
  const thisYear = Number(thisMonth().slice(0, 4));
  const years = Array.from({ length: 8 }, (_v, i) => String(thisYear + 2 - i));
  const addButton = canCreate ? (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
      {t('acara.add')}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title={t('acara.title')} description={t('acara.description', { region: region?.name ?? regionCode })} actions={addButton} />
      <Paper withBorder radius="md" p="md">
        <SegmentedControl
          mb="md"
          aria-label={t('acara.viewLabel')}
          value={view}
          onChange={(v) => setParam('tampilan', v === 'calendar' ? 'kalender' : null)}
          data={[
            {
              value: 'list',
              label: (
                <Group gap={6} wrap="nowrap" justify="center">
                  <IconList size={16} aria-hidden />
                  <span>{t('acara.view.list')}</span>
                </Group>
              ),
            },
            {
              value: 'calendar',
              label: (
                <Group gap={6} wrap="nowrap" justify="center">
                  <IconCalendarMonth size={16} aria-hidden />
                  <span>{t('acara.view.calendar')}</span>
                </Group>
              ),
            },
          ]}
        />
        {view === 'calendar' ? (
          <CalendarView regionCode={regionCode} month={month} onMonth={(m) => setParam('bulan', m)} />
        ) : (
          <>
            <Group gap="sm" mb="md" align="flex-end">
              <DebouncedInput
                label={t('acara.searchLabel')}
                placeholder={t('acara.searchPlaceholder')}
                leftSection={<IconSearch size={16} aria-hidden />}
                value={f.q}
                onCommit={(v) => list.setFilter('q', v)}
                type="search"
                style={{ flex: '1 1 220px' }}
              />
              <CollapsibleFilters activeCount={[year, kind, topic, f.unitId].filter(Boolean).length}>
                <Select
                  label={t('acara.filter.year')}
                  placeholder={t('common.all')}
                  clearable
                  data={years}
                  value={year ? String(year) : null}
                  onChange={(v) => list.setFilter('year', v ?? '')}
                  style={{ flex: '0 1 120px' }}
                />
                <Select
                  label={t('acara.filter.kind')}
                  placeholder={t('common.all')}
                  clearable
                  data={EVENT_KINDS.map((k) => ({ value: k, label: t(KIND_LABELS[k]) }))}
                  value={kind ?? null}
                  onChange={(v) => list.setFilter('kind', v ?? '')}
                  style={{ flex: '0 1 160px' }}
                />
                <Select
                  label={t('acara.filter.topic')}
                  placeholder={t('common.all')}
                  clearable
                  data={EVENT_TOPICS.map((k) => ({ value: k, label: t(TOPIC_LABELS[k]) }))}
                  value={topic ?? null}
                  onChange={(v) => list.setFilter('topic', v ?? '')}
                  style={{ flex: '0 1 180px' }}
                />
                <UnitSelect
                  regionCode={regionCode}
                  label={t('acara.filter.unit')}
                  placeholder={t('common.all')}
                  value={f.unitId || null}
                  onChange={(unit) => list.setFilter('unitId', unit?.id ?? '')}
                  style={{ flex: '1 1 220px' }}
                />
                {isMobile ? (
                  <Select
                    label={t('acara.sortBy')}
                    allowDeselect={false}
                    data={SORTS.map((s) => ({ value: s, label: t(`acara.sort.${s}`) }))}
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
                  title={t('acara.empty.title')}
                  description={t(canCreate ? 'acara.empty.text' : 'acara.empty.readOnly')}
                  actions={addButton}
                />
              )
            ) : (
              <>
                {isMobile ? (
                  <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('acara.title')} aria-busy={query.isFetching}>
                    {items.map((e) => (
                      <Paper key={e.id} withBorder radius="md" p="sm" component="li">
                        <Group gap={6} mb={4}>
                          <KindBadge kind={e.kind} size="xs" />
                          <Text size="xs" c="dimmed">
                            {t(TOPIC_LABELS[e.topic])}
                          </Text>
                        </Group>
                        <Anchor component={Link} to={`/acara/${e.id}`} fw={600} size="sm">
                          {e.title}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {formatWibRange(e.startsAt, e.endsAt, language)}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {placeOf(e, t('acara.online'))} · {e.organiserUnitName}
                        </Text>
                        <Text size="xs" mt={4}>
                          {t('acara.attendedOf', { attended: formatNumber(e.attended), total: formatNumber(e.participants) })}
                        </Text>
                      </Paper>
                    ))}
                  </Stack>
                ) : (
                  <Table.ScrollContainer minWidth={880}>
                    <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('acara.title')} aria-busy={query.isFetching}>
                      <Table.Thead>
                        <Table.Tr>
                          <SortableTh column="title" label={t('acara.col.title')} {...sortProps} />
                          <SortableTh column="startsAt" label={t('acara.col.when')} {...sortProps} />
                          <Table.Th>{t('acara.col.place')}</Table.Th>
                          <SortableTh column="organiser" label={t('acara.col.organiser')} {...sortProps} />
                          <Table.Th ta="end">{t('acara.col.participants')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {items.map((e) => (
                          <Table.Tr key={e.id}>
                            <Table.Td maw={360}>
                              <Anchor component={Link} to={`/acara/${e.id}`} fw={500} size="sm">
                                {e.title}
                              </Anchor>
                              <Group gap={6} mt={2}>
                                <KindBadge kind={e.kind} size="xs" />
                                <Text size="xs" c="dimmed">
                                  {t(TOPIC_LABELS[e.topic])}
                                </Text>
                              </Group>
                            </Table.Td>
                            <Table.Td>
                              <Text size="sm">{formatWibDate(e.startsAt, language)}</Text>
                              <Text size="xs" c="dimmed">
                                {wibTime(e.startsAt)}–{wibTime(e.endsAt)} WIB
                              </Text>
                            </Table.Td>
                            <Table.Td maw={220}>
                              <Text size="sm">{placeOf(e, t('acara.online'))}</Text>
                            </Table.Td>
                            <Table.Td maw={240}>
                              <Text size="sm">{e.organiserUnitName}</Text>
                            </Table.Td>
                            <Table.Td ta="end">
                              <Text size="sm">{formatNumber(e.participants)}</Text>
                              <Text size="xs" c="dimmed">
                                {t('acara.attendedOf', { attended: formatNumber(e.attended), total: formatNumber(e.participants) })}
                              </Text>
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
        )}
      </Paper>
      <Modal opened={isCreating} onClose={() => setCreating(false)} title={t('acara.form.createTitle')} size="lg" fullScreen={isMobile}>
        {isCreating ? (
          <EventForm
            regionCode={regionCode}
            event={null}
            ownUnit={ownUnit}
            onCancel={() => setCreating(false)}
            onSaved={(saved) => {
              setCreating(false);
              navigate(`/acara/${saved.id}`);
            }}
          />
        ) : null}
      </Modal>
    </>
  );
}
