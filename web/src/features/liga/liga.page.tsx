/**
 * Liga OPD: every unit of the region side by side for a year — the composite as a bar, each component's
 * 0–100 value with the facts behind it, the rank and its change since last year. Sorting is the
 * server's (the same order as the export); search and pages are on the loaded table (a region has tens
 * of units, not thousands). On a phone each unit is a card.
 */
import { Badge, Button, Card, Group, NativeSelect, Progress, SimpleGrid, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconAdjustments, IconDownload, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { LEAGUE_COMPONENTS, type LeagueComponent } from '#domain/liga/components.ts';
import { type LeagueRow, type LeagueSort, type LeagueTable, leagueQueryOptions, leagueXlsxUrl } from '../../api/liga.api.ts';
import { ListEmpty } from '../../components/list-empty.tsx';
import { NoAccess } from '../../components/no-access.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { SortableTh } from '../../components/sortable-th.tsx';
import { TablePager } from '../../components/table-pager.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useRegion } from '../../session/region.tsx';
import { WeightsForm } from './weights-form.tsx';

const SORTS: readonly LeagueSort[] = ['rank', 'name', 'composite', 'innovations', 'ikm', 'assessments', 'complaints', 'programmes', 'change'];
/** The direction a column sorts in first: the best first, names and ranks from the top. */
const FIRST_DIR: Record<LeagueSort, 'asc' | 'desc'> = {
  rank: 'asc',
  name: 'asc',
  composite: 'desc',
  innovations: 'desc',
  ikm: 'desc',
  assessments: 'desc',
  complaints: 'desc',
  programmes: 'desc',
  change: 'desc',
};

export function LigaPage() {
  const { t } = useI18n();
  const { regionCode, can } = useRegion();
  const [params, setParams] = useSearchParams();
  const sortParam = params.get('sort') as LeagueSort | null;
  const sort: LeagueSort = sortParam && SORTS.includes(sortParam) ? sortParam : 'rank';
  const dir = params.get('dir') === 'asc' || params.get('dir') === 'desc' ? (params.get('dir') as 'asc' | 'desc') : FIRST_DIR[sort];
  const yearParam = Number(params.get('year'));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 ? yearParam : undefined;
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const [editing, setEditing] = useState(false);
  const league = useQuery({ ...leagueQueryOptions(regionCode, { year, sort, dir }), enabled: can('dashboard.read') });

  if (!can('dashboard.read')) return <NoAccess />;
  const data = league.data;

  const update = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
    setPage(1);
  };
  const onSort = (column: LeagueSort) => {
    const nextDir = column === sort ? (dir === 'asc' ? 'desc' : 'asc') : FIRST_DIR[column];
    update({ sort: column, dir: nextDir });
  };

  const needle = q.trim().toLocaleLowerCase('id');
  const rows = data ? data.rows.filter((r) => needle === '' || r.unitName.toLocaleLowerCase('id').includes(needle)) : [];
  const shown = rows.slice((page - 1) * pageSize, page * pageSize);

  return (
    <>
      <PageHeader
        title={t('liga.title')}
        description={t('liga.description')}
        actions={
          data ? (
            <>
              <Button
                component="a"
                href={leagueXlsxUrl(regionCode, data.year)}
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
              >
                {t('liga.download')}
              </Button>
              {data.canEditWeights ? (
                <Button leftSection={<IconAdjustments size={16} aria-hidden />} onClick={() => setEditing(true)}>
                  {t('liga.editWeights')}
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      {league.isError ? <QueryError error={league.error} onRetry={() => void league.refetch()} /> : null}
      {league.isPending ? <TableSkeleton /> : null}
      {data ? (
        <Stack>
          <Group align="flex-end" gap="md">
            <NativeSelect
              label={t('liga.year')}
              value={String(data.year)}
              onChange={(e) => update({ year: e.currentTarget.value })}
              data={data.years.map((y) => String(y))}
              w={120}
            />
            <TextInput
              label={t('liga.search')}
              placeholder={t('liga.searchPlaceholder')}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={q}
              onChange={(e) => {
                setQ(e.currentTarget.value);
                setPage(1);
              }}
              style={{ flex: 1, minWidth: 200, maxWidth: 360 }}
            />
          </Group>
          <WeightsLine table={data} />
          {data.rows.length === 0 ? (
            <ListEmpty kind="empty" title={t('liga.empty.title')} description={t('liga.empty.text')} />
          ) : rows.length === 0 ? (
            <ListEmpty kind="no-match" title={t('liga.noMatch.title')} description={t('liga.noMatch.text')} />
          ) : (
            <>
              <Table.ScrollContainer minWidth={1100} visibleFrom="sm">
                <Table striped highlightOnHover verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <SortableTh column="rank" label={t('liga.col.rank')} sort={sort} order={dir} onSort={onSort} />
                      <SortableTh column="name" label={t('liga.col.name')} sort={sort} order={dir} onSort={onSort} />
                      <SortableTh column="composite" label={t('liga.col.composite')} sort={sort} order={dir} onSort={onSort} />
                      {LEAGUE_COMPONENTS.map((c) => (
                        <SortableTh key={c} column={c} label={t(`liga.col.${c}`)} sort={sort} order={dir} onSort={onSort} />
                      ))}
                      <SortableTh column="change" label={t('liga.col.change')} sort={sort} order={dir} onSort={onSort} />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {shown.map((r) => (
                      <Table.Tr key={r.unitId}>
                        <Table.Td>
                          <RankText row={r} />
                        </Table.Td>
                        <Table.Td miw={200} maw={280}>
                          <Text size="sm" fw={500}>
                            {r.unitName}
                          </Text>
                        </Table.Td>
                        <Table.Td miw={150}>
                          <CompositeBar value={r.composite} />
                        </Table.Td>
                        {LEAGUE_COMPONENTS.map((c) => (
                          <Table.Td key={c}>
                            <ComponentValue row={r} component={c} />
                          </Table.Td>
                        ))}
                        <Table.Td>
                          <ChangeBadge row={r} previousYear={data.previousYear} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Stack hiddenFrom="sm" gap="sm">
                {shown.map((r) => (
                  <UnitCard key={r.unitId} row={r} previousYear={data.previousYear} />
                ))}
              </Stack>
              <TablePager
                page={page}
                pageSize={pageSize}
                total={rows.length}
                onPage={setPage}
                onPageSize={(n) => {
                  setPageSize(n);
                  setPage(1);
                }}
              />
            </>
          )}
          <RulesNote table={data} />
          {editing ? <WeightsForm regionCode={regionCode} table={data} opened onClose={() => setEditing(false)} /> : null}
        </Stack>
      ) : null}
    </>
  );
}

function WeightsLine({ table }: { table: LeagueTable }) {
  const { t } = useI18n();
  const parts = LEAGUE_COMPONENTS.map((c) => {
    const w = table.weights.weights[c];
    return `${t(`liga.col.${c}`)} ${w.enabled ? w.weight : t('liga.off')}`;
  });
  return (
    <Text size="sm" c="dimmed">
      {t('liga.weightsLine', { year: table.year, weights: parts.join(' · ') })} ({t(`liga.weightsSource.${table.weights.source}`)})
    </Text>
  );
}

function RulesNote({ table }: { table: LeagueTable }) {
  const { t } = useI18n();
  return (
    <Card withBorder padding="sm">
      <Text size="sm" fw={600}>
        {t('liga.rules')}
      </Text>
      <Text size="sm">{table.rules.composite}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} mt={4}>
        {LEAGUE_COMPONENTS.map((c) => (
          <Text key={c} size="xs" c="dimmed">
            <b>{t(`liga.col.${c}`)}</b>: {table.rules.components[c]}
          </Text>
        ))}
      </SimpleGrid>
    </Card>
  );
}

function RankText({ row }: { row: LeagueRow }) {
  const { t } = useI18n();
  return row.rank === null ? (
    <Text size="sm" c="dimmed">
      {t('liga.unranked')}
    </Text>
  ) : (
    <Text fw={700}>{row.rank}</Text>
  );
}

function CompositeBar({ value }: { value: string | null }) {
  const { t, formatDecimal } = useI18n();
  if (value === null) {
    return (
      <Text size="sm" c="dimmed">
        {t('liga.noValue')}
      </Text>
    );
  }
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress value={Number(value)} w={90} size="lg" aria-label={t('liga.compositeBar', { value: formatDecimal(value) })} />
      <Text size="sm" fw={700}>
        {formatDecimal(value)}
      </Text>
    </Group>
  );
}

function factOf(row: LeagueRow, c: LeagueComponent, t: ReturnType<typeof useI18n>['t']): string | null {
  const f = row.facts;
  switch (c) {
    case 'innovations':
      return f.innovations ? t('liga.innovationsFact', f.innovations) : null;
    case 'ikm':
      return null;
    case 'assessments':
      return f.assessments.assigned > 0 ? t('liga.assessmentsFact', f.assessments) : null;
    case 'complaints':
      return f.complaints.due > 0 ? t('liga.complaintsFact', f.complaints) : null;
    case 'programmes':
      return f.programmes > 0 ? t('liga.programmesFact', { count: f.programmes }) : null;
  }
}

function ComponentValue({ row, component }: { row: LeagueRow; component: LeagueComponent }) {
  const { t, formatDecimal } = useI18n();
  const value = row.scores[component];
  const fact = factOf(row, component, t);
  if (value === null) {
    return (
      <Text size="sm" c="dimmed">
        {t('liga.noValue')}
      </Text>
    );
  }
  return (
    <Stack gap={0}>
      <Text size="sm">{formatDecimal(value)}</Text>
      {fact ? (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {fact}
        </Text>
      ) : null}
    </Stack>
  );
}

function ChangeBadge({ row, previousYear }: { row: LeagueRow; previousYear: number }) {
  const { t } = useI18n();
  const n = row.rankChange;
  if (n === null) {
    return (
      <Tooltip label={t('liga.change.none', { year: previousYear })}>
        <Badge variant="light" color="gray" aria-label={t('liga.change.none', { year: previousYear })}>
          —
        </Badge>
      </Tooltip>
    );
  }
  const label =
    n > 0
      ? t('liga.change.up', { n, year: previousYear })
      : n < 0
        ? t('liga.change.down', { n: -n, year: previousYear })
        : t('liga.change.same', { year: previousYear });
  return (
    <Badge variant="light" color={n > 0 ? 'teal' : n < 0 ? 'red' : 'gray'} aria-label={label} title={label}>
      {n > 0 ? `▲ ${n}` : n < 0 ? `▼ ${-n}` : '0'}
    </Badge>
  );
}

function UnitCard({ row, previousYear }: { row: LeagueRow; previousYear: number }) {
  const { t } = useI18n();
  return (
    <Card withBorder padding="sm">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <RankText row={row} />
          <Text fw={600} size="sm">
            {row.unitName}
          </Text>
        </Group>
        <ChangeBadge row={row} previousYear={previousYear} />
      </Group>
      <CompositeBar value={row.composite} />
      <SimpleGrid cols={2} spacing={6} mt="xs">
        {LEAGUE_COMPONENTS.map((c) => (
          <div key={c}>
            <Text size="xs" fw={600}>
              {t(`liga.col.${c}`)}
            </Text>
            <ComponentValue row={row} component={c} />
          </div>
        ))}
      </SimpleGrid>
    </Card>
  );
}
