/**
 * Halaman nasional publik (no login, open data): the figures each region chose to publish, with ranks
 * among the regions publishing the same figure, the movement since last year and the distributions.
 * A figure a region keeps to itself says "tidak dipublikasikan", never a number.
 */
import { Container, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { REGION_CLUSTERS } from '#domain/nasional/clusters.ts';
import { publicNationalQueryOptions } from '../../api/nasional.api.ts';
import { ListEmpty } from '../../components/list-empty.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { DistributionCharts, RegionTable, yearChoices } from './rollup-parts.tsx';

export function PublicNationalPage() {
  const { t, pick } = useI18n();
  useDocumentTitle(`${t('publik.title')} · Sinergi`);
  const [params, setParams] = useSearchParams();
  const yearParam = Number(params.get('tahun'));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 ? yearParam : undefined;
  const cluster = params.get('klaster') ?? '';
  const query = useQuery(publicNationalQueryOptions(year));
  const data = query.data;
  const rows = data ? data.items.filter((r) => cluster === '' || r.cluster === cluster) : [];
  const update = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value === '') next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };

  return (
    <Container size="xl" py="md">
      <Stack>
        <div>
          <Title order={1}>{t('publik.title')}</Title>
          <Text c="dimmed">{t('publik.description')}</Text>
        </div>
        {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
        {query.isPending ? <TableSkeleton /> : null}
        {data ? (
          <>
            <Group align="flex-end" gap="md">
              <NativeSelect
                label={t('nasional.year')}
                value={String(data.year)}
                onChange={(e) => update('tahun', e.currentTarget.value)}
                data={yearChoices(data.year)}
                w={110}
              />
              <NativeSelect
                label={t('nasional.cluster')}
                value={cluster}
                onChange={(e) => update('klaster', e.currentTarget.value)}
                data={[
                  { value: '', label: t('nasional.cluster.all') },
                  ...REGION_CLUSTERS.map((c) => ({ value: c.id, label: pick({ id: c.name, en: c.nameEn }) })),
                ]}
                w={180}
              />
              <Text size="sm" c="dimmed">
                {t('publik.regions', { n: data.items.length })}
              </Text>
            </Group>
            {data.items.length === 0 ? (
              <ListEmpty kind="empty" title={t('publik.empty.title')} description={t('publik.empty.text')} />
            ) : (
              <>
                <DistributionCharts distributions={data.distributions} />
                {rows.length === 0 ? (
                  <ListEmpty kind="no-match" title={t('nasional.noMatch.title')} description={t('nasional.noMatch.text')} />
                ) : (
                  <RegionTable label={t('publik.title')} rows={rows} previousYear={data.previousYear} />
                )}
              </>
            )}
            <Text size="sm" c="dimmed">
              {t('nasional.rules')}
            </Text>
          </>
        ) : null}
      </Stack>
    </Container>
  );
}
