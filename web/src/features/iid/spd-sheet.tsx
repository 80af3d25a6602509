/**
 * The region's SPD indicators of one period (its capacity to innovate: vision, budget, regulation…):
 * answered by the region's admins, verified by reviewers, each with its parameters and its evidence
 * (the period's evidence under the slot `spd.<id>`; any change puts the indicator back to pending).
 * An indicator whose parameters are thresholds on a figure is answered with the figure and its source.
 */
import { List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  addSpdEvidenceLink,
  answerSpd,
  deleteSpdEvidence,
  iidKey,
  type SpdSheet as SpdSheetData,
  spdEvidenceContentUrl,
  spdSheetQueryOptions,
  uploadSpdEvidence,
  verifySpd,
} from '../../api/iid.api.ts';
import { useFigures } from '../../components/figures.ts';
import { QueryError } from '../../components/query-error.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { EvidenceSlot, type EvidenceSource } from '../../components/evidence-slot.tsx';
import { ParameterAnswer } from './parameter-answer.tsx';
import { SpdFigureAnswer } from './spd-figure-answer.tsx';

type SpdIndicator = SpdSheetData['indicators'][number];

function SpdIndicatorCard({
  regionCode,
  periodId,
  sheet,
  indicator,
  onDone,
}: {
  regionCode: string;
  periodId: string;
  sheet: SpdSheetData;
  indicator: SpdIndicator;
  onDone: () => Promise<unknown>;
}) {
  const { t } = useI18n();
  // Whoever may answer may change the evidence (the server's rule is periods.write for both).
  const source: EvidenceSource = {
    contentUrl: (evidenceId) => spdEvidenceContentUrl(regionCode, periodId, evidenceId),
    upload: (file, onProgress) => uploadSpdEvidence(regionCode, periodId, indicator.id, { title: '', file }, onProgress),
    addLink: (input) => addSpdEvidenceLink(regionCode, periodId, indicator.id, input),
    remove: (evidenceId) => deleteSpdEvidence(regionCode, periodId, evidenceId),
    refresh: onDone,
  };
  const figure = indicator.figure;
  return (
    <ParameterAnswer
      indicator={indicator}
      canAnswer={sheet.canAnswer}
      canVerify={sheet.canVerify}
      onAnswer={(level, version) => answerSpd(regionCode, periodId, indicator.id, { level, version })}
      onVerify={(input) => verifySpd(regionCode, periodId, indicator.id, input)}
      onDone={onDone}
      answerControl={
        figure ? (
          <SpdFigureAnswer
            indicator={indicator}
            figure={figure}
            canAnswer={sheet.canAnswer}
            // The level is the server's choice from the figure; the body still carries the field.
            onAnswer={(input, version) => answerSpd(regionCode, periodId, indicator.id, { level: null, version, figure: input })}
            onDone={onDone}
          />
        ) : undefined
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
        canChange={sheet.canAnswer}
        deleteText={(title) => t('iid.spdEvidenceDelete', { title, id: indicator.id })}
      />
    </ParameterAnswer>
  );
}

export function SpdSheet({ regionCode, periodId }: { regionCode: string; periodId: string }) {
  const { t } = useI18n();
  const { figure } = useFigures();
  const queryClient = useQueryClient();
  const query = useQuery(spdSheetQueryOptions(regionCode, periodId));
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <TableSkeleton rows={8} />;
  const sheet = query.data;
  const onDone = () => queryClient.invalidateQueries({ queryKey: iidKey(regionCode) });
  return (
    <Stack gap="sm">
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Title order={2} size="h4" mb={4}>
          {t('iid.spdTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t(sheet.canAnswer ? 'iid.spdText' : 'iid.spdReadOnly')}
        </Text>
        <Text size="sm" mt="xs">
          {t('iid.spdScores', {
            claimed: figure(sheet.claimedScore, 'iid'),
            verified: figure(sheet.verifiedScore, 'iid'),
          })}
        </Text>
      </Paper>
      {sheet.indicators.map((indicator) => (
        <SpdIndicatorCard key={indicator.id} regionCode={regionCode} periodId={periodId} sheet={sheet} indicator={indicator} onDone={onDone} />
      ))}
    </Stack>
  );
}
