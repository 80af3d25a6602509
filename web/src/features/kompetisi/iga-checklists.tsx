/**
 * IGA nominee preparation, as lists: the nominees of one competition with how far their field
 * validation has come (the competition's "Validasi lapangan" tab), and a judge's own nominees across
 * the competitions whose panel they sit on (on their judging page). Each opens the checklist.
 */
import { Anchor, Badge, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { type FieldChecklistSummary, fieldChecklistsQuery, myFieldChecklistsQuery } from '../../api/kompetisi-iga.api.ts';
import { ListEmpty } from '../../components/list-empty.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCompetitionScope } from './competition-scope.tsx';
import { IgaScrollRegion } from './iga-scroll-region.tsx';

/** The checklist's page under the competitions' base path (the national admin's: /kompetisi-nasional). */
export const checklistPath = (basePath: string, competitionId: string, entryId: string, from?: 'penjurian') =>
  `${basePath}/${competitionId}/validasi/${entryId}${from ? `?dari=${from}` : ''}`;

function ReadinessCell({ item }: { item: FieldChecklistSummary }) {
  const { t, formatNumber } = useI18n();
  const pct = Number(item.readiness);
  return (
    <Stack gap={2} miw={120}>
      <Text size="sm" fw={600}>
        {t('iga.check.readiness', { pct: formatNumber(pct) })}
      </Text>
      <Progress value={pct} size="sm" color={pct >= 80 ? 'green' : pct >= 50 ? 'yellow' : 'red'} aria-hidden />
    </Stack>
  );
}

function SummaryTable({ items, showCompetition, from }: { items: FieldChecklistSummary[]; showCompetition: boolean; from?: 'penjurian' }) {
  const { t } = useI18n();
  // A judge reaches every checklist, a national competition's too, from their region's pages.
  const { basePath } = useCompetitionScope();
  return (
    <IgaScrollRegion label={t('iga.check.title')} minWidth={640}>
      <Table verticalSpacing="sm" aria-label={t('iga.check.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('iga.check.col.innovation')}</Table.Th>
            {showCompetition ? <Table.Th>{t('iga.check.col.competition')}</Table.Th> : null}
            <Table.Th>{t('iga.check.col.progress')}</Table.Th>
            <Table.Th>{t('iga.check.col.readiness')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.entryId}>
              <Table.Td>
                <Anchor component={Link} to={checklistPath(basePath, i.competitionId, i.entryId, from)} fw={600}>
                  {i.innovationName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {i.competitionScope === 'national' ? `${i.unitName} · ${i.regionName}` : i.unitName}
                </Text>
              </Table.Td>
              {showCompetition ? <Table.Td>{i.competitionName}</Table.Td> : null}
              <Table.Td>
                <Text size="sm">{t('iga.check.progress', { checked: i.total - i.counts.belum_diperiksa, total: i.total })}</Text>
                {i.counts.tidak_sesuai + i.counts.perlu_perbaikan > 0 ? (
                  <Badge color="orange" variant="light" radius="sm">
                    {t('iga.check.status.perlu_perbaikan')} / {t('iga.check.status.tidak_sesuai')}: {i.counts.tidak_sesuai + i.counts.perlu_perbaikan}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>
                <ReadinessCell item={i} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </IgaScrollRegion>
  );
}

/** The competition's tab: every nominee with its checklist's progress and readiness. */
export function IgaChecklistsPanel({ regionCode, competitionId }: { regionCode: string; competitionId: string }) {
  const { t } = useI18n();
  const list = useQuery(fieldChecklistsQuery(regionCode, competitionId));
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4">
        {t('iga.check.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('iga.check.intro')} {t('iga.check.readinessHint')}
      </Text>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <TableSkeleton rows={3} />
      ) : list.data.items.length === 0 ? (
        <ListEmpty kind="empty" title={t('iga.check.title')} description={t('iga.check.empty')} />
      ) : (
        <SummaryTable items={list.data.items} showCompetition={false} />
      )}
    </Paper>
  );
}

/** On the judge's page: the nominees they validate; nothing when they sit on no IGA preparation. */
export function MyIgaChecklists({ regionCode }: { regionCode: string }) {
  const { t } = useI18n();
  const list = useQuery(myFieldChecklistsQuery(regionCode));
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  if (!list.data || list.data.items.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4">
        {t('iga.check.mineTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('iga.check.intro')}
      </Text>
      <SummaryTable items={list.data.items} showCompetition from="penjurian" />
    </Paper>
  );
}
