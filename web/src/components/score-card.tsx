/**
 * The pieces every index page shows: a predicate (the named band of an index) in a color that reads
 * from good to poor whatever the framework calls its bands, and a card with one headline index.
 */
import { Badge, type BadgeProps, Card, Group, Text } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { type FigureKind, useFigures } from './figures.ts';
import { type MessageKey, messagesId } from '../i18n/messages.id.ts';

/**
 * Bands are data (SPBE: Memuaskan … Kurang; IID: Sangat Inovatif … Tidak Dapat Dinilai; Pemdi's are
 * uncertain), so the color is read from the words of the name, the weakest words first.
 */
export function predicateColor(predicate: string | null): string {
  const name = (predicate ?? '').toLowerCase();
  if (name === '') return 'gray';
  if (/tidak|buruk|sangat kurang/.test(name)) return 'red';
  if (/kurang/.test(name)) return 'orange';
  if (/cukup/.test(name)) return 'yellow';
  if (/memuaskan|sangat/.test(name)) return 'green';
  if (/baik|inovatif/.test(name)) return 'teal';
  return 'blue';
}

/**
 * A predicate in the reader's language: the frameworks name their bands in Indonesian, and the ones
 * shipped have an English name in the dictionary (`predicate.sangat_baik`); a band a region uploaded
 * under another name shows as written.
 */
export function usePredicateText(): (predicate: string) => string {
  const { t } = useI18n();
  return (predicate) => {
    const key = `predicate.${predicate.trim().toLowerCase().replace(/\s+/g, '_')}`;
    return key in messagesId ? t(key as MessageKey) : predicate;
  };
}

export function PredicateBadge({ predicate, ...props }: { predicate: string | null } & Omit<BadgeProps, 'color' | 'children'>) {
  const predicateText = usePredicateText();
  if (!predicate) return null;
  return (
    <Badge variant="light" radius="sm" color={predicateColor(predicate)} {...props}>
      {predicateText(predicate)}
    </Badge>
  );
}

/** One headline index, labelled for assistive technology by its caption; "—" while there is none. */
export function ScoreCard({
  label,
  index,
  predicate,
  kind = 'index',
  children,
}: {
  label: string;
  /** Which kind of figure the index is, for its places (an IID or an SPBE-like index). */
  kind?: FigureKind;
  index: string | null;
  predicate: string | null;
  children?: ReactNode;
}) {
  const { figure } = useFigures();
  const labelId = useId();
  return (
    <Card withBorder radius="md" padding="md" role="group" aria-labelledby={labelId}>
      <Text id={labelId} size="sm" c="dimmed" fw={600}>
        {label}
      </Text>
      <Group gap="xs" align="baseline" wrap="wrap">
        <Text fz={{ base: 30, sm: 36 }} fw={800} lh={1.15} data-score-value>
          {index === null ? '—' : figure(index, kind)}
        </Text>
        <PredicateBadge predicate={predicate} size="lg" data-score-predicate />
      </Group>
      {children}
    </Card>
  );
}
