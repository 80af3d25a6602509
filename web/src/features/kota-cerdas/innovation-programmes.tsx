/**
 * The smart-city programmes an innovation realises, on the innovation's page: the other side of the
 * programme's own list of innovations, so the link reads both ways. Shown only when there is one.
 */
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { innovationProgrammesQueryOptions } from '../../api/kota-cerdas.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { KIND_COLORS, KIND_LABELS } from './kota-cerdas-labels.ts';
import { ProgressFigure, StatusBadge } from './progress-figure.tsx';

export function InnovationProgrammes({ regionCode, innovationId }: { regionCode: string; innovationId: string }) {
  const { t } = useI18n();
  const query = useQuery(innovationProgrammesQueryOptions(regionCode, innovationId));
  const items = query.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} data-innovation-programmes>
      <Title order={2} size="h4" mb={4}>
        {t('kc.innovationProgrammes.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('kc.innovationProgrammes.text')}
      </Text>
      <Stack gap="sm">
        {items.map((p) => (
          <Stack key={p.id} gap={4}>
            <Anchor component={Link} to={`/kota-cerdas/program/${p.id}`} fw={600}>
              {p.name}
            </Anchor>
            <Group gap="xs">
              <Badge variant="light" color={KIND_COLORS[p.kind]} radius="sm">
                {t(KIND_LABELS[p.kind])}
              </Badge>
              <StatusBadge status={p.status} />
            </Group>
            <ProgressFigure name={p.name} progress={p.progress} />
            <Text size="xs" c="dimmed">
              {p.masterplanTitle}
            </Text>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
