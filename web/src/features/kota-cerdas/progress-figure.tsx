/**
 * A programme's progress: a bar with its figure beside it (never the bar alone: the number is what a
 * clerk copies into a report), and its status as a badge.
 */
import { Badge, Group, Progress, Text } from '@mantine/core';
import { useFigures } from '../../components/figures.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { STATUS_COLORS, STATUS_LABELS, type ProgrammeStatus } from './kota-cerdas-labels.ts';

export function ProgressFigure({ name, progress, width = 120 }: { name: string; progress: string | null; width?: number }) {
  const { t } = useI18n();
  const { figure } = useFigures();
  if (progress === null) {
    return (
      <Text size="sm" c="dimmed">
        {t('kc.progressNone')}
      </Text>
    );
  }
  const value = Math.min(100, Number(progress));
  const text = t('kc.progressValue', { value: figure(progress, 'percent') });
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress
        value={value}
        w={width}
        size="lg"
        radius="sm"
        color={value >= 100 ? 'green' : 'blue'}
        aria-label={t('kc.progressLabel', { name, value: text })}
      />
      <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
        {text}
      </Text>
    </Group>
  );
}

export function StatusBadge({ status }: { status: ProgrammeStatus }) {
  const { t } = useI18n();
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} radius="sm">
      {t(STATUS_LABELS[status])}
    </Badge>
  );
}
