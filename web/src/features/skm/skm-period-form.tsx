/**
 * Opening or changing a survey period: the year (or one semester of it), its dates, which services it
 * covers (all, or chosen ones), how long one device waits before answering the same service again, the
 * questionnaire's wording per unsur (the nine unsur are the regulation's and stay; the region may word
 * the questions and the four answers its own way), and the IKM framework version if not the one
 * effective in the year. Checked with the shared `skmPeriodInput` schema before it is sent.
 */
import {
  Accordion,
  Alert,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { DEFAULT_QUESTIONS } from '#domain/services/skm.ts';
import { skmPeriodInput } from '#shared/api/skm.ts';
import type { FieldIssue } from '#shared/errors.ts';
import { frameworkVersionListQueryOptions } from '../../api/assessments.api.ts';
import { isApiError } from '../../api/http.ts';
import { serviceListQueryOptions } from '../../api/services.api.ts';
import { createSkmPeriod, fetchSkmPeriod, type SkmPeriod, skmKey, updateSkmPeriod } from '../../api/skm.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { isFullyPlaced, placeFieldIssues } from '../../components/form-issues.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { UNSUR_KEYS, UNSUR_LABELS, type UnsurKey } from './skm-labels.ts';

interface Wording {
  question: string;
  options: [string, string, string, string];
}

interface Values {
  year: number | string;
  /** '' = the whole year. */
  semester: '' | '1' | '2';
  startsOn: string;
  endsOn: string;
  scope: 'all' | 'chosen';
  serviceIds: string[];
  deviceIntervalHours: number | string;
  /** '' = the version effective in the period's year. */
  frameworkVersionId: string;
  questions: Record<UnsurKey, Wording>;
}

const FIELDS = ['year', 'semester', 'startsOn', 'endsOn', 'serviceIds', 'deviceIntervalHours', 'frameworkVersionId', 'questions'] as const;
const validateShape = schemaResolver(skmPeriodInput, { sync: true });

const defaultQuestions = (): Record<UnsurKey, Wording> =>
  Object.fromEntries(UNSUR_KEYS.map((k) => [k, { question: DEFAULT_QUESTIONS[k].question, options: [...DEFAULT_QUESTIONS[k].options] }])) as Record<
    UnsurKey,
    Wording
  >;

function questionsOf(period: SkmPeriod): Record<UnsurKey, Wording> {
  const base = defaultQuestions();
  for (const k of UNSUR_KEYS) {
    const q = period.questions[k];
    if (q && q.options.length === 4)
      base[k] = { question: q.question, options: [q.options[0] ?? '', q.options[1] ?? '', q.options[2] ?? '', q.options[3] ?? ''] };
  }
  return base;
}

/** The dates a semester or year usually spans, as a starting point the admin may change. */
function datesOf(year: number, semester: Values['semester']): { startsOn: string; endsOn: string } {
  if (semester === '1') return { startsOn: `${year}-01-01`, endsOn: `${year}-06-30` };
  if (semester === '2') return { startsOn: `${year}-07-01`, endsOn: `${year}-12-31` };
  return { startsOn: `${year}-01-01`, endsOn: `${year}-12-31` };
}

function valuesOf(period: SkmPeriod | null, nextYear: number, chosen: string[]): Values {
  if (period) {
    return {
      year: period.year,
      semester: period.semester === 1 ? '1' : period.semester === 2 ? '2' : '',
      startsOn: period.startsOn,
      endsOn: period.endsOn,
      scope: period.allServices ? 'all' : 'chosen',
      serviceIds: chosen,
      deviceIntervalHours: period.deviceIntervalHours,
      frameworkVersionId: period.frameworkVersionId ?? '',
      questions: questionsOf(period),
    };
  }
  return {
    year: nextYear,
    semester: '',
    ...datesOf(nextYear, ''),
    scope: 'all',
    serviceIds: [],
    deviceIntervalHours: 24,
    frameworkVersionId: '',
    questions: defaultQuestions(),
  };
}

/** NumberInput gives '' when empty; the schema then says the field is required. */
const toNumber = (v: number | string): number => (typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v));

function inputOf(values: Values) {
  return {
    year: toNumber(values.year),
    semester: values.semester === '' ? null : (Number(values.semester) as 1 | 2),
    startsOn: values.startsOn,
    endsOn: values.endsOn,
    allServices: values.scope === 'all',
    serviceIds: values.scope === 'all' ? [] : values.serviceIds,
    deviceIntervalHours: toNumber(values.deviceIntervalHours),
    frameworkVersionId: values.frameworkVersionId === '' ? null : values.frameworkVersionId,
    questions: Object.fromEntries(UNSUR_KEYS.map((k) => [k, { question: values.questions[k].question, options: [...values.questions[k].options] }])),
  };
}

export function SkmPeriodForm({
  regionCode,
  period,
  chosenServiceIds = [],
  nextYear,
  onDone,
  onCreated,
}: {
  regionCode: string;
  period: SkmPeriod | null;
  /** The services an existing period with chosen services covers now. */
  chosenServiceIds?: string[];
  nextYear: number;
  onDone: () => void;
  onCreated?: (period: SkmPeriod) => void;
}) {
  const { t, pick } = useI18n();
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(period?.version ?? 1);
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([]);
  const [staleNotice, setStaleNotice] = useState(false);
  const services = useQuery(serviceListQueryOptions(regionCode, { pageSize: 200, sort: 'unitName' }));
  const versions = useQuery(frameworkVersionListQueryOptions(regionCode));
  const serviceOptions = (services.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.name} · ${s.unitName}` }));
  const frameworkOptions = [
    { value: '', label: t('skm.form.frameworkAuto') },
    ...(versions.data?.items ?? []).filter((v) => v.inputKind === 'survey').map((v) => ({ value: v.id, label: `${v.name} · ${v.version}` })),
  ];
  const form = useForm<Values>({
    initialValues: valuesOf(period, nextYear, chosenServiceIds),
    validate: (values) => validateShape(inputOf(values) as unknown as Values),
  });

  const save = useMutation({
    mutationFn: (values: Values) => {
      const input = inputOf(values);
      return period ? updateSkmPeriod(regionCode, period.id, { ...input, version }) : createSkmPeriod(regionCode, input);
    },
    onSuccess: async (saved) => {
      notifications.show({ color: 'green', message: t(period ? 'skm.form.updated' : 'skm.form.created', { label: saved.label }) });
      await queryClient.invalidateQueries({ queryKey: skmKey(regionCode) });
      onDone();
      if (!period) onCreated?.(saved);
    },
    onError: async (error) => {
      setUnplaced(placeFieldIssues(form, error, FIELDS));
      if (period && isApiError(error, 'STALE_VERSION')) {
        const latest = await fetchSkmPeriod(regionCode, period.id).catch(() => null);
        if (latest) {
          form.setValues(valuesOf(latest, nextYear, form.values.serviceIds));
          setVersion(latest.version);
          setStaleNotice(true);
        }
        await queryClient.invalidateQueries({ queryKey: skmKey(regionCode) });
      }
    },
  });

  /** Changing the year or semester moves dates the admin has not changed by hand. */
  const setPeriodOf = (year: number | string, semester: Values['semester']) => {
    const before = datesOf(toNumber(form.values.year), form.values.semester);
    const untouched = form.values.startsOn === before.startsOn && form.values.endsOn === before.endsOn;
    form.setFieldValue('year', year);
    form.setFieldValue('semester', semester);
    const y = toNumber(year);
    if (untouched && Number.isInteger(y) && y > 2000) form.setValues(datesOf(y, semester));
  };

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setStaleNotice(false);
        save.mutate(values);
      })}
    >
      <Stack>
        {save.error && !isFullyPlaced(save.error, unplaced) ? <FormErrorAlert error={save.error} unplaced={unplaced} /> : null}
        {staleNotice ? (
          <Alert color="yellow" variant="light" icon={<IconRefresh aria-hidden />} role="status">
            {t('unitForm.reloaded')}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <NumberInput
            label={t('skm.form.year')}
            withAsterisk
            min={2017}
            max={2100}
            allowDecimal={false}
            thousandSeparator=""
            data-autofocus
            {...form.getInputProps('year')}
            onChange={(v) => setPeriodOf(v, form.values.semester)}
          />
          <Select
            label={t('skm.form.semester')}
            data={[
              { value: '', label: t('skm.form.semesterNone') },
              { value: '1', label: t('skm.form.semester1') },
              { value: '2', label: t('skm.form.semester2') },
            ]}
            allowDeselect={false}
            {...form.getInputProps('semester')}
            onChange={(v) => setPeriodOf(form.values.year, (v ?? '') as Values['semester'])}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput type="date" label={t('skm.form.startsOn')} withAsterisk {...form.getInputProps('startsOn')} />
          <TextInput
            type="date"
            label={t('skm.form.endsOn')}
            withAsterisk
            min={form.values.startsOn || undefined}
            {...form.getInputProps('endsOn')}
          />
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="sm" fw={700} id="skm-scope-label">
            {t('skm.form.scope')}
          </Text>
          <SegmentedControl
            aria-labelledby="skm-scope-label"
            data={[
              { value: 'all', label: t('skm.form.scopeAll') },
              { value: 'chosen', label: t('skm.form.scopeChosen') },
            ]}
            {...form.getInputProps('scope')}
          />
        </Stack>
        {form.values.scope === 'chosen' ? (
          <MultiSelect
            label={t('skm.form.services')}
            description={t('skm.form.servicesHint')}
            data={serviceOptions}
            searchable
            clearable
            hidePickedOptions
            maxDropdownHeight={280}
            disabled={services.isPending}
            nothingFoundMessage={t('skm.form.servicesNone')}
            {...form.getInputProps('serviceIds')}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {t('skm.form.scopeAllHint')}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <NumberInput
            label={t('skm.form.deviceInterval')}
            description={t('skm.form.deviceIntervalHint')}
            min={0}
            max={24 * 365}
            allowDecimal={false}
            allowNegative={false}
            suffix={` ${t('skm.form.hours')}`}
            {...form.getInputProps('deviceIntervalHours')}
          />
          <Select
            label={t('skm.form.framework')}
            description={t('skm.form.frameworkHint')}
            data={frameworkOptions}
            allowDeselect={false}
            disabled={versions.isPending}
            {...form.getInputProps('frameworkVersionId')}
          />
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('skm.form.questions')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('skm.form.questionsHint')}
          </Text>
          <Accordion variant="contained" chevronPosition="left">
            {UNSUR_KEYS.map((k) => (
              <Accordion.Item key={k} value={k}>
                <Accordion.Control>
                  <Text size="sm" fw={600} span>
                    {k} · {pick(UNSUR_LABELS[k])}
                  </Text>
                </Accordion.Control>
                <Accordion.Panel>
                  <Stack gap="xs">
                    <Textarea
                      label={t('skm.form.question', { unsur: k })}
                      autosize
                      minRows={2}
                      withAsterisk
                      {...form.getInputProps(`questions.${k}.question`)}
                    />
                    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
                      {[0, 1, 2, 3].map((i) => (
                        <TextInput
                          key={i}
                          label={t('skm.form.option', { value: i + 1 })}
                          withAsterisk
                          {...form.getInputProps(`questions.${k}.options.${i}`)}
                        />
                      ))}
                    </SimpleGrid>
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Stack>
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {period ? t('common.save') : t('skm.form.submitCreate')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
