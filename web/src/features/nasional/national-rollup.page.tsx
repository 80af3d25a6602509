/**
 * Rekap nasional (admin nasional): every region of a year side by side — platform use, reporting, each
 * index with its rank in the cluster and its movement since last year — with the distributions as
 * charts, exports (XLSX, CSV, JSON) and a drill-down into a region's own dashboard. Filter, search, sort
 * and page are the server's and live in the URL, so a view can be shared; on a phone each region is a card.
 */
import { Anchor, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { IconDownload, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { CLUSTER_IDS, REGION_CLUSTERS } from '#domain/nasional/clusters.ts';
import { nationalRollupQueryOptions, type RollupParams, type RollupSort, rollupExportUrl } from '../../api/nasional.api.ts';
import { DebouncedInput } from '../../components/debounced-input.tsx';
import { ListEmpty } from '../../components/list-empty.tsx';
import { NoAccess } from '../../components/no-access.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { TablePager } from '../../components/table-pager.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useRegion } from '../../session/region.tsx';
import { useSignedInUser } from '../../session/session.tsx';
import { DistributionCharts, RegionTable, SummaryCards, type TableSort, yearChoices } from './rollup-parts.tsx';

const SORTS: readonly RollupSort[] = ['rank', 'name', 'iid', 'government', 'ikm', 'proposed', 'verified', 'complaints'];
const FIRST_DIR = (sort: RollupSort): 'asc' | 'desc' => (sort === 'rank' || sort === 'name' ? 'asc' : 'desc');

export function NationalRollupPage() {
  const { t, pick } = useI18n();
  const { role } = useSignedInUser().user;
  const { switchRegion } = useRegion();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const sortParam = params.get('sort') as RollupSort | null;
  const sort: RollupSort = sortParam && SORTS.includes(sortParam) ? sortParam : 'rank';
  const dir = params.get('dir') === 'asc' || params.get('dir') === 'desc' ? (params.get('dir') as 'asc' | 'desc') : FIRST_DIR(sort);
  const yearParam = Number(params.get('tahun'));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 ? yearParam : undefined;
  const clusterParam = params.get('klaster');
  const cluster = clusterParam && (CLUSTER_IDS as readonly string[]).includes(clusterParam) ? clusterParam : undefined;
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('hal')) || 1);
  const pageSize = [10, 25, 50, 100].includes(Number(params.get('per'))) ? Number(params.get('per')) : 25;
  const isNational = role === 'admin_nasional';
  const filters: RollupParams = { year, cluster, sort, dir, q: q || undefined };
  const query = useQuery({ ...nationalRollupQueryOptions({ ...filters, page, pageSize }), enabled: isNational });

  if (!isNational) return <NoAccess />;
  const data = query.data;

  const update = (patch: Record<string, string | null>, keepPage = false) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (!keepPage) next.delete('hal');
    setParams(next, { replace: true });
  };
  const onSort = (column: TableSort) => {
    const nextDir = column === sort ? (dir === 'asc' ? 'desc' : 'asc') : FIRST_DIR(column);
    update({ sort: column, dir: nextDir });
  };
  const exportParams = { ...filters, year: data?.year };

  return (
    <>
      <PageHeader
        title={t('nasional.title')}
        description={t('nasional.description')}
        actions={
          data ? (
            <Group gap="xs">
              <Button
                component="a"
                href={rollupExportUrl('xlsx', exportParams)}
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
              >
                {t('nasional.downloadXlsx')}
              </Button>
              <Button
                component="a"
                href={rollupExportUrl('csv', exportParams)}
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
              >
                {t('nasional.downloadCsv')}
              </Button>
              <Anchor
                href={`/api/v1/national/rollup?${new URLSearchParams({ year: String(data.year), pageSize: '600', ...(cluster ? { cluster } : {}) })}`}
                size="sm"
              >
                {t('nasional.openJson')}
              </Anchor>
            </Group>
          ) : null
        }
      />
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isPending ? <TableSkeleton /> : null}
      {data ? (
        <Stack>
          <Group align="flex-end" gap="md">
            <NativeSelect
              label={t('nasional.year')}
              value={String(data.year)}
              onChange={(e) => update({ tahun: e.currentTarget.value })}
              data={yearChoices(data.year)}
              w={110}
            />
            <NativeSelect
              label={t('nasional.cluster')}
              value={cluster ?? ''}
              onChange={(e) => update({ klaster: e.currentTarget.value })}
              data={[
                { value: '', label: t('nasional.cluster.all') },
                ...REGION_CLUSTERS.map((c) => ({ value: c.id, label: pick({ id: c.name, en: c.nameEn }) })),
              ]}
              w={180}
            />
            <DebouncedInput
              label={t('nasional.search')}
              placeholder={t('nasional.searchPlaceholder')}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={q}
              onCommit={(value) => update({ q: value.trim() })}
              style={{ flex: 1, minWidth: 200, maxWidth: 360 }}
            />
          </Group>
          <SummaryCards summary={data.summary} />
          <DistributionCharts distributions={data.distributions} />
          {data.summary.regions === 0 ? (
            <ListEmpty kind="empty" title={t('nasional.empty.title')} description={t('nasional.empty.text')} />
          ) : data.total === 0 ? (
            <ListEmpty kind="no-match" title={t('nasional.noMatch.title')} description={t('nasional.noMatch.text')} />
          ) : (
            <>
              <RegionTable
                label={t('nasional.title')}
                rows={data.items}
                previousYear={data.previousYear}
                sorting={{ sort, dir, onSort }}
                onOpen={(row) => {
                  switchRegion(row.regionCode);
                  void navigate(`/dasbor?tahun=${data.year}`);
                }}
              />
              <TablePager
                page={data.page}
                pageSize={data.pageSize}
                total={data.total}
                onPage={(n) => update({ hal: String(n) }, true)}
                onPageSize={(n) => update({ per: String(n) })}
              />
            </>
          )}
          <Text size="sm" c="dimmed">
            {t('nasional.rules')}
          </Text>
        </Stack>
      ) : null}
    </>
  );
}
