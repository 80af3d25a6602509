/**
 * The public service portal of one region (/portal/:regionCode, no login, phone first): search and
 * browse services by unit, each with its channel, latest IKM and grade, and the two buttons citizens
 * came for: the satisfaction survey (while a period is open) and a complaint. The search lives in the
 * URL, so a result can be shared. A complaint's status can be looked up by its tracking code.
 */
import { Anchor, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { IconBuilding, IconMessageReport, IconSearch } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import {
  complaintFormPath,
  portalAllServicesQuery,
  portalPath as portalPathOf,
  portalRegionQuery,
  portalServiceQuery,
  portalServicesQuery,
} from '../api/portal.api.ts';
import { DebouncedInput } from '../components/debounced-input.tsx';
import { ListEmpty } from '../components/list-empty.tsx';
import { QueryError } from '../components/query-error.tsx';
import { TablePager } from '../components/table-pager.tsx';
import { TableSkeleton } from '../components/table-skeleton.tsx';
import { useListParams } from '../components/use-list-params.ts';
import { usePortalRegionName } from '../components/portal-region-name.ts';
import { TrackForm } from '../features/portal/portal-parts.tsx';
import { ServiceCard } from '../features/portal/service-card.tsx';
import { isApiError } from '../api/http.ts';
import { useI18n } from '../i18n/i18n.tsx';

const SORTS = ['name'] as const;
const FILTERS = ['q', 'unit'] as const;

export function PortalPage() {
  const { t, formatNumber } = useI18n();
  const { regionCode = '' } = useParams();
  const regionName = usePortalRegionName(regionCode);
  useDocumentTitle(`${t('portal.title')}${regionName ? ` · ${regionName}` : ''}`);
  const list = useListParams({ sorts: SORTS, defaultSort: 'name', filters: FILTERS, defaultPageSize: 10 });
  const q = list.filters.q.trim();

  // The unit filter lists the units that have services; the list endpoint filters by unit id, which a
  // service's detail carries, so one detail of the chosen unit is looked up.
  const all = useQuery(portalAllServicesQuery(regionCode));
  const units = useMemo(() => {
    const byName = new Map<string, string>();
    for (const s of all.data ?? []) if (!byName.has(s.unitName)) byName.set(s.unitName, s.id);
    return [...byName.entries()].sort(([a], [b]) => a.localeCompare(b, 'id')).map(([name, sampleId]) => ({ name, sampleId }));
  }, [all.data]);
  const chosen = units.find((u) => u.name === list.filters.unit);
  const sample = useQuery({ ...portalServiceQuery(chosen?.sampleId ?? ''), enabled: chosen !== undefined });
  const unitId = chosen ? sample.data?.unitId : undefined;
  const waitingForUnit = chosen !== undefined && unitId === undefined;

  const query = useQuery({
    ...portalServicesQuery(regionCode, { q: q || undefined, unitId, page: list.page, pageSize: list.pageSize }),
    enabled: regionCode !== '' && !waitingForUnit,
  });
  const items = query.data?.items ?? [];
  const region = useQuery(portalRegionQuery(regionCode));
  const unknownRegion =
    region.data === null || (query.isError && (isApiError(query.error, 'NOT_FOUND') || isApiError(query.error, 'VALIDATION_FAILED')));

  if (unknownRegion) {
    return <ListEmpty kind="no-match" title={t('portal.unknownRegion.title')} description={t('portal.unknownRegion.text')} />;
  }

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('portal.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('portal.intro')}
        </Text>
        {/* On a phone the complaint and tracking boxes sit below a long list: a shortcut to each at the top. */}
        <Group gap="md" mt={4}>
          <Anchor component={Link} to={complaintFormPath(regionCode)} size="sm" fw={600}>
            {t('portal.complaint.button')}
          </Anchor>
          <Anchor href="#lacak" size="sm" fw={600}>
            {t('portal.track.title')}
          </Anchor>
          <Anchor component={Link} to={`${portalPathOf(regionCode)}/kota-cerdas`} size="sm" fw={600}>
            {t('kc.public.title')}
          </Anchor>
        </Group>
      </Stack>

      <Paper withBorder radius="md" p="md" role="search">
        <Stack gap="sm">
          <DebouncedInput
            label={t('portal.searchLabel')}
            placeholder={t('portal.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={list.filters.q}
            onCommit={(v) => list.setFilter('q', v)}
            type="search"
            size="md"
          />
          <Group gap="sm" align="flex-end">
            <Select
              label={t('portal.unitFilter')}
              placeholder={t('portal.allUnits')}
              searchable
              clearable
              data={units.map((u) => u.name)}
              value={chosen?.name ?? null}
              onChange={(v) => list.setFilter('unit', v ?? '')}
              nothingFoundMessage={t('portal.noMatch.title')}
              leftSection={<IconBuilding size={16} aria-hidden />}
              comboboxProps={{ withinPortal: true }}
              style={{ flex: '1 1 260px' }}
            />
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
      ) : query.isPending || waitingForUnit ? (
        <TableSkeleton rows={5} />
      ) : items.length === 0 ? (
        <Paper withBorder radius="md">
          {list.hasFilters ? (
            <ListEmpty kind="no-match" title={t('portal.noMatch.title')} description={t('portal.noMatch.text')} />
          ) : (
            <ListEmpty kind="empty" title={t('portal.empty.title')} description={t('portal.empty.text')} />
          )}
        </Paper>
      ) : (
        <section aria-label={t('portal.results')} aria-busy={query.isFetching}>
          <Text size="sm" c="dimmed" mb="xs">
            {t('portal.count', { n: formatNumber(query.data.total) })}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {items.map((service) => (
              <ServiceCard key={service.id} regionCode={regionCode} service={service} />
            ))}
          </SimpleGrid>
          <TablePager page={list.page} pageSize={list.pageSize} total={query.data.total} onPage={list.setPage} onPageSize={list.setPageSize} />
        </section>
      )}

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="portal-complaint-title">
          <Stack gap="xs" h="100%">
            <Title order={2} size="h4" id="portal-complaint-title">
              {t('portal.complaintCta.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('portal.complaintCta.text')}
            </Text>
            <Button
              component={Link}
              to={complaintFormPath(regionCode)}
              variant="light"
              mt="auto"
              leftSection={<IconMessageReport size={16} aria-hidden />}
            >
              {t('portal.complaint.button')}
            </Button>
          </Stack>
        </Paper>
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="portal-track-title" id="lacak">
          <Stack gap="xs">
            <Title order={2} size="h4" id="portal-track-title">
              {t('portal.track.title')}
            </Title>
            <TrackForm />
          </Stack>
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
