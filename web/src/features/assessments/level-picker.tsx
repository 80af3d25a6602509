/**
 * The value of one indicator. For a level scale (SPBE 1–5), one card per level with its name and its
 * criteria: the criteria of every level are read beside the choice, and clicking a card (or the arrow
 * keys) picks its level. For a decimal scale (Indeks Pemdi), a number with the scale's range.
 * Read-only, the same cards show which level was claimed and which was verified.
 */
import { Badge, Group, NumberInput, Paper, Radio, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { AssessmentItem } from '../../api/assessments.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { compareDecimalText } from '../../components/decimal-text.ts';

export interface LevelMark {
  value: string | null;
  label: string;
  color: string;
}

function LevelText({ level, name, criteria, marks }: { level: number; name: string; criteria: string; marks: ReactNode }) {
  const { t } = useI18n();
  return (
    <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
      <Group gap="xs" wrap="wrap">
        <Text fw={700} size="sm">
          {t('assessment.levelName', { level, name })}
        </Text>
        {marks}
      </Group>
      <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
        {criteria || t('assessment.noCriteria')}
      </Text>
    </Stack>
  );
}

const isAt = (level: number, value: string | null) => value !== null && compareDecimalText(String(level), value) === 0;

function marksAt(level: number, marks: LevelMark[]) {
  return marks
    .filter((m) => isAt(level, m.value))
    .map((m) => (
      <Badge key={m.label} size="xs" variant="light" color={m.color}>
        {m.label}
      </Badge>
    ));
}

export function LevelPicker({
  item,
  label,
  value,
  onChange,
  marks = [],
  name,
}: {
  item: AssessmentItem;
  label: string;
  value: string | null;
  onChange: (value: string) => void;
  /** Badges on the levels claimed or verified so far. */
  marks?: LevelMark[];
  /** Radio group name: unique per picker on the page. */
  name: string;
}) {
  const selected = item.scale.levels.find((l) => isAt(l.level, value));
  return (
    <Radio.Group label={label} name={name} value={selected ? String(selected.level) : null} onChange={onChange}>
      <Stack gap="xs" mt="xs">
        {item.scale.levels.map((l) => (
          <Radio.Card key={l.level} value={String(l.level)} radius="md" p="sm" data-level={l.level}>
            <Group wrap="nowrap" align="flex-start" gap="sm">
              <Radio.Indicator mt={2} />
              <LevelText level={l.level} name={l.name} criteria={l.criteria} marks={marksAt(l.level, marks)} />
            </Group>
          </Radio.Card>
        ))}
      </Stack>
    </Radio.Group>
  );
}

/** The criteria of every level, the claimed and verified ones marked; nothing to choose. */
export function LevelList({ item, label, marks }: { item: AssessmentItem; label: string; marks: LevelMark[] }) {
  return (
    <Stack gap="xs" role="group" aria-label={label}>
      <Text fw={500} size="sm">
        {label}
      </Text>
      {item.scale.levels.map((l) => {
        const mark = marks.find((m) => isAt(l.level, m.value));
        return (
          <Paper
            key={l.level}
            withBorder
            radius="md"
            p="sm"
            data-level={l.level}
            style={mark ? { borderColor: `var(--mantine-color-${mark.color}-5)`, background: `var(--mantine-color-${mark.color}-0)` } : undefined}
          >
            <LevelText level={l.level} name={l.name} criteria={l.criteria} marks={marksAt(l.level, marks)} />
          </Paper>
        );
      })}
    </Stack>
  );
}

/** A decimal value within the scale (Pemdi: 1,00–5,00), typed with the Indonesian decimal comma. */
export function DecimalValueInput({
  item,
  label,
  value,
  onChange,
  error,
}: {
  item: AssessmentItem;
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: ReactNode;
}) {
  const { t, formatDecimal } = useI18n();
  return (
    <NumberInput
      label={label}
      description={t('assessment.decimalHint', { min: formatDecimal(item.scale.min), max: formatDecimal(item.scale.max) })}
      // Shown as a number; sent as the text the user typed (String of a typed number is exactly it).
      value={value === null ? '' : Number(value)}
      onChange={(v) => onChange(v === '' ? null : typeof v === 'number' ? String(v) : v.replace(',', '.'))}
      min={Number(item.scale.min)}
      max={Number(item.scale.max)}
      step={0.01}
      decimalScale={2}
      decimalSeparator=","
      thousandSeparator={false}
      clampBehavior="blur"
      allowNegative={false}
      inputMode="decimal"
      error={error}
      maw={320}
    />
  );
}
