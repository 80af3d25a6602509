/**
 * Evaluasi tahunan on the masterplan page: the latest smart-city evaluation's index per pillar with the
 * change since the year before, the overall index over the years, beside the programmes' progress, so a
 * leader sees whether the masterplan's work shows in the evaluation. The figures are the server's
 * (the same as the assessment's own evaluation tab); this section only lays them out.
 */
import { Anchor, Grid, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { evaluationHistoryQueryOptions } from '../../api/evaluations.api.ts';
import type { MasterplanDetail } from '../../api/kota-cerdas.api.ts';
import { IndexTrendChart } from '../../components/evaluation/lazy-charts.tsx';
import { DeltaBadge, PillarTable } from '../../components/evaluation/pillar-table.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useFigures } from '../../components/figures.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useRegion } from '../../session/region.tsx';

export function EvaluationSection({ plan }: { plan: MasterplanDetail }) {
  const { t } = useI18n();
  const { figure } = useFigures();
  const { regionCode } = useRegion();
  const history = useQuery(evaluationHistoryQueryOptions(regionCode));
  const programmes = plan.programmes;
  const done = programmes.filter((p) => p.status === 'selesai').length;
  const held = programmes.filter((p) => p.status === 'terhambat').length;

  let body: ReactNode;
  if (history.isPending) body = <Skeleton h={200} />;
  else if (history.isError) body = <QueryError error={history.error} onRetry={() => void history.refetch()} />;
  else {
    // The latest year that has an index: a year still being filled has none yet.
    const items = history.data.items;
    const latest = items.find((i) => i.index !== null) ?? null;
    const previous = latest ? (items.find((i) => i.year < latest.year && i.frameworkId === latest.frameworkId) ?? null) : null;
    body =
      latest === null ? (
        <Text size="sm" c="dimmed">
          {t('evaluasi.section.empty')}
        </Text>
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Stack gap="xs">
              <Group gap="sm" align="baseline">
                <Text size="sm" c="dimmed">
                  {t('evaluasi.indexTitle', { year: latest.year })}
                </Text>
                <Text fz={28} fw={800} lh={1} data-testid="masterplan-evaluation-index">
                  {figure(latest.index, 'index')}
                </Text>
                <DeltaBadge delta={latest.delta} />
              </Group>
              <PillarTable
                rows={latest.pillars.map((p) => ({
                  ...p,
                  previousIndex: previous?.pillars.find((q) => q.id === p.id)?.index ?? null,
                }))}
                overall={{ index: latest.index, previousIndex: previous?.index ?? null, delta: latest.delta }}
                caption={t('evaluasi.pillarsCaption', { year: latest.year })}
                year={latest.year}
                previousYear={previous?.year ?? null}
              />
              <Group gap="md">
                <Anchor component={Link} to={`/penilaian/${latest.assessmentId}?tab=evaluasi`} size="sm">
                  {t('evaluasi.section.open', { year: latest.year })}
                </Anchor>
                {latest.letterNumber ? (
                  <Text size="sm" c="dimmed">
                    {t('evaluasi.section.letter', { number: latest.letterNumber })}
                  </Text>
                ) : null}
              </Group>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Stack gap="xs">
              <Text size="sm" fw={700}>
                {t('evaluasi.section.trend')}
              </Text>
              <IndexTrendChart points={[...items].reverse()} />
              <Text size="sm" fw={700}>
                {t('evaluasi.section.programmes')}
              </Text>
              <Text size="sm" data-testid="masterplan-programme-progress">
                {t('evaluasi.section.programmesLine', { done, total: programmes.length, held })}
              </Text>
            </Stack>
          </Grid.Col>
        </Grid>
      );
  }
  return (
    <Paper withBorder radius="md" p="md" data-testid="evaluation-section">
      <Title order={2} size="h4">
        {t('evaluasi.section.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('evaluasi.section.hint')}
      </Text>
      {body}
    </Paper>
  );
}
