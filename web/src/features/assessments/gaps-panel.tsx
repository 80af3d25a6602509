/**
 * Gap analysis: for every indicator below the top of its scale, the next level with its criteria and
 * how much the index rises when it is reached, the biggest gain first, on the verified or the claimed
 * values; and how this year compares with the previous assessment of the same framework.
 */
import { Badge, Group, Paper, SegmentedControl, SimpleGrid, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { IconArrowDownRight, IconArrowRight, IconArrowUpRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useState } from 'react';
import { type AssessmentDetail, type GapAnalysis, type GapBasis, gapsQueryOptions } from '../../api/assessments.api.ts';
import { ListEmpty } from '../../components/list-empty.tsx';
import { useFigures } from '../../components/figures.ts';
import { QueryError } from '../../components/query-error.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { compareDecimalText } from '../../components/decimal-text.ts';
import { ScoreCard } from '../../components/score-card.tsx';
import { useValueText } from './indicator-panel.tsx';

type Gap = GapAnalysis['items'][number];

function GapName({ gap, isKnown }: { gap: Gap; isKnown: boolean }) {
  return (
    <Text size="sm" fw={600}>
      {isKnown ? (
        <Link to={`?indikator=${encodeURIComponent(gap.indicatorId)}`} style={{ color: 'inherit' }}>
          {gap.indicatorId}. {gap.name}
        </Link>
      ) : (
        `${gap.indicatorId}. ${gap.name}`
      )}
    </Text>
  );
}

/** One gap as a card, for phones: the same facts as a table row, stacked. */
function GapCard({ gap, rank, isKnown }: { gap: Gap; rank: number; isKnown: boolean }) {
  const { t, formatDecimal } = useI18n();
  const { figure, delta } = useFigures();
  return (
    <Paper withBorder radius="md" p="sm" data-gap={gap.indicatorId}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Text size="sm" c="dimmed" fw={700}>
          {rank}
        </Text>
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <GapName gap={gap} isKnown={isKnown} />
          <Group gap="xs" wrap="wrap">
            <Text size="sm">
              {formatDecimal(gap.current)} → <strong>{formatDecimal(gap.next)}</strong>
              {gap.nextLevelName ? ` · ${gap.nextLevelName}` : ''}
            </Text>
            <Badge variant="light" color="green">
              {delta(gap.gain, 'index')}
            </Badge>
            <Text size="sm">
              {t('gaps.col.after')}: <strong>{figure(gap.indexAfter, 'index')}</strong>
            </Text>
          </Group>
          {gap.nextCriteria ? (
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
              <strong>{t('gaps.nextCriteria')}:</strong> {gap.nextCriteria}
            </Text>
          ) : null}
        </Stack>
      </Group>
    </Paper>
  );
}

function Comparison({ assessment, gaps }: { assessment: AssessmentDetail; gaps: GapAnalysis }) {
  const { t, formatDecimal, formatNumber } = useI18n();
  const valueText = useValueText();
  const [showAll, setShowAll] = useState(false);
  const previous = gaps.previous;
  if (!previous) {
    return (
      <Paper withBorder radius="md" p="md">
        <Title order={3} size="h5" mb={4}>
          {t('gaps.previousTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('gaps.noPrevious')}
        </Text>
      </Paper>
    );
  }
  const names = new Map(assessment.items.map((i) => [i.indicatorId, i]));
  const delta = (p: string | null, c: string | null) => (p === null || c === null ? null : compareDecimalText(c, p));
  const rows = previous.indicators.map((r) => ({ ...r, change: delta(r.previous, r.current) }));
  const up = rows.filter((r) => r.change !== null && r.change > 0).length;
  const down = rows.filter((r) => r.change !== null && r.change < 0).length;
  const shown = showAll ? rows : rows.filter((r) => r.change !== 0);
  const indexChange = previous.index !== null && gaps.index !== null ? compareDecimalText(gaps.index, previous.index) : null;

  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm" gap="sm">
        <Title order={3} size="h5">
          {t('gaps.previousTitle')} {previous.year}
        </Title>
        <Switch label={t('gaps.showUnchanged')} checked={showAll} onChange={(e) => setShowAll(e.currentTarget.checked)} />
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm" mb="sm">
        <ScoreCard label={t('gaps.previousIndex', { year: previous.year })} index={previous.index} predicate={previous.predicate} />
        <ScoreCard label={t('gaps.currentIndex', { year: assessment.year })} index={gaps.index} predicate={null}>
          {indexChange !== null ? (
            <Badge mt="xs" variant="light" color={indexChange > 0 ? 'green' : indexChange < 0 ? 'red' : 'gray'}>
              {indexChange > 0 ? t('gaps.up') : indexChange < 0 ? t('gaps.down') : t('gaps.same')}
            </Badge>
          ) : null}
        </ScoreCard>
        <Paper withBorder radius="md" p="md">
          <Text size="sm" c="dimmed" fw={600}>
            {t('gaps.indicatorChanges')}
          </Text>
          <Text size="sm" mt={4}>
            <Text span c="green" fw={700}>
              {t('gaps.nUp', { n: formatNumber(up) })}
            </Text>
            {' · '}
            <Text span c="red" fw={700}>
              {t('gaps.nDown', { n: formatNumber(down) })}
            </Text>
          </Text>
        </Paper>
      </SimpleGrid>
      {shown.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('gaps.noChanges')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing={6} striped aria-label={t('gaps.previousTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('gaps.col.indicator')}</Table.Th>
                <Table.Th>{previous.year}</Table.Th>
                <Table.Th>{assessment.year}</Table.Th>
                <Table.Th>{t('gaps.col.change')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((r) => {
                const item = names.get(r.indicatorId);
                const text = (v: string | null) => (v === null ? '—' : item ? valueText(item, v) : formatDecimal(v));
                return (
                  <Table.Tr key={r.indicatorId}>
                    <Table.Td>
                      <Text size="sm">
                        <strong>{r.indicatorId}</strong> {item?.name ?? ''}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{text(r.previous)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{text(r.current)}</Table.Td>
                    <Table.Td>
                      {r.change === null ? (
                        '—'
                      ) : r.change > 0 ? (
                        <IconArrowUpRight size={18} color="var(--mantine-color-green-7)" aria-label={t('gaps.up')} />
                      ) : r.change < 0 ? (
                        <IconArrowDownRight size={18} color="var(--mantine-color-red-7)" aria-label={t('gaps.down')} />
                      ) : (
                        <IconArrowRight size={18} color="var(--mantine-color-gray-6)" aria-label={t('gaps.same')} />
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

export function GapsPanel({ regionCode, assessment }: { regionCode: string; assessment: AssessmentDetail }) {
  const { t, formatDecimal } = useI18n();
  const { figure, delta } = useFigures();
  // During self-assessment nothing is verified yet: the claim is what there is to improve.
  const [basis, setBasis] = useState<GapBasis>(assessment.stage === 'mandiri' ? 'claimed' : 'verified');
  const query = useQuery(gapsQueryOptions(regionCode, assessment.id, basis));
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const names = new Map(assessment.items.map((i) => [i.indicatorId, i]));

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Group justify="space-between" gap="sm" mb="sm" align="flex-end">
          <div>
            <Title order={2} size="h5">
              {t('gaps.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('gaps.text')}
            </Text>
          </div>
          <SegmentedControl
            aria-label={t('gaps.basis')}
            value={basis}
            onChange={(v) => setBasis(v === 'claimed' ? 'claimed' : 'verified')}
            data={[
              { value: 'verified', label: t('gaps.basis.verified') },
              { value: 'claimed', label: t('gaps.basis.claimed') },
            ]}
          />
        </Group>
        {query.isError ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : query.isPending ? (
          <TableSkeleton rows={8} />
        ) : query.data.items.length === 0 ? (
          <ListEmpty kind="empty" title={t('gaps.none.title')} description={t('gaps.none.text')} />
        ) : (
          <>
            <Text size="sm" mb="xs">
              {t('gaps.indexNow', { index: query.data.index === null ? '—' : figure(query.data.index, 'index') })}
            </Text>
            {isMobile ? (
              <Stack component="ol" gap="xs" aria-label={t('gaps.title')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {query.data.items.map((g, n) => (
                  <li key={g.indicatorId}>
                    <GapCard gap={g} rank={n + 1} isKnown={names.has(g.indicatorId)} />
                  </li>
                ))}
              </Stack>
            ) : (
              <Table.ScrollContainer minWidth={720}>
                <Table verticalSpacing="xs" striped aria-label={t('gaps.title')} aria-busy={query.isFetching}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={40}>#</Table.Th>
                      <Table.Th>{t('gaps.col.indicator')}</Table.Th>
                      <Table.Th>{t('gaps.col.step')}</Table.Th>
                      <Table.Th ta="end">{t('gaps.col.gain')}</Table.Th>
                      <Table.Th ta="end">{t('gaps.col.after')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {query.data.items.map((g, n) => {
                      const item = names.get(g.indicatorId);
                      return (
                        <Table.Tr key={g.indicatorId} data-gap={g.indicatorId}>
                          <Table.Td>{n + 1}</Table.Td>
                          <Table.Td maw={440}>
                            <GapName gap={g} isKnown={item !== undefined} />
                            {g.nextCriteria ? (
                              <Text size="xs" c="dimmed" mt={2} style={{ whiteSpace: 'pre-wrap' }}>
                                <strong>{t('gaps.nextCriteria')}:</strong> {g.nextCriteria}
                              </Text>
                            ) : null}
                          </Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>
                            <Text size="sm">
                              {formatDecimal(g.current)} → <strong>{formatDecimal(g.next)}</strong>
                            </Text>
                            {g.nextLevelName ? (
                              <Text size="xs" c="dimmed">
                                {g.nextLevelName}
                              </Text>
                            ) : null}
                          </Table.Td>
                          <Table.Td ta="end">
                            <Badge variant="light" color="green">
                              {delta(g.gain, 'index')}
                            </Badge>
                          </Table.Td>
                          <Table.Td ta="end" fw={700}>
                            {figure(g.indexAfter, 'index')}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </>
        )}
      </Paper>
      {query.data ? <Comparison assessment={assessment} gaps={query.data} /> : null}
    </Stack>
  );
}
