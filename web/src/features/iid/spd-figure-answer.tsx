/**
 * The answer of an SPD indicator whose parameters are thresholds on a figure (the unemployment or
 * poverty rate, the IPM, the BPK audit opinion): the region enters the figure and where it comes from,
 * and the server chooses the parameter from the framework's thresholds, so there is no level to pick.
 * The threshold table shows beforehand which figure gives which parameter; the row of the parameter
 * the server chose is marked after saving. A decimal comma is accepted, as Indonesian figures are written.
 */
import { Alert, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { IidAnswerState, SpdAnswerInput, SpdSheet } from '../../api/iid.api.ts';
import { isApiError } from '../../api/http.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { fieldOf } from '../../components/form-issues.ts';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

type SpdIndicator = SpdSheet['indicators'][number];
type Figure = NonNullable<SpdIndicator['figure']>;
type FigureInput = NonNullable<SpdAnswerInput['figure']>;
type FieldErrors = { value?: string; source?: string; sourceUrl?: string };

/** "9,54", "9.54" or " 9 " as the API's exact decimal with a dot; null when it is no number. */
export function figureText(input: string): string | null {
  const text = input.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(text) ? text : null;
}

function ThresholdTable({ indicator, figure }: { indicator: SpdIndicator; figure: Figure }) {
  const { t, formatDecimal } = useI18n();
  const pointsOf = (level: number) => indicator.parameters.find((p) => p.level === level)?.points ?? null;
  const unit = figure.unit === '' ? '' : ` ${figure.unit}`;
  const rows =
    figure.kind === 'numeric'
      ? figure.thresholds.map((th) => ({
          key: `${th.level}:${th.min}:${th.max}`,
          level: th.level,
          range:
            th.min !== null && th.max !== null
              ? t('iid.figure.between', { min: formatDecimal(th.min), max: formatDecimal(th.max) }) + unit
              : th.min !== null
                ? `≥ ${formatDecimal(th.min)}${unit}`
                : `≤ ${formatDecimal(th.max ?? '')}${unit}`,
        }))
      : figure.options.map((o) => ({ key: o.key, level: o.level, range: `${o.key} (${o.label})` }));
  const chosen = indicator.figureValue === null ? null : indicator.claimedLevel;
  return (
    <ScrollRegion label={t('iid.figure.thresholds', { name: figure.name })} minWidth={320}>
      <Table withTableBorder striped={false} fz="sm" verticalSpacing={4} miw={320}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{figure.kind === 'numeric' ? t('iid.figure.range') : t('iid.figure.category')}</Table.Th>
            <Table.Th>{t('iid.figure.parameter')}</Table.Th>
            <Table.Th ta="right">{t('iid.figure.points')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const isChosen = row.level === chosen;
            const points = pointsOf(row.level);
            return (
              <Table.Tr key={row.key} bg={isChosen ? 'var(--mantine-color-blue-light)' : undefined} aria-current={isChosen ? 'true' : undefined}>
                <Table.Td>{row.range}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {isChosen ? <IconCheck size={14} aria-hidden color="var(--mantine-color-blue-7)" /> : null}
                    <Text size="sm" fw={isChosen ? 700 : 400} span>
                      {row.level}
                      {isChosen ? ` · ${t('iid.figure.chosenMark')}` : ''}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td ta="right">{points === null ? '–' : formatDecimal(points)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

export function SpdFigureAnswer({
  indicator,
  figure,
  canAnswer,
  onAnswer,
  onDone,
}: {
  indicator: SpdIndicator;
  figure: Figure;
  canAnswer: boolean;
  onAnswer: (figure: FigureInput, version: number) => Promise<IidAnswerState>;
  onDone: (state: IidAnswerState | null) => Promise<unknown>;
}) {
  const { t, language, formatDecimal } = useI18n();
  const saved = indicator.figureValue;
  // The input shows the figure as the user writes it: a comma in Indonesian.
  const shown = (value: string) => (figure.kind === 'numeric' && language === 'id' ? value.replace('.', ',') : value);
  const [value, setValue] = useState(saved ? shown(saved.value) : '');
  const [source, setSource] = useState(saved?.source ?? '');
  const [sourceUrl, setSourceUrl] = useState(saved?.sourceUrl ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [chosenRule, setChosenRule] = useState<number | null>(null);
  const unit = figure.unit === '' ? '' : ` ${figure.unit}`;
  const answer = useMutation({
    mutationFn: (input: FigureInput) => onAnswer(input, indicator.version),
    onMutate: () => setErrors({}),
    onSuccess: async (state) => {
      setChosenRule(state.claimedLevel);
      notifications.show({ color: 'green', message: t('iid.figure.saved', { id: state.indicatorId, level: state.claimedLevel ?? '–' }) });
      await onDone(state);
    },
    onError: (error) => {
      // The server's reasons (out of every threshold, too many decimals, no source) go to their field.
      if (!isApiError(error)) return;
      const placed: FieldErrors = {};
      for (const issue of error.issues) {
        const field = fieldOf(issue);
        if (field === 'figure.source') placed.source = issue.reason;
        else if (field === 'figure.sourceUrl') placed.sourceUrl = issue.reason;
        else if (field === 'figure.value' || field === 'figure' || field === 'level') placed.value = issue.reason;
      }
      setErrors(placed);
    },
  });
  const isStale = isApiError(answer.error, 'STALE_VERSION');
  const unplaced = isApiError(answer.error)
    ? answer.error.issues
        .map((i) => ({ field: fieldOf(i), reason: i.reason }))
        .filter((i) => !['figure.source', 'figure.sourceUrl', 'figure.value', 'figure', 'level'].includes(i.field))
    : [];
  const showAlert = answer.error && !(isApiError(answer.error, 'VALIDATION_FAILED') && unplaced.length === 0);

  const submit = () => {
    const next: FieldErrors = {};
    const text = figure.kind === 'numeric' ? figureText(value) : value.trim() || null;
    if (value.trim() === '') next.value = t('iid.figure.valueRequired');
    else if (text === null) next.value = t('iid.figure.valueNumber');
    if (source.trim() === '') next.source = t('iid.figure.sourceRequired');
    if (sourceUrl.trim() !== '' && !/^https?:\/\/\S+$/i.test(sourceUrl.trim())) next.sourceUrl = t('iid.figure.sourceUrlInvalid');
    setErrors(next);
    if (Object.keys(next).length > 0 || text === null) return;
    answer.mutate({ value: text, source: source.trim(), sourceUrl: sourceUrl.trim() === '' ? null : sourceUrl.trim() });
  };

  return (
    <Stack gap="xs">
      <Text size="sm">{t('iid.figure.intro', { name: figure.name })}</Text>
      <ThresholdTable indicator={indicator} figure={figure} />
      {figure.note ? (
        <Text size="xs" c="dimmed">
          {figure.note}
        </Text>
      ) : null}
      {saved ? (
        <Text size="sm" data-figure-saved>
          {t('iid.figure.current', {
            value: figure.kind === 'numeric' ? formatDecimal(saved.value) + unit : saved.value,
            level: indicator.claimedLevel ?? '–',
            source: saved.source,
          })}
        </Text>
      ) : null}
      {chosenRule !== null && !answer.isPending ? (
        <Alert color="blue" variant="light" p="xs" role="status">
          {t('iid.figure.chosen', { level: chosenRule })}
        </Alert>
      ) : null}
      {canAnswer ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Stack gap="xs">
            {isStale ? (
              <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert" title={t('iid.staleTitle')}>
                <Group gap="xs" justify="space-between">
                  <Text size="sm">{t('iid.staleText')}</Text>
                  <Button size="xs" color="red" onClick={() => void onDone(null).then(() => answer.reset())}>
                    {t('assessment.reload')}
                  </Button>
                </Group>
              </Alert>
            ) : showAlert ? (
              <FormErrorAlert error={answer.error} unplaced={unplaced} />
            ) : null}
            <Group gap="xs" align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
              {figure.kind === 'numeric' ? (
                <TextInput
                  label={`${figure.name}${unit}`}
                  description={t('iid.figure.valueHint', { decimals: figure.decimals })}
                  inputMode="decimal"
                  autoComplete="off"
                  withAsterisk
                  value={value}
                  error={errors.value}
                  onChange={(e) => setValue(e.currentTarget.value)}
                  miw={200}
                />
              ) : (
                <Select
                  label={figure.name}
                  placeholder={t('iid.figure.pick')}
                  withAsterisk
                  data={figure.options.map((o) => ({ value: o.key, label: `${o.key}: ${o.label}` }))}
                  value={value === '' ? null : value}
                  onChange={(v) => setValue(v ?? '')}
                  error={errors.value}
                  comboboxProps={{ withinPortal: true }}
                  miw={200}
                />
              )}
              <TextInput
                label={t('iid.figure.source')}
                placeholder={t('iid.figure.sourcePlaceholder')}
                withAsterisk
                maxLength={300}
                value={source}
                error={errors.source}
                onChange={(e) => setSource(e.currentTarget.value)}
                miw={200}
              />
            </Group>
            <TextInput
              label={t('iid.figure.sourceUrl')}
              placeholder="https://…"
              type="url"
              value={sourceUrl}
              error={errors.sourceUrl}
              onChange={(e) => setSourceUrl(e.currentTarget.value)}
            />
            <Group justify="flex-end" gap="xs">
              <Button type="submit" size="xs" loading={answer.isPending}>
                {t('iid.figure.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}
