/**
 * "Indikator IID" of one innovation: every SID indicator with its parameters, the level claimed by the
 * owner and verified by the reviewer, and its evidence (the innovation's evidence under the target
 * `sid.<id>`): an indicator without evidence scores 0 when the period requires evidence. The owner
 * answers (answering a verified innovation sends it back for review), the reviewer accepts or corrects.
 */
import { Alert, Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { IconInfoCircle } from '@tabler/icons-react';
import { type IidAnswerState, iidKey, type SidSheet, answerSid, sidSheetQueryOptions, verifySid } from '../../api/iid.api.ts';
import type { Innovation } from '../../api/innovations.api.ts';
import { QueryError } from '../../components/query-error.tsx';
import { useFigures } from '../../components/figures.ts';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { EvidenceSlot } from '../../components/evidence-slot.tsx';
import { useInnovationEvidenceSource } from '../../components/innovation-evidence-source.ts';
import { ParameterAnswer } from './parameter-answer.tsx';

type SidIndicator = SidSheet['indicators'][number];

function SidIndicatorCard({
  regionCode,
  innovation,
  sheet,
  indicator,
  canChangeEvidence,
  onDone,
  onInnovationChanged,
}: {
  regionCode: string;
  innovation: Innovation;
  sheet: SidSheet;
  indicator: SidIndicator;
  canChangeEvidence: boolean;
  onDone: (state: IidAnswerState | null) => Promise<unknown>;
  onInnovationChanged: () => void;
}) {
  const { t } = useI18n();
  const evidence = useInnovationEvidenceSource(regionCode, innovation.id, indicator.evidenceTarget);
  // Evidence changed on a verified innovation sends it back for review: the page shows the new status.
  // It also puts this indicator's verification back to pending, so the sheet is read again.
  const source = {
    ...evidence,
    refresh: async () => {
      await evidence.refresh();
      await onDone(null);
      if (innovation.status === 'terverifikasi') onInnovationChanged();
    },
  };
  return (
    <ParameterAnswer
      indicator={indicator}
      canAnswer={sheet.canAnswer}
      canVerify={sheet.canVerify}
      onAnswer={(level, version, basisUkur) => answerSid(regionCode, innovation.id, indicator.id, { level, version, basisUkur })}
      onVerify={(input) => verifySid(regionCode, innovation.id, indicator.id, input)}
      onDone={onDone}
      badges={
        indicator.withoutEvidence ? (
          <Badge variant="light" color="red" radius="sm">
            {t('iid.withoutEvidence')}
          </Badge>
        ) : indicator.claimedLevel !== null ? (
          <Badge variant="light" color="teal" radius="sm">
            {t('iid.scoredLevel', { level: indicator.scoredLevel })}
          </Badge>
        ) : null
      }
    >
      <EvidenceSlot
        label={t('iid.evidenceFor', { id: indicator.id })}
        hint={
          indicator.evidenceHints.length > 0 ? (
            <List size="xs" spacing={0}>
              {indicator.evidenceHints.map((h) => (
                <List.Item key={h}>{h}</List.Item>
              ))}
            </List>
          ) : undefined
        }
        items={indicator.evidence}
        source={source}
        canChange={canChangeEvidence}
        deleteText={(title) => t('evidence.delete.text', { title })}
      />
    </ParameterAnswer>
  );
}

export function SidPanel({
  regionCode,
  innovation,
  canChangeEvidence,
  onInnovationChanged,
}: {
  regionCode: string;
  innovation: Innovation;
  canChangeEvidence: boolean;
  /** The innovation's status changed (an answer sent a verified innovation back): reload it. */
  onInnovationChanged: () => void;
}) {
  const { t } = useI18n();
  const { figure } = useFigures();
  const queryClient = useQueryClient();
  const query = useQuery(sidSheetQueryOptions(regionCode, innovation.id));

  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <TableSkeleton rows={8} />;
  const sheet = query.data;
  const onDone = async (state: IidAnswerState | null) => {
    await queryClient.invalidateQueries({ queryKey: iidKey(regionCode) });
    if (state?.innovationStatus && state.innovationStatus !== innovation.status) onInnovationChanged();
  };
  const answered = sheet.indicators.filter((i) => i.claimedLevel !== null).length;
  const score = (text: string) => figure(text, 'iid');

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Title order={2} size="h4" mb={4}>
          {t('iid.sidTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('iid.sidText', { answered, total: sheet.indicators.length })}
        </Text>
        <SimpleGrid cols={{ base: 2 }} spacing="sm" mb="sm">
          <Paper withBorder radius="md" p="sm" role="group" aria-label={t('iid.claimedScore')}>
            <Text size="xs" c="dimmed" fw={600}>
              {t('iid.claimedScore')}
            </Text>
            <Text fz={26} fw={800} data-score-value>
              {score(sheet.claimedScore)}
            </Text>
          </Paper>
          <Paper withBorder radius="md" p="sm" role="group" aria-label={t('iid.verifiedScore')}>
            <Text size="xs" c="dimmed" fw={600}>
              {t('iid.verifiedScore')}
            </Text>
            <Text fz={26} fw={800} data-score-value>
              {score(sheet.verifiedScore)}
            </Text>
            {!sheet.countsForVerified ? (
              <Text size="xs" c="dimmed">
                {t('iid.notCountedVerified')}
              </Text>
            ) : null}
          </Paper>
        </SimpleGrid>
        <Group gap="xs">
          {sheet.evidenceRequired ? (
            <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} p="xs" w="100%">
              {t('iid.evidenceRequired')}
            </Alert>
          ) : null}
          {sheet.canAnswer && innovation.status === 'terverifikasi' ? (
            <Alert color="yellow" variant="light" p="xs" w="100%">
              {t('iid.answerSendsBack')}
            </Alert>
          ) : null}
        </Group>
      </Paper>
      {sheet.indicators.map((indicator) => (
        <SidIndicatorCard
          key={indicator.id}
          regionCode={regionCode}
          innovation={innovation}
          sheet={sheet}
          indicator={indicator}
          canChangeEvidence={canChangeEvidence}
          onDone={onDone}
          onInnovationChanged={onInnovationChanged}
        />
      ))}
    </Stack>
  );
}
