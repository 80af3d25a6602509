/**
 * Katalog Inovasi Daerah (public, no login): verified innovations of every region, searched with
 * Indonesian full-text search on the server ("pelayanan" finds "layanan") and filtered by region, year,
 * urusan, tahapan and jenis; results as cards with pages. The search and filters live in the URL, so a
 * result list can be shared. Once a region is chosen, its units with verified innovations are offered too.
 */
import { Anchor, Badge, Card, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { IconBuilding, IconMapPin, IconSearch } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link, useLocation } from 'react-router';
import { catalogueListQueryOptions, catalogueUnitsQueryOptions, type PublicInnovationSummary } from '../api/catalogue.api.ts';
import { regionListQuery } from '../api/regions.api.ts';
import { CollapsibleFilters } from '../components/collapsible-filters.tsx';
import { DebouncedInput } from '../components/debounced-input.tsx';
import { ListEmpty } from '../components/list-empty.tsx';
import { QueryError } from '../components/query-error.tsx';
import { TablePager } from '../components/table-pager.tsx';
import { TableSkeleton } from '../components/table-skeleton.tsx';
import { useListParams } from '../components/use-list-params.ts';
import { isJenis, isTahapan, isUrusan, JENIS, JENIS_LABELS, labelIn, TAHAPAN, TAHAPAN_LABELS } from '../components/innovation-labels.ts';
import { UrusanName } from '../features/innovations/innovation-view.tsx';
import { UrusanSelect } from '../features/innovations/urusan-select.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { groupByProvince } from '../layout/region-switcher.tsx';

const SORTS = ['relevance'] as const;
const FILTERS = ['q', 'region', 'unit', 'year', 'urusan', 'tahapan', 'jenis'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REGION_CODE = /^\d{2}(\.\d{2})?$/;
const FIRST_YEAR = 2015;

function ResultCard({ item, from }: { item: PublicInnovationSummary; from: string }) {
  const { t, pick } = useI18n();
  const tahapan = labelIn(TAHAPAN_LABELS, item.tahapan);
  const jenis = labelIn(JENIS_LABELS, item.jenis);
  return (
    <Card withBorder radius="md" padding="lg" component="article">
      <Stack gap="xs" h="100%">
        <Title order={2} size="h4" lh={1.3}>
          <Anchor component={Link} to={`/katalog/${item.id}`} state={{ from }} inherit>
            {item.name}
          </Anchor>
        </Title>
        <Group gap="md" wrap="wrap">
          <Group gap={4} wrap="nowrap">
            <IconMapPin size={14} aria-hidden />
            <Text size="sm" c="dimmed">
              {item.regionName}
            </Text>
          </Group>
          {/*
            A unit's full name is long ("Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah"): on a
            phone it wraps rather than ending in "…", and the icon keeps its size.
          */}
          <Group gap={4} wrap="nowrap" style={{ minWidth: 0 }}>
            <IconBuilding size={14} aria-hidden style={{ flexShrink: 0 }} />
            <Text size="sm" c="dimmed">
              {item.unitName}
            </Text>
          </Group>
        </Group>
        <Group gap={6} wrap="wrap">
          <Badge variant="outline" radius="sm">
            {item.year}
          </Badge>
          {tahapan ? (
            <Badge variant="light" color="cyan" radius="sm">
              {pick(tahapan)}
            </Badge>
          ) : null}
          {jenis ? (
            <Badge variant="light" color={item.jenis === 'digital' ? 'indigo' : 'gray'} radius="sm">
              {pick(jenis)}
            </Badge>
          ) : null}
        </Group>
        {item.urusanUtama ? (
          <Text size="sm" component="div">
            <UrusanName id={item.urusanUtama} />
          </Text>
        ) : null}
        {item.tujuan ? (
          <Text size="sm" lineClamp={3}>
            <Text span fw={600} size="sm">
              {t('field.tujuan')}:{' '}
            </Text>
            {item.tujuan}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}

export function CataloguePage() {
  const { t, pick, formatNumber } = useI18n();
  useDocumentTitle(`${t('catalogue.title')} · Sinergi`);
  const location = useLocation();
  const list = useListParams({ sorts: SORTS, defaultSort: 'relevance', filters: FILTERS, defaultPageSize: 10 });
  const regions = useQuery(regionListQuery(''));
  const regionData = useMemo(() => groupByProvince(regions.data?.items ?? []), [regions.data]);

  const f = list.filters;
  const region = REGION_CODE.test(f.region) ? f.region : undefined;
  const yearNumber = Number(f.year);
  const year = Number.isInteger(yearNumber) && yearNumber >= FIRST_YEAR && yearNumber <= 2100 ? yearNumber : undefined;
  const urusan = isUrusan(f.urusan) ? f.urusan : undefined;
  const tahapan = isTahapan(f.tahapan) ? f.tahapan : undefined;
  const jenis = isJenis(f.jenis) ? f.jenis : undefined;
  const units = useQuery({ ...catalogueUnitsQueryOptions(region ?? ''), enabled: region !== undefined });
  // A unit left in the URL from another region simply stops filtering.
  const unit = region && UUID.test(f.unit) && (units.data?.items ?? []).some((u) => u.id === f.unit) ? f.unit : undefined;
  const query = useQuery(
    catalogueListQueryOptions({
      q: f.q.trim() || undefined,
      region,
      unit,
      year,
      urusan,
      tahapan,
      jenis,
      page: list.page,
      pageSize: Math.min(100, list.pageSize),
    }),
  );
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear + 1 - FIRST_YEAR + 1 }, (_, i) => String(thisYear + 1 - i));
  const items = query.data?.items ?? [];
  const from = `${location.pathname}${location.search}`;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('catalogue.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('catalogue.description')}
        </Text>
      </Stack>

      <Paper withBorder radius="md" p="md" role="search">
        <Stack gap="sm">
          <DebouncedInput
            label={t('catalogue.searchLabel')}
            placeholder={t('catalogue.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={f.q}
            onCommit={(v) => list.setFilter('q', v)}
            type="search"
            size="md"
          />
          <Group gap="sm" align="flex-end">
            <CollapsibleFilters activeCount={[region, unit, year, urusan, tahapan, jenis].filter(Boolean).length}>
              <Select
                label={t('catalogue.region')}
                placeholder={t('catalogue.allRegions')}
                searchable
                clearable
                data={regionData}
                value={region ?? null}
                onChange={(v) => list.setFilter('region', v ?? '')}
                nothingFoundMessage={t('region.nothingFound')}
                limit={60}
                leftSection={<IconMapPin size={16} aria-hidden />}
                comboboxProps={{ withinPortal: true, width: 320, position: 'bottom-start' }}
                style={{ flex: '1 1 220px' }}
              />
              {region ? (
                <Select
                  label={t('innovations.unitFilter')}
                  placeholder={t('common.all')}
                  searchable
                  clearable
                  data={(units.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.count})` }))}
                  value={unit ?? null}
                  onChange={(v) => list.setFilter('unit', v ?? '')}
                  nothingFoundMessage={t('region.nothingFound')}
                  leftSection={<IconBuilding size={16} aria-hidden />}
                  comboboxProps={{ withinPortal: true, width: 320, position: 'bottom-start' }}
                  style={{ flex: '1 1 220px' }}
                />
              ) : null}
              <Select
                label={t('catalogue.year')}
                placeholder={t('common.all')}
                clearable
                data={years}
                value={year ? String(year) : null}
                onChange={(v) => list.setFilter('year', v ?? '')}
                style={{ flex: '0 1 120px' }}
              />
              <UrusanSelect
                label={t('field.urusanUtama')}
                placeholder={t('common.all')}
                value={urusan ?? null}
                onChange={(v) => list.setFilter('urusan', v ?? '')}
                style={{ flex: '1 1 220px' }}
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
            </CollapsibleFilters>
            {list.hasFilters ? (
              <Anchor component="button" type="button" size="sm" onClick={list.clearFilters} mb={8}>
                {t('common.clearFilters')}
              </Anchor>
            ) : null}
          </Group>
        </Stack>
      </Paper>

      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isPending ? (
        <TableSkeleton rows={6} />
      ) : items.length === 0 ? (
        <Paper withBorder radius="md">
          {list.hasFilters ? (
            <ListEmpty kind="no-match" title={t('catalogue.noMatch.title')} description={t('catalogue.noMatch.text')} />
          ) : (
            <ListEmpty kind="empty" title={t('catalogue.empty.title')} description={t('catalogue.empty.text')} />
          )}
        </Paper>
      ) : (
        <section aria-label={t('catalogue.results')} aria-busy={query.isFetching}>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {items.map((item) => (
              <ResultCard key={item.id} item={item} from={from} />
            ))}
          </SimpleGrid>
          <TablePager page={list.page} pageSize={list.pageSize} total={query.data.total} onPage={list.setPage} onPageSize={list.setPageSize} />
          {query.data.totalCapped ? (
            <Text size="sm" c="dimmed" mt="xs">
              {t('catalogue.capped', { n: formatNumber(query.data.total) })}
            </Text>
          ) : null}
        </section>
      )}
    </Stack>
  );
}
