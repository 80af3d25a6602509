/** How far each unit is: indicators filled and verified of those assigned to it, the furthest behind first. */
import { Box, Paper, Progress, Stack, Text } from '@mantine/core';
import type { AssessmentDetail } from '../../api/assessments.api.ts';
import { FoldOnPhone } from '../../components/fold-on-phone.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export function UnitProgress({ rows }: { rows: AssessmentDetail['progressByUnit'] }) {
  const { t, formatNumber } = useI18n();
  const sorted = [...rows].sort((a, b) => a.filled / Math.max(1, a.total) - b.filled / Math.max(1, b.total));
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
      <FoldOnPhone title={t('assessment.progressByUnit')}>
        <Stack gap="sm">
          {sorted.map((row) => {
            const name = row.unitName ?? t('assessment.unassigned');
            return (
              <Box key={row.unitId ?? 'none'} role="group" aria-label={name}>
                <Text size="sm" fw={600} lh={1.3}>
                  {name}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('assessment.progressText', {
                    filled: formatNumber(row.filled),
                    verified: formatNumber(row.verified),
                    total: formatNumber(row.total),
                  })}
                </Text>
                <Progress.Root size="md" mt={4} aria-hidden>
                  <Progress.Section value={(row.verified / Math.max(1, row.total)) * 100} color="green" />
                  <Progress.Section value={((row.filled - Math.min(row.filled, row.verified)) / Math.max(1, row.total)) * 100} color="blue" />
                </Progress.Root>
              </Box>
            );
          })}
        </Stack>
      </FoldOnPhone>
    </Paper>
  );
}
