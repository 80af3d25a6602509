/**
 * The judges of each scored stage: the panel (users with the juri role), adding and removing a
 * judge, running the engine's assignment (shortfalls listed), and every sheet's state, where a
 * submitted sheet can be reopened with a reason while the stage runs.
 */
import { Alert, Badge, Button, Group, List, Modal, Paper, SegmentedControl, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isScoredStage } from '#shared/api/competitions.ts';
import {
  addJudge,
  assignJudges,
  type CompetitionDetail,
  judgeCandidatesQuery,
  panelQuery,
  removeJudge,
  reopenSheet,
} from '../../api/kompetisi.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { competitionStageLabel } from './iga-labels.ts';

export function JudgesPanel({ competition: c, regionCode }: { competition: CompetitionDetail; regionCode: string }) {
  const { t } = useI18n();
  const scored = c.stages.filter((s) => isScoredStage(s.code));
  const [stageId, setStageId] = useState(scored.find((s) => s.status === 'berjalan')?.id ?? scored[0]?.id ?? '');
  if (scored.length === 0) return <Text>{t('kompetisi.panel.noScoredStage')}</Text>;
  return (
    <Stack>
      {scored.length > 1 ? (
        <SegmentedControl
          aria-label={t('kompetisi.panel.stage')}
          value={stageId}
          onChange={setStageId}
          data={scored.map((s) => ({ value: s.id, label: t(competitionStageLabel(c.kind, s.code)) }))}
        />
      ) : null}
      <StagePanel key={stageId} competition={c} regionCode={regionCode} stageId={stageId} />
    </Stack>
  );
}

function StagePanel({ competition: c, regionCode, stageId }: { competition: CompetitionDetail; regionCode: string; stageId: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const stage = c.stages.find((s) => s.id === stageId);
  const panel = useQuery(panelQuery(regionCode, c.id, stageId));
  const candidates = useQuery(judgeCandidatesQuery(regionCode, c.id));
  const [pick, setPick] = useState<string | null>(null);
  const [reopening, setReopening] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const setPanel = (data: Awaited<ReturnType<typeof assignJudges>>) => queryClient.setQueryData(panelQuery(regionCode, c.id, stageId).queryKey, data);
  const add = useMutation({
    mutationFn: (userId: string) => addJudge(regionCode, c.id, stageId, { userId }),
    onSuccess: (d) => {
      setPanel(d);
      setPick(null);
    },
  });
  const remove = useMutation({ mutationFn: (judgeId: string) => removeJudge(regionCode, c.id, stageId, judgeId), onSuccess: setPanel });
  const assign = useMutation({ mutationFn: () => assignJudges(regionCode, c.id, stageId), onSuccess: setPanel });
  const reopen = useMutation({
    mutationFn: () => reopenSheet(regionCode, c.id, stageId, reopening ?? '', { reason }),
    onSuccess: (d) => {
      setPanel(d);
      setReopening(null);
      setReason('');
    },
  });
  if (panel.isError) return <QueryError error={panel.error} onRetry={() => void panel.refetch()} />;
  if (!panel.data || !stage) return <TableSkeleton />;
  const p = panel.data;
  const onPanel = new Set(p.judges.map((j) => j.userId));
  const running = stage.status === 'berjalan';
  const open = stage.status !== 'dikunci';

  return (
    <Stack>
      <Paper withBorder radius="md" p="md">
        <Title order={2} size="h4" mb="sm">
          {t('kompetisi.panel.judges')}
        </Title>
        {p.judges.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('kompetisi.panel.noJudges')}
          </Text>
        ) : (
          <Table verticalSpacing="xs" aria-label={t('kompetisi.panel.judges')}>
            <Table.Tbody>
              {p.judges.map((j) => (
                <Table.Tr key={j.id}>
                  <Table.Td fw={600}>{j.displayName}</Table.Td>
                  <Table.Td>{t('kompetisi.panel.load', { assigned: j.assigned, submitted: j.submitted })}</Table.Td>
                  <Table.Td>
                    {j.conflictUnitIds.length + j.conflictEntryIds.length > 0 ? (
                      <Badge color="orange" variant="light" radius="sm">
                        {t('kompetisi.panel.conflicts', { n: j.conflictUnitIds.length + j.conflictEntryIds.length })}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td ta="end">
                    {open ? (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => remove.mutate(j.id)}
                        loading={remove.isPending && remove.variables === j.id}
                      >
                        {t('kompetisi.panel.remove')}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {open ? (
          <Group mt="md" align="flex-end">
            <Select
              label={t('kompetisi.panel.pick')}
              data={(candidates.data?.items ?? [])
                .filter((u) => !onPanel.has(u.id))
                .map((u) => ({
                  value: u.id,
                  // A national panel draws judges from every region: name the region there only.
                  label:
                    c.scope === 'national' && u.regionName
                      ? `${u.displayName} (${u.username}) · ${u.regionName}`
                      : `${u.displayName} (${u.username})`,
                }))}
              value={pick}
              onChange={setPick}
              searchable
              w={320}
            />
            <Button variant="light" disabled={!pick} loading={add.isPending} onClick={() => pick && add.mutate(pick)}>
              {t('kompetisi.panel.add')}
            </Button>
          </Group>
        ) : null}
        <FormErrorAlert error={add.error ?? remove.error} />
      </Paper>

      {running ? (
        <Paper withBorder radius="md" p="md">
          <Group justify="space-between" align="flex-start">
            <Text size="sm" c="dimmed" maw={560}>
              {t(c.scope === 'national' ? 'kompetisi.panel.assignHintNational' : 'kompetisi.panel.assignHint')}
            </Text>
            <Button onClick={() => assign.mutate()} loading={assign.isPending} disabled={p.judges.length === 0}>
              {t('kompetisi.panel.assign')}
            </Button>
          </Group>
          <FormErrorAlert error={assign.error} />
          {p.shortfalls.length > 0 && p.sheets.length > 0 ? (
            <Alert color="orange" mt="md" title={t('kompetisi.panel.shortfalls')}>
              <List size="sm">
                {p.shortfalls.map((s) => (
                  <List.Item key={s.entryId}>
                    {t('kompetisi.panel.shortfall', { name: s.innovationName, assigned: s.assigned, needed: s.needed })}
                  </List.Item>
                ))}
              </List>
            </Alert>
          ) : null}
        </Paper>
      ) : null}

      {p.sheets.length > 0 ? (
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="sm">
            {t('kompetisi.panel.sheets')}
          </Title>
          <Table striped verticalSpacing="xs" aria-label={t('kompetisi.panel.sheets')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('kompetisi.entries.col.innovation')}</Table.Th>
                <Table.Th>{t('kompetisi.results.col.judges')}</Table.Th>
                <Table.Th>{t('kompetisi.entries.col.status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.sheets.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{s.innovationName}</Table.Td>
                  <Table.Td>{s.judgeName}</Table.Td>
                  <Table.Td>
                    <Badge color={s.status === 'submitted' ? 'green' : 'gray'} variant="light" radius="sm">
                      {t(`kompetisi.panel.sheetStatus.${s.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="end">
                    {running && s.status === 'submitted' ? (
                      <Button size="xs" variant="subtle" onClick={() => setReopening(s.id)}>
                        {t('kompetisi.panel.reopen')}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ) : null}

      <Modal opened={reopening !== null} onClose={() => setReopening(null)} title={t('kompetisi.panel.reopenTitle')}>
        <Stack>
          <Textarea
            label={t('kompetisi.panel.reopenReason')}
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <FormErrorAlert error={reopen.error} />
          <Group justify="flex-end">
            <Button onClick={() => reopen.mutate()} loading={reopen.isPending}>
              {t('kompetisi.panel.reopen')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
