/**
 * The judge's home: the entries assigned to them in every competition (only theirs: scoring is
 * blind), with how far each sheet is filled, and per competition their declared conflicts of
 * interest (units of the region, entries assigned to them).
 */
import { Anchor, Badge, Button, MultiSelect, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { declareConflicts, type JudgeHome, judgeHomeQuery, judgingKey } from '../../api/kompetisi.api.ts';
import { unitListQueryOptions } from '../../api/units.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { ListEmpty } from '../../components/list-empty.tsx';
import { NoAccess } from '../../components/no-access.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useRegion } from '../../session/region.tsx';
import { MyIgaChecklists } from './iga-checklists.tsx';
import { competitionStageLabel } from './iga-labels.ts';

export function PenjurianPage() {
  const { t } = useI18n();
  const { regionCode, region, can } = useRegion();
  const canJudge = can('competitions.judge');
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const home = useQuery({ ...judgeHomeQuery(regionCode), enabled: canJudge });
  if (region && !canJudge) return <NoAccess />;
  // Sheets still open first: a finished competition's sheets stay readable below them.
  const items = [...(home.data?.items ?? [])].sort((a, b) => Number(a.stageLocked) - Number(b.stageLocked));
  const openCompetitions = new Set(items.filter((i) => !i.stageLocked).map((i) => i.competitionId));
  return (
    <>
      <PageHeader title={t('judging.title')} description={t('judging.description')} />
      <Stack>
        <Paper withBorder radius="md" p="md">
          {home.isError ? (
            <QueryError error={home.error} onRetry={() => void home.refetch()} />
          ) : home.isPending ? (
            <TableSkeleton />
          ) : items.length === 0 ? (
            <ListEmpty kind="empty" title={t('judging.emptyTitle')} description={t('judging.emptyText')} />
          ) : isMobile ? (
            <Stack gap="sm">
              {items.map((i) => (
                <Paper key={i.sheetId} withBorder radius="sm" p="sm">
                  <Anchor component={Link} to={`/penjurian/${i.sheetId}`} fw={700}>
                    {i.innovationName}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {i.competitionName} · {t(competitionStageLabel(i.competitionKind, i.stageCode))}
                  </Text>
                  <Text size="sm" mt={4}>
                    <Badge color={i.status === 'submitted' ? 'green' : 'gray'} variant="light" radius="sm">
                      {t(`kompetisi.panel.sheetStatus.${i.status}`)}
                    </Badge>{' '}
                    {t('judging.col.progress')}: {i.scoredCriteria} / {i.criteriaCount}
                  </Text>
                </Paper>
              ))}
            </Stack>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table striped verticalSpacing="xs" aria-label={t('judging.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('judging.col.innovation')}</Table.Th>
                    <Table.Th>{t('judging.col.competition')}</Table.Th>
                    <Table.Th>{t('judging.col.progress')}</Table.Th>
                    <Table.Th>{t('judging.col.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((i) => (
                    <Table.Tr key={i.sheetId}>
                      <Table.Td>
                        <Anchor component={Link} to={`/penjurian/${i.sheetId}`} fw={600}>
                          {i.innovationName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        {i.competitionName}
                        <Text size="xs" c="dimmed">
                          {t(competitionStageLabel(i.competitionKind, i.stageCode))}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {i.scoredCriteria} / {i.criteriaCount}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={i.status === 'submitted' ? 'green' : 'gray'} variant="light" radius="sm">
                          {t(`kompetisi.panel.sheetStatus.${i.status}`)}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
        {(home.data?.panels ?? [])
          .filter((p) => openCompetitions.has(p.competitionId))
          .map((p) => (
            <Conflicts key={p.competitionId} regionCode={regionCode} panel={p} items={items.filter((i) => i.competitionId === p.competitionId)} />
          ))}
        <MyIgaChecklists regionCode={regionCode} />
      </Stack>
    </>
  );
}

function Conflicts({ regionCode, panel, items }: { regionCode: string; panel: JudgeHome['panels'][number]; items: JudgeHome['items'] }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const units = useQuery(unitListQueryOptions(regionCode, { pageSize: 200 }));
  const [unitIds, setUnitIds] = useState(panel.conflictUnitIds);
  const [entryIds, setEntryIds] = useState(panel.conflictEntryIds);
  const [note, setNote] = useState(panel.conflictNote);
  const save = useMutation({
    mutationFn: () => declareConflicts(regionCode, panel.competitionId, { conflictUnitIds: unitIds, conflictEntryIds: entryIds, note }),
    onSuccess: (data) => {
      queryClient.setQueryData(judgingKey(regionCode), data);
      notifications.show({ color: 'green', message: t('judging.conflictsSaved') });
    },
  });
  const entries = new Map(items.map((i) => [i.entryId, i.innovationName]));
  for (const id of panel.conflictEntryIds) if (!entries.has(id)) entries.set(id, id);
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4">
        {t('judging.conflicts')}: {panel.competitionName}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('judging.conflictsHint')}
      </Text>
      <Stack gap="sm">
        <MultiSelect
          label={t('judging.conflictUnits')}
          data={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
          value={unitIds}
          onChange={setUnitIds}
          searchable
        />
        <MultiSelect
          label={t('judging.conflictEntries')}
          data={[...entries].map(([value, label]) => ({ value, label }))}
          value={entryIds}
          onChange={setEntryIds}
        />
        <Textarea label={t('judging.conflictNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
        <FormErrorAlert error={save.error} />
        <Button onClick={() => save.mutate()} loading={save.isPending} w="fit-content">
          {t('judging.saveConflicts')}
        </Button>
      </Stack>
    </Paper>
  );
}
