/**
 * Opening an assessment (for managers): a framework version the region may assess with indicator by
 * indicator (SPBE 2020, Indeks Pemdi 2026, or one the region uploaded), the year and the deadline.
 * Checked with the shared `assessmentCreate` schema; a year already opened is said next to the year.
 */
import { Button, Group, NumberInput, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { FieldIssue } from '#shared/errors.ts';
import { assessmentCreate } from '#shared/api/assessments.ts';
import { assessmentsKey, createAssessment, type FrameworkVersion, frameworkListQueryOptions } from '../../api/assessments.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { isFullyPlaced, placeFieldIssues } from '../../components/form-issues.ts';
import { useI18n } from '../../i18n/i18n.tsx';

interface Values {
  frameworkVersionId: string | null;
  year: number | string;
  deadline: string;
  overrideReason: string;
}

const FIELDS = ['frameworkVersionId', 'year', 'deadline', 'overrideReason'] as const;

const inputOf = (v: Values) => ({
  frameworkVersionId: v.frameworkVersionId ?? '',
  year: typeof v.year === 'number' ? v.year : v.year.trim() === '' ? Number.NaN : Number(v.year),
  deadline: v.deadline || null,
  overrideReason: v.overrideReason.trim() || null,
});

function versionLabel(v: Pick<FrameworkVersion, 'name' | 'version' | 'origin'>, uploaded: string): string {
  return `${v.name} · v${v.version}${v.origin === 'upload' ? ` (${uploaded})` : ''}`;
}

export function AssessmentCreateForm({ regionCode, versions, onDone }: { regionCode: string; versions: FrameworkVersion[]; onDone: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const frameworks = useQuery(frameworkListQueryOptions());
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([]);
  const choices = versions.filter((v) => v.inputKind === 'values');
  const form = useForm<Values>({
    initialValues: {
      frameworkVersionId: choices.length === 1 ? (choices[0]?.id ?? null) : null,
      year: new Date().getFullYear(),
      deadline: '',
      overrideReason: '',
    },
    validate: (values) => {
      const checked = assessmentCreate.safeParse(inputOf(values));
      if (checked.success) return {};
      return Object.fromEntries(checked.error.issues.map((i) => [String(i.path[0] ?? ''), i.message]));
    },
  });

  const create = useMutation({
    mutationFn: (values: Values) => createAssessment(regionCode, inputOf(values)),
    onSuccess: async (detail) => {
      notifications.show({ color: 'green', message: t('assessments.created', { name: detail.frameworkName, year: detail.year }) });
      await queryClient.invalidateQueries({ queryKey: assessmentsKey(regionCode) });
      onDone();
      await navigate(`/penilaian/${detail.id}`);
    },
    onError: (error) => setUnplaced(placeFieldIssues(form, error, FIELDS)),
  });

  const chosen = choices.find((v) => v.id === form.values.frameworkVersionId);
  const about = chosen ? frameworks.data?.items.find((f) => f.id === chosen.frameworkId && f.version === chosen.version) : undefined;
  // Outside the framework's effective years (SPBE 2020 after 2025, Pemdi before 2026) only with a reason.
  const year = Number(form.values.year);
  const isOutsideYears =
    about !== undefined &&
    Number.isInteger(year) &&
    (year < about.effectiveYears.from || (about.effectiveYears.to !== null && year > about.effectiveYears.to));

  return (
    <form noValidate onSubmit={form.onSubmit((values) => create.mutate(values))}>
      <Stack>
        <Text size="sm">{t('assessments.createText')}</Text>
        {create.error && !isFullyPlaced(create.error, unplaced) ? <FormErrorAlert error={create.error} unplaced={unplaced} /> : null}
        <Select
          label={t('assessments.framework')}
          placeholder={t('assessments.frameworkPlaceholder')}
          withAsterisk
          data={choices.map((v) => ({ value: v.id, label: versionLabel(v, t('frameworks.uploaded')) }))}
          comboboxProps={{ withinPortal: true }}
          data-autofocus
          {...form.getInputProps('frameworkVersionId')}
        />
        {about ? (
          <Text size="xs" c="dimmed">
            {about.description}{' '}
            {t('frameworks.effective', { from: about.effectiveYears.from, to: about.effectiveYears.to ?? t('frameworks.onwards') })}
          </Text>
        ) : null}
        <Group grow align="flex-start" gap="sm">
          <NumberInput
            label={t('assessments.year')}
            withAsterisk
            min={2018}
            max={2100}
            allowDecimal={false}
            thousandSeparator=""
            {...form.getInputProps('year')}
          />
          <TextInput type="date" label={t('assessments.deadline')} {...form.getInputProps('deadline')} />
        </Group>
        {isOutsideYears ? (
          <Textarea
            label={t('assessments.overrideReason')}
            description={t('assessments.overrideHelp')}
            autosize
            minRows={2}
            {...form.getInputProps('overrideReason')}
          />
        ) : null}
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('assessments.open')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
