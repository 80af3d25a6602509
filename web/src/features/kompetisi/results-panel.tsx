/**
 * The results: for each locked scored stage the engine's ranking per category (score, judges, tie
 * flag, who advanced), its outlier flags and the judges' means and spreads, and the advance action;
 * then penetapan (decree number and date) with the final ranking, and publication.
 */
import { Alert, Badge, Button, Group, List, NumberInput, Paper, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isScoredStage } from '#shared/api/competitions.ts';
import {
  advanceStage,
  type CompetitionDetail,
  competitionKey,
  finaliseCompetition,
  publishCompetition,
  type StageResults,
  stageResultsQuery,
} from '../../api/kompetisi.api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { competitionStageLabel } from './iga-labels.ts';
import { stageLabel } from './kompetisi-labels.ts';

export function ResultsPanel({ competition: c, regionCode }: { competition: CompetitionDetail; regionCode: string }) {
  const { t } = useI18n();
  const shown = c.stages.filter((s) => isScoredStage(s.code) || s.code === 'penetapan');
  const [stageId, setStageId] = useState(shown.filter((s) => s.status === 'dikunci').at(-1)?.id ?? shown[0]?.id ?? '');
  const stage = c.stages.find((s) => s.id === stageId);
  return (
    <Stack>
      <SegmentedControl
        aria-label={t('kompetisi.panel.stage')}
        value={stageId}
        onChange={setStageId}
        data={shown.map((s) => ({
          value: s.id,
          label: s.code === 'penetapan' ? t('kompetisi.results.final') : t(competitionStageLabel(c.kind, s.code)),
        }))}
      />
      {stage?.code === 'penetapan' ? <Finalisation competition={c} regionCode={regionCode} /> : null}
      {stage ? <StageTable key={stageId} competition={c} regionCode={regionCode} stageId={stageId} /> : null}
    </Stack>
  );
}

function StageTable({ competition: c, regionCode, stageId }: { competition: CompetitionDetail; regionCode: string; stageId: string }) {
  const { t, formatDecimal } = useI18n();
  const queryClient = useQueryClient();
  const stage = c.stages.find((s) => s.id === stageId);
  const results = useQuery(stageResultsQuery(regionCode, c.id, stageId));
  const [n, setN] = useState<number | string>(stage?.advanceN ?? 3);
  const [min, setMin] = useState(stage?.passingScore ?? '70');
  const advance = useMutation({
    mutationFn: () =>
      advanceStage(regionCode, c.id, stageId, stage?.advanceKind === 'passing' ? { kind: 'passing', min } : { kind: 'top', n: Number(n) }),
    onSuccess: (data) => {
      queryClient.setQueryData(stageResultsQuery(regionCode, c.id, stageId).queryKey, data);
      void queryClient.invalidateQueries({ queryKey: competitionKey(regionCode, c.id) });
    },
  });
  if (results.isError) return <QueryError error={results.error} onRetry={() => void results.refetch()} />;
  if (!results.data || !stage) return <TableSkeleton />;
  const r: StageResults = results.data;
  if (!r.locked) return <Alert color="gray">{t('kompetisi.results.notLocked')}</Alert>;
  const categoryName = (code: string) => c.categories.find((x) => x.code === code)?.name ?? code;
  const scored = isScoredStage(stage.code);
  return (
    <Stack>
      {c.categories.map((cat) => {
        const items = r.items.filter((i) => i.category === cat.code);
        if (items.length === 0) return null;
        return (
          <Paper key={cat.code} withBorder radius="md" p="md">
            <Title order={2} size="h4" mb="sm">
              {categoryName(cat.code)}
            </Title>
            <Table striped verticalSpacing="xs" aria-label={`${t(stageLabel(stage.code))} ${cat.name}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th ta="end">{t('kompetisi.results.col.rank')}</Table.Th>
                  <Table.Th>{t('kompetisi.entries.col.innovation')}</Table.Th>
                  <Table.Th>{t('kompetisi.entries.col.unit')}</Table.Th>
                  <Table.Th ta="end">{t('kompetisi.results.col.score')}</Table.Th>
                  <Table.Th ta="end">{t('kompetisi.results.col.judges')}</Table.Th>
                  {scored ? <Table.Th>{t('kompetisi.results.col.advanced')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((i) => (
                  <Table.Tr key={i.entryId}>
                    <Table.Td ta="end" fw={700}>
                      {i.rank}
                      {i.tied ? (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          ({t('kompetisi.results.tied')})
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{i.innovationName}</Table.Td>
                    <Table.Td>{i.regionName && c.scope === 'national' ? `${i.unitName} · ${i.regionName}` : i.unitName}</Table.Td>
                    <Table.Td ta="end">{formatDecimal(i.score)}</Table.Td>
                    <Table.Td ta="end">{i.judgeCount}</Table.Td>
                    {scored ? (
                      <Table.Td>
                        {i.advanced ? (
                          <Badge color="green" variant="light" radius="sm">
                            {t('kompetisi.results.col.advanced')}
                          </Badge>
                        ) : null}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        );
      })}
      {scored ? (
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="sm">
            {t('kompetisi.results.outliers')}
          </Title>
          {r.outliers.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('kompetisi.results.noOutliers')}
            </Text>
          ) : (
            <List size="sm">
              {r.outliers.map((o) => (
                <List.Item key={`${o.entryId}-${o.judgeName}`}>
                  {o.innovationName} — {o.judgeName}: {formatDecimal(o.deviation)}
                </List.Item>
              ))}
            </List>
          )}
          <Title order={3} size="h5" mt="md" mb="xs">
            {t('kompetisi.results.judgeStats')}
          </Title>
          <List size="sm">
            {r.judges.map((j) => (
              <List.Item key={j.judgeName}>
                {j.judgeName}: {formatDecimal(j.mean)} ± {formatDecimal(j.sd)}
              </List.Item>
            ))}
          </List>
          {stage.advanceKind !== 'none' ? (
            <Group mt="md" align="flex-end">
              {stage.advanceKind === 'passing' ? (
                <TextInput label={t('kompetisi.form.passingScore')} value={min} onChange={(e) => setMin(e.currentTarget.value)} w={140} />
              ) : (
                <NumberInput label={t('kompetisi.form.advance.top')} value={n} onChange={setN} min={1} w={200} />
              )}
              <Button onClick={() => advance.mutate()} loading={advance.isPending}>
                {t('kompetisi.results.advance')}
              </Button>
            </Group>
          ) : null}
          <FormErrorAlert error={advance.error} />
        </Paper>
      ) : null}
    </Stack>
  );
}

function Finalisation({ competition: c, regionCode }: { competition: CompetitionDetail; regionCode: string }) {
  const { t, formatDate } = useI18n();
  const queryClient = useQueryClient();
  const [decreeNumber, setDecreeNumber] = useState('');
  const [decreeDate, setDecreeDate] = useState(new Date().toISOString().slice(0, 10));
  const [confirm, setConfirm] = useState(false);
  const refresh = (updated: CompetitionDetail) => {
    queryClient.setQueryData(competitionKey(regionCode, c.id), updated);
    void queryClient.invalidateQueries({ queryKey: competitionKey(regionCode, c.id) });
  };
  const finalise = useMutation({ mutationFn: () => finaliseCompetition(regionCode, c.id, { decreeNumber, decreeDate }), onSuccess: refresh });
  const publish = useMutation({
    mutationFn: () => publishCompetition(regionCode, c.id),
    onSuccess: (updated) => {
      refresh(updated);
      setConfirm(false);
      notifications.show({ color: 'green', message: t('kompetisi.results.published') });
    },
  });
  const ready = c.currentStage === 'penetapan';
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4" mb="sm">
        {t('kompetisi.results.finalise')}
      </Title>
      {c.decreeNumber && c.decreeDate ? (
        <Text size="sm">{t('kompetisi.results.decree', { number: c.decreeNumber, date: formatDate(c.decreeDate) })}</Text>
      ) : ready ? (
        <Group align="flex-end">
          <TextInput
            label={t('kompetisi.results.decreeNumber')}
            value={decreeNumber}
            onChange={(e) => setDecreeNumber(e.currentTarget.value)}
            required
            w={260}
          />
          <TextInput
            type="date"
            label={t('kompetisi.results.decreeDate')}
            value={decreeDate}
            onChange={(e) => setDecreeDate(e.currentTarget.value)}
            required
          />
          <Button onClick={() => finalise.mutate()} loading={finalise.isPending}>
            {t('kompetisi.results.finaliseSubmit')}
          </Button>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {t('kompetisi.results.notLocked')}
        </Text>
      )}
      <FormErrorAlert error={finalise.error} />
      {c.status === 'ditetapkan' ? (
        <Button mt="md" onClick={() => setConfirm(true)}>
          {t('kompetisi.results.publish')}
        </Button>
      ) : null}
      <ConfirmDialog
        opened={confirm}
        title={t('kompetisi.results.publish')}
        message={t('kompetisi.results.publishConfirm')}
        confirmLabel={t('kompetisi.results.publish')}
        isPending={publish.isPending}
        error={publish.error}
        onConfirm={() => publish.mutate()}
        onClose={() => setConfirm(false)}
      />
    </Paper>
  );
}
