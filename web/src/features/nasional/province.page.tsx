/**
 * The province view (a province's admin or pimpinan): the province's kabupaten/kota side by side, read
 * only, with the same table and charts as the national roll-up and ranks within the province. In a
 * kab/kota region the page says it is for provinces (the server refuses it there too).
 */
import { NativeSelect, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { provinceRollupQueryOptions } from '../../api/nasional.api.ts';
import { ListEmpty } from '../../components/list-empty.tsx';
import { NoAccess } from '../../components/no-access.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useRegion } from '../../session/region.tsx';
import { DistributionCharts, RegionTable, SummaryCards, yearChoices } from './rollup-parts.tsx';

export function ProvincePage() {
  const { t } = useI18n();
  const { regionCode, region, can } = useRegion();
  const [params, setParams] = useSearchParams();
  const yearParam = Number(params.get('tahun'));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 ? yearParam : undefined;
  const isProvince = region?.kind === 'provinsi';
  const query = useQuery({ ...provinceRollupQueryOptions(regionCode, year), enabled: can('province.read') && isProvince });

  if (!can('province.read')) return <NoAccess />;
  if (region && !isProvince) {
    return (
      <>
        <PageHeader title={t('provinsi.titleShort')} />
        <ListEmpty kind="empty" title={t('provinsi.titleShort')} description={t('provinsi.notProvince')} />
      </>
    );
  }
  const data = query.data;
  return (
    <>
      <PageHeader
        title={data ? t('provinsi.title', { province: data.provinceName }) : t('provinsi.titleShort')}
        description={t('provinsi.description')}
        actions={
          data ? (
            <NativeSelect
              label={t('nasional.year')}
              value={String(data.year)}
              onChange={(e) => setParams({ tahun: e.currentTarget.value }, { replace: true })}
              data={yearChoices(data.year)}
              w={110}
            />
          ) : null
        }
      />
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isPending && isProvince ? <TableSkeleton /> : null}
      {data ? (
        <Stack>
          <SummaryCards summary={data.summary} />
          <DistributionCharts distributions={data.distributions} />
          {data.items.length === 0 ? (
            <ListEmpty kind="empty" title={t('nasional.empty.title')} description={t('nasional.empty.text')} />
          ) : (
            <RegionTable label={t('provinsi.title', { province: data.provinceName })} rows={data.items} previousYear={data.previousYear} />
          )}
          <Text size="sm" c="dimmed">
            {t('nasional.rules')}
          </Text>
        </Stack>
      ) : null}
    </>
  );
}
