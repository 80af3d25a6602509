import { Group, Text } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { countWords, RANCANG_BANGUN_MIN_WORDS } from '#domain/innovations/profile.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * The rancang bangun's words against the national minimum, counted by the domain's own `countWords`
 * (the server submits with the same function, so both always agree). Red below, green at or above.
 */
export function WordCounter({ text, id }: { text: string; id?: string }) {
  const { t, formatNumber } = useI18n();
  const words = countWords(text);
  const isEnough = words >= RANCANG_BANGUN_MIN_WORDS;
  const Icon = isEnough ? IconCircleCheck : IconAlertCircle;
  return (
    <Group gap={6} wrap="nowrap" id={id} data-enough={isEnough}>
      <Icon size={16} color={isEnough ? 'var(--mantine-color-green-7)' : 'var(--mantine-color-red-7)'} aria-hidden />
      <Text size="sm" fw={600} c={isEnough ? 'green' : 'red'}>
        {isEnough
          ? t('wordCounter.enough', { words: formatNumber(words), min: formatNumber(RANCANG_BANGUN_MIN_WORDS) })
          : t('wordCounter.short', {
              words: formatNumber(words),
              min: formatNumber(RANCANG_BANGUN_MIN_WORDS),
              missing: formatNumber(RANCANG_BANGUN_MIN_WORDS - words),
            })}
      </Text>
    </Group>
  );
}
