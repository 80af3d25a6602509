/**
 * The region's smart city for citizens (/portal/:regionCode/kota-cerdas, no login, phone first): the
 * active masterplan's dimensions and elements, the quick wins with their progress, and every programme
 * by dimension with its lead agency, status and progress. Internal notes never reach this page (the
 * public endpoint does not carry them).
 */
import { Badge, Card, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { type PublicSmartCity, publicSmartCityQuery } from '../../api/kota-cerdas.api.ts';
import { ListEmpty } from '../../components/list-empty.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { usePortalRegionName } from '../../components/portal-region-name.ts';
import { KIND_COLORS, KIND_LABELS } from './kota-cerdas-labels.ts';
import { ProgressFigure, StatusBadge } from './progress-figure.tsx';

type Programme = PublicSmartCity['programmes'][number];

function ProgrammeRow({ p }: { p: Programme }) {
  const { t } = useI18n();
  return (
    <Stack gap={4} py={6} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
      <Text size="sm" fw={600}>
        {p.name}
      </Text>
      <Text size="xs" c="dimmed">
        {t('kc.public.lead', { unit: p.leadUnit })}
      </Text>
      <Group gap="xs" wrap="wrap">
        <StatusBadge status={p.status} />
        <ProgressFigure name={p.name} progress={p.progress} width={140} />
      </Group>
    </Stack>
  );
}

export function PortalSmartCityPage() {
  const { t } = useI18n();
  const { regionCode = '' } = useParams();
  const regionName = usePortalRegionName(regionCode);
  useDocumentTitle(`${t('kc.public.title')}${regionName ? ` · ${regionName}` : ''}`);
  const query = useQuery(publicSmartCityQuery(regionCode));
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <TableSkeleton />;
  const data = query.data;
  if (!data) return <ListEmpty kind="empty" title={t('kc.public.none.title')} description={t('kc.public.none.text')} />;
  const { masterplan, programmes } = data;
  const quickWins = programmes.filter((p) => p.kind === 'quick_win');
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('kc.public.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('kc.public.intro', { title: masterplan.title, start: masterplan.startYear, end: masterplan.endYear })}
        </Text>
      </Stack>
      {quickWins.length > 0 ? (
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="xs">
            {t('kc.public.quickWins')}
          </Title>
          {quickWins.map((p) => (
            <ProgrammeRow key={p.id} p={p} />
          ))}
        </Paper>
      ) : null}
      <Title order={2} size="h4">
        {t('kc.public.allProgrammes')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {masterplan.dimensions.map((d) => {
          const own = programmes.filter((p) => p.dimension === d.code);
          return (
            <Card key={d.code} withBorder radius="md" padding="md">
              <Title order={3} size="h5">
                {d.name}
              </Title>
              <Group gap={4} my={6}>
                {d.elements.map((e) => (
                  <Badge key={e.code} size="sm" variant="outline" color="gray" tt="none">
                    {e.name}
                  </Badge>
                ))}
              </Group>
              {own.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('kc.noProgrammes')}
                </Text>
              ) : (
                own.map((p) => (
                  <Stack key={p.id} gap={0}>
                    <Badge size="xs" variant="light" color={KIND_COLORS[p.kind]} mt={6}>
                      {t(KIND_LABELS[p.kind])}
                    </Badge>
                    <ProgrammeRow p={p} />
                  </Stack>
                ))
              )}
            </Card>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
