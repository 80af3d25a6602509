/**
 * The index as claimed by the units and as verified by the assessors, side by side and live: each
 * with its predicate, and a provisional badge while indicators are missing (a missing indicator counts
 * with the framework's floor, so a provisional index never overstates). Below, every domain and aspect.
 */
import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Tooltip } from '@mantine/core';
import type { AssessmentDetail } from '../../api/assessments.api.ts';
import { useFigures } from '../../components/figures.ts';
import { FoldOnPhone } from '../../components/fold-on-phone.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { PredicateBadge, ScoreCard } from '../../components/score-card.tsx';
import type { BreakdownRow } from './breakdown.ts';

type Figure = AssessmentDetail['claimed'];

function ProvisionalBadge({ figure, missingKey }: { figure: Figure; missingKey: 'assessment.missingClaimed' | 'assessment.missingVerified' }) {
  const { t, formatNumber } = useI18n();
  if (figure.complete) {
    return (
      <Badge variant="light" color="green" mt="xs">
        {t('assessment.complete')}
      </Badge>
    );
  }
  return (
    <Group gap={6} mt="xs" wrap="wrap" data-provisional>
      <Tooltip label={t('assessment.provisionalHint')} multiline w={260} withArrow>
        <Badge variant="light" color="yellow" tabIndex={0}>
          {t('assessment.provisional')}
        </Badge>
      </Tooltip>
      <Text size="xs" c="dimmed" fw={600}>
        {t(missingKey, { n: formatNumber(figure.missing) })}
      </Text>
    </Group>
  );
}

function NodeCell({ figure }: { figure: BreakdownRow['claimed'] }) {
  const figures = useFigures();
  if (!figure) return <Text size="sm">—</Text>;
  return (
    <Text size="sm" component="span" style={{ whiteSpace: 'nowrap' }}>
      <strong>{figures.figure(figure.index, 'index')}</strong> <PredicateBadge predicate={figure.predicate} size="xs" />
    </Text>
  );
}

export function AssessmentFigures({ assessment, breakdown }: { assessment: AssessmentDetail; breakdown: BreakdownRow[] }) {
  const { t } = useI18n();
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
      <Stack gap="md">
        <SimpleGrid cols={2} spacing="sm">
          <ScoreCard label={t('assessment.claimedIndex')} index={assessment.claimed.index} predicate={assessment.claimed.predicate}>
            <ProvisionalBadge figure={assessment.claimed} missingKey="assessment.missingClaimed" />
          </ScoreCard>
          <ScoreCard label={t('assessment.verifiedIndex')} index={assessment.verified.index} predicate={assessment.verified.predicate}>
            <ProvisionalBadge figure={assessment.verified} missingKey="assessment.missingVerified" />
          </ScoreCard>
        </SimpleGrid>
        {breakdown.length > 0 ? (
          <FoldOnPhone title={t('assessment.breakdown')}>
            <Table.ScrollContainer minWidth={460}>
              <Table verticalSpacing={6} aria-label={t('assessment.breakdown')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('assessment.col.node')}</Table.Th>
                    <Table.Th>{t('assessment.col.claimed')}</Table.Th>
                    <Table.Th>{t('assessment.col.verified')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {breakdown.map((row) => (
                    <Table.Tr key={row.id} data-node={row.id}>
                      <Table.Td pl={row.depth === 0 ? undefined : `calc(var(--mantine-spacing-md) * ${row.depth + 1})`}>
                        <Text size="sm" fw={row.depth === 0 ? 700 : 400}>
                          <Text span c="dimmed" size="xs" mr={6}>
                            {row.id}
                          </Text>
                          {row.name}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <NodeCell figure={row.claimed} />
                      </Table.Td>
                      <Table.Td>
                        <NodeCell figure={row.verified} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </FoldOnPhone>
        ) : null}
      </Stack>
    </Paper>
  );
}
