/**
 * The lead unit's report of one quarter: status (terhambat asks for the reason), KPI realisation per
 * output (cumulative within the year, next to that year's target), budget realised, a note, and
 * evidence files. Choosing a quarter already reported loads what was sent, to correct it.
 */
import { Alert, Button, FileInput, Group, NumberInput, Radio, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPaperclip } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FieldIssue } from '#shared/errors.ts';
import { isApiError } from '../../api/http.ts';
import { kotaCerdasKey, type ProgrammeDetail, reportQuarter, uploadProgressEvidence } from '../../api/kota-cerdas.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { isFullyPlaced, placeFieldIssues } from '../../components/form-issues.ts';
import { useErrorText } from '../../components/use-error-text.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { PROGRESS_STATUSES, STATUS_LABELS } from './kota-cerdas-labels.ts';
import { decimalInput } from './programme-form.tsx';

type Status = (typeof PROGRESS_STATUSES)[number];
interface Values {
  year: number | string;
  quarter: string;
  status: Status;
  obstacle: string;
  note: string;
  budgetRealised: string;
  figures: Record<string, string>;
}
const FIELDS = ['status', 'obstacle', 'note', 'budgetRealised', 'quarter', 'year'] as const;

/** The quarter a unit most likely reports now: the one after the last reported, within the span. */
export function nextQuarter(p: ProgrammeDetail): { year: number; quarter: number } {
  const last = p.reports[0];
  if (!last) return { year: p.startYear, quarter: p.startQuarter };
  const next = last.quarter === 4 ? { year: last.year + 1, quarter: 1 } : { year: last.year, quarter: last.quarter + 1 };
  return next.year * 4 + next.quarter > p.endYear * 4 + p.endQuarter ? { year: last.year, quarter: last.quarter } : next;
}

function valuesFor(p: ProgrammeDetail, year: number, quarter: number): Values {
  const r = p.reports.find((x) => x.year === year && x.quarter === quarter);
  return {
    year,
    quarter: String(quarter),
    status: r?.status ?? 'berjalan',
    obstacle: r?.obstacle ?? '',
    note: r?.note ?? '',
    budgetRealised: r?.budgetRealised ?? '',
    figures: Object.fromEntries((r?.figures ?? []).map((f) => [f.outputId, f.realised])),
  };
}

export function QuarterReportForm({
  regionCode,
  programme,
  initial,
  onDone,
}: {
  regionCode: string;
  programme: ProgrammeDetail;
  initial?: { year: number; quarter: number } | undefined;
  onDone: () => void;
}) {
  const { t, formatDecimal } = useI18n();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const start = initial ?? nextQuarter(programme);
  const form = useForm<Values>({ initialValues: valuesFor(programme, start.year, start.quarter) });
  const [files, setFiles] = useState<File[]>([]);
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([]);
  const v = form.getValues();
  const year = Number(v.year);
  const existing = programme.reports.find((r) => r.year === year && r.quarter === Number(v.quarter));

  const pick = (nextYear: number, nextQuarter: number) => {
    if (!Number.isInteger(nextYear)) return;
    form.setValues(valuesFor(programme, nextYear, nextQuarter));
  };

  const save = useMutation({
    mutationFn: async (values: Values) => {
      const y = Number(values.year);
      const q = Number(values.quarter);
      await reportQuarter(regionCode, programme.id, y, q, {
        status: values.status,
        obstacle: values.obstacle || null,
        note: values.note,
        budgetRealised: decimalInput(values.budgetRealised) || '0',
        figures: programme.outputs.flatMap((o) => {
          const realised = decimalInput(values.figures[o.id] ?? '');
          return realised ? [{ outputId: o.id, realised }] : [];
        }),
        version: existing?.version ?? null,
      });
      // The report stands once saved; a refused file is named, not a reason to lose the report.
      const failed: string[] = [];
      for (const file of files) {
        try {
          await uploadProgressEvidence(regionCode, programme.id, y, q, file);
        } catch (error) {
          failed.push(t('kc.report.evidenceFailed', { file: file.name, reason: errorText(error) }));
        }
      }
      return { y, q, failed };
    },
    onSuccess: async ({ y, q, failed }) => {
      notifications.show({ color: 'green', message: t('kc.report.saved', { year: y, quarter: q }) });
      for (const message of failed) notifications.show({ color: 'orange', message, autoClose: false });
      await queryClient.invalidateQueries({ queryKey: kotaCerdasKey(regionCode) });
      onDone();
    },
    onError: (error) => setUnplaced(placeFieldIssues(form, error, FIELDS)),
  });

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack>
        <SimpleGrid cols={2}>
          <NumberInput
            label={t('kc.report.year')}
            required
            min={programme.startYear}
            max={programme.endYear}
            allowDecimal={false}
            value={v.year}
            error={form.errors.year}
            onChange={(value) => pick(Number(value), Number(v.quarter))}
          />
          <Select
            label={t('kc.report.quarter')}
            required
            allowDeselect={false}
            data={['1', '2', '3', '4'].map((q) => ({ value: q, label: `TW${q}` }))}
            value={v.quarter}
            error={form.errors.quarter}
            onChange={(value) => pick(year, Number(value ?? 1))}
          />
        </SimpleGrid>
        {existing ? (
          <Alert color="blue" variant="light">
            {t('kc.detail.reportThis', { year: existing.year, quarter: existing.quarter })}
          </Alert>
        ) : null}
        <Radio.Group label={t('kc.report.status')} required {...form.getInputProps('status')}>
          <Group mt={4}>
            {PROGRESS_STATUSES.map((s) => (
              <Radio key={s} value={s} label={t(STATUS_LABELS[s])} />
            ))}
          </Group>
        </Radio.Group>
        {v.status === 'terhambat' ? (
          <Textarea label={t('kc.report.obstacle')} required autosize minRows={2} {...form.getInputProps('obstacle')} />
        ) : null}
        <Text size="sm" c="dimmed">
          {t('kc.report.cumulative')}
        </Text>
        {programme.outputs.map((o) => {
          const target = o.targets.find((x) => x.year === year)?.target;
          return (
            <TextInput
              key={o.id}
              inputMode="decimal"
              label={
                target === undefined
                  ? t('kc.report.figureNoTarget', { kpi: o.kpiName, uom: o.unitOfMeasure })
                  : t('kc.report.figure', { kpi: o.kpiName, uom: o.unitOfMeasure, year, target: formatDecimal(target) })
              }
              value={v.figures[o.id] ?? ''}
              onChange={(e) => form.setFieldValue('figures', { ...v.figures, [o.id]: e.currentTarget.value })}
            />
          );
        })}
        <TextInput label={t('kc.report.budget')} inputMode="decimal" {...form.getInputProps('budgetRealised')} />
        <Textarea label={t('kc.report.note')} autosize minRows={2} {...form.getInputProps('note')} />
        <FileInput
          label={t('kc.report.evidence')}
          multiple
          clearable
          clearButtonProps={{ 'aria-label': t('kc.report.clearFiles') }}
          accept="application/pdf,image/png,image/jpeg,image/webp"
          leftSection={<IconPaperclip size={16} aria-hidden />}
          value={files}
          onChange={setFiles}
        />
        {save.isError && !isFullyPlaced(save.error, unplaced) ? <FormErrorAlert error={save.error} unplaced={unplaced} /> : null}
        {isApiError(save.error, 'FORBIDDEN') ? (
          <Text size="sm" c="red">
            {t('kc.detail.leadOnly', { unit: programme.leadUnitName })}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('kc.report.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
