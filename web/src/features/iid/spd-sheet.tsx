/**
 * The region's SPD indicators of one period (its capacity to innovate: vision, budget, regulation…):
 * answered by the region's admins, verified by reviewers, each with its parameters.
 */
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { answerSpd, iidKey, spdSheetQueryOptions, verifySpd } from '../../api/iid.api.ts';
import { useFigures } from '../../components/figures.ts';
import { QueryError } from '../../components/query-error.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ParameterAnswer } from './parameter-answer.tsx';

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
        <ParameterAnswer
          key={indicator.id}
          indicator={indicator}
          canAnswer={sheet.canAnswer}
          canVerify={sheet.canVerify}
          onAnswer={(level, version) => answerSpd(regionCode, periodId, indicator.id, { level, version })}
          onVerify={(input) => verifySpd(regionCode, periodId, indicator.id, input)}
          onDone={onDone}
        />
      ))}
    </Stack>
  );
}
