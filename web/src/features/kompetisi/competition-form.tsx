/**
 * The admin's set-up of a competition: name, year, kind, categories and proposal sections (one per
 * line, so a long KIPP list is typed quickly), the eligibility rules, and the stages the competition
 * uses with their dates and, for a scored stage, rubric, judges per entry, who advances, weight and
 * normalisation. The server checks everything again; its field messages land next to the fields.
 */
import { Alert, Button, Checkbox, Fieldset, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { COMPETITION_KINDS, isScoredStage, STAGE_CODES } from '#shared/api/competitions.ts';
import type { FieldIssue } from '#shared/errors.ts';
import {
  type CompetitionDetail,
  type CompetitionFormInput,
  competitionKey,
  competitionsKey,
  createCompetition,
  NATIONAL_SCOPE,
  rubricsQuery,
  updateCompetition,
} from '../../api/kompetisi.api.ts';
import { isApiError } from '../../api/http.ts';
import { regionListQuery } from '../../api/regions.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { isFullyPlaced, placeFieldIssues } from '../../components/form-issues.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { kindLabel, stageLabel } from './kompetisi-labels.ts';

interface StageRow {
  code: (typeof STAGE_CODES)[number];
  used: boolean;
  startsOn: string;
  endsOn: string;
  rubricCode: string;
  judgesPerEntry: number;
  advanceKind: 'none' | 'top' | 'passing';
  advanceN: number;
  passingScore: string;
  weight: string;
  normalise: boolean;
}

interface FormValues {
  name: string;
  year: number;
  kind: (typeof COMPETITION_KINDS)[number];
  description: string;
  categories: string;
  /** A national competition's participating provinces and regions (empty: every region). */
  participantRegions: string[];
  sections: string;
  requireVerified: boolean;
  requireInnovatorSk: boolean;
  allowedTahapan: string[];
  minYearsSincePenerapan: number;
  maxEntriesPerUnit: number | string;
  stages: StageRow[];
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

function initialStages(): StageRow[] {
  return STAGE_CODES.map((code, i) => ({
    code,
    used: code !== 'verifikasi_lapangan',
    startsOn: day(i * 14),
    endsOn: day(i * 14 + 13),
    rubricCode: code === 'presentasi' ? 'rubrik-iga-presentasi-2023' : 'rubrik-kipp-proposal-2026',
    judgesPerEntry: 3,
    advanceKind: code === 'penilaian_proposal' ? 'top' : 'none',
    advanceN: 5,
    passingScore: '70',
    weight: code === 'penilaian_proposal' ? '40' : code === 'presentasi' ? '60' : '0',
    normalise: true,
  }));
}

/** "umum Kelompok umum" → {code: 'umum', name: 'Kelompok umum'}. */
function parseCategories(text: string) {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const [code = '', ...rest] = line.split(/\s+/);
      return { code: code.toLowerCase(), name: rest.join(' ') || code };
    });
}

/** "ringkasan 250 Ringkasan inovasi" → {code, wordLimit, title}. */
function parseSections(text: string) {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const [code = '', limit = '', ...rest] = line.split(/\s+/);
      return { code: code.toLowerCase(), wordLimit: Number(limit), title: rest.join(' ') || code, guidance: '' };
    });
}

/** The form as the competition stands, for editing its set-up: a stage it does not use stays unticked with default dates. */
export function valuesOf(c: CompetitionDetail): FormValues {
  const defaults = initialStages();
  return {
    name: c.name,
    year: c.year,
    kind: c.kind,
    description: c.description,
    categories: c.categories.map((cat) => `${cat.code} ${cat.name}`).join('\n'),
    participantRegions: [...c.participantRegions],
    sections: c.sections.map((s) => `${s.code} ${s.wordLimit} ${s.title}`).join('\n'),
    requireVerified: c.eligibility.requireVerified,
    requireInnovatorSk: c.eligibility.requireInnovatorSk,
    allowedTahapan: [...c.eligibility.allowedTahapan],
    minYearsSincePenerapan: c.eligibility.minYearsSincePenerapan,
    maxEntriesPerUnit: c.eligibility.maxEntriesPerUnit ?? '',
    stages: defaults.map((d) => {
      const s = c.stages.find((x) => x.code === d.code);
      if (!s) return { ...d, used: false };
      return {
        code: d.code,
        used: true,
        startsOn: s.startsOn,
        endsOn: s.endsOn,
        rubricCode: s.rubricCode ?? d.rubricCode,
        judgesPerEntry: s.judgesPerEntry,
        advanceKind: s.advanceKind,
        advanceN: s.advanceN ?? d.advanceN,
        passingScore: s.passingScore ?? d.passingScore,
        weight: s.weight,
        normalise: s.normalise,
      };
    }),
  };
}

/** The API refuses to change a set-up once a stage is locked (entrants and judges rely on it) or the competition is decided. */
export function setupEditable(c: CompetitionDetail): boolean {
  return c.status !== 'ditetapkan' && c.status !== 'diumumkan' && !c.stages.some((s) => s.status === 'dikunci');
}

export function toInput(v: FormValues): CompetitionFormInput {
  return {
    name: v.name,
    year: v.year,
    kind: v.kind,
    description: v.description,
    categories: parseCategories(v.categories),
    participantRegions: v.participantRegions,
    sections: parseSections(v.sections),
    eligibility: {
      requireVerified: v.requireVerified,
      requireInnovatorSk: v.requireInnovatorSk,
      allowedTahapan: v.allowedTahapan as ('inisiatif' | 'uji_coba' | 'penerapan')[],
      minYearsSincePenerapan: v.minYearsSincePenerapan,
      maxEntriesPerUnit: v.maxEntriesPerUnit === '' ? null : Number(v.maxEntriesPerUnit),
    },
    stages: v.stages
      .filter((s) => s.used)
      .map((s) => ({
        code: s.code,
        startsOn: s.startsOn,
        endsOn: s.endsOn,
        ...(isScoredStage(s.code)
          ? {
              rubricCode: s.rubricCode,
              judgesPerEntry: s.judgesPerEntry,
              advanceKind: s.advanceKind,
              advanceN: s.advanceKind === 'top' ? s.advanceN : null,
              passingScore: s.advanceKind === 'passing' ? s.passingScore : null,
              weight: s.weight,
              normalise: s.normalise,
            }
          : {}),
      })),
  };
}

export function CompetitionForm({
  regionCode,
  onCreated,
  competition,
}: {
  regionCode: string;
  onCreated: (c: CompetitionDetail) => void;
  /** Given: the form edits this competition's set-up (sent with the version it was read at). */
  competition?: CompetitionDetail;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const rubrics = useQuery(rubricsQuery(regionCode));
  const regions = useQuery({ ...regionListQuery(''), enabled: regionCode === NATIONAL_SCOPE });
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([]);
  const form = useForm<FormValues>({
    initialValues: competition
      ? valuesOf(competition)
      : {
          name: '',
          year: new Date().getFullYear(),
          kind: 'lomba_inovasi_daerah',
          description: '',
          categories: 'opd Perangkat daerah\nkecamatan Kecamatan\nsekolah_puskesmas Sekolah dan puskesmas',
          participantRegions: [],
          sections: 'ringkasan 250 Ringkasan\nlatar_belakang 500 Latar belakang masalah\nhasil 500 Hasil dan manfaat',
          requireVerified: true,
          requireInnovatorSk: false,
          allowedTahapan: ['penerapan'],
          minYearsSincePenerapan: 0,
          maxEntriesPerUnit: '',
          stages: initialStages(),
        },
  });
  const save = useMutation({
    mutationFn: (values: FormValues) =>
      competition
        ? updateCompetition(regionCode, competition.id, { ...toInput(values), version: competition.version })
        : createCompetition(regionCode, toInput(values)),
    onSuccess: (saved) => {
      if (competition) queryClient.setQueryData(competitionKey(regionCode, saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: competitionsKey(regionCode) });
      onCreated(saved);
    },
    onError: (error) => setUnplaced(placeFieldIssues(form, error, ['name', 'year', 'kind', 'description', 'categories', 'sections'])),
  });
  const rubricOptions = (rubrics.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }));

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack>
        {isApiError(save.error, 'STALE_VERSION') ? (
          <Alert color="orange" role="alert" title={t('kompetisi.edit.staleTitle')}>
            {t('kompetisi.edit.stale')}
          </Alert>
        ) : save.error && !isFullyPlaced(save.error, unplaced) ? (
          <FormErrorAlert error={save.error} unplaced={unplaced} />
        ) : null}
        <TextInput label={t('kompetisi.form.name')} required {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput label={t('kompetisi.form.year')} min={2000} max={2100} {...form.getInputProps('year')} />
          <Select
            label={t('kompetisi.form.kind')}
            data={COMPETITION_KINDS.map((k) => ({ value: k, label: t(kindLabel(k)) }))}
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
        </SimpleGrid>
        <Textarea label={t('kompetisi.form.description')} autosize minRows={2} {...form.getInputProps('description')} />
        {regionCode === NATIONAL_SCOPE ? (
          <MultiSelect
            label={t('kompetisi.form.participants')}
            description={t('kompetisi.form.participantsHint')}
            placeholder={form.values.participantRegions.length === 0 ? t('kompetisi.form.participantsAll') : undefined}
            data={(regions.data?.items ?? []).map((r) => ({ value: r.code, label: `${r.code} ${r.name}` }))}
            searchable
            clearable
            nothingFoundMessage={t('kompetisi.form.participantsNone')}
            {...form.getInputProps('participantRegions')}
          />
        ) : null}
        <Textarea
          label={t('kompetisi.form.categories')}
          description={t('kompetisi.form.categoriesHint')}
          autosize
          minRows={3}
          {...form.getInputProps('categories')}
        />
        <Textarea
          label={t('kompetisi.form.sections')}
          description={t('kompetisi.form.sectionsHint')}
          autosize
          minRows={3}
          {...form.getInputProps('sections')}
        />
        <Fieldset legend={t('kompetisi.form.eligibility')}>
          <Stack gap="sm">
            <Checkbox label={t('kompetisi.form.requireVerified')} {...form.getInputProps('requireVerified', { type: 'checkbox' })} />
            <Checkbox label={t('kompetisi.form.requireSk')} {...form.getInputProps('requireInnovatorSk', { type: 'checkbox' })} />
            <MultiSelect
              label={t('kompetisi.form.tahapan')}
              data={[
                { value: 'inisiatif', label: 'Inisiatif' },
                { value: 'uji_coba', label: 'Uji coba' },
                { value: 'penerapan', label: 'Penerapan' },
              ]}
              {...form.getInputProps('allowedTahapan')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NumberInput label={t('kompetisi.form.minYears')} min={0} max={20} {...form.getInputProps('minYearsSincePenerapan')} />
              <NumberInput label={t('kompetisi.form.maxPerUnit')} min={1} max={100} {...form.getInputProps('maxEntriesPerUnit')} />
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <Fieldset legend={t('kompetisi.form.stages')}>
          <Stack gap="md">
            {form.values.stages.map((s, i) => {
              const fixed = s.code === 'pendaftaran' || s.code === 'penetapan';
              return (
                <Stack key={s.code} gap={6}>
                  <Checkbox
                    fw={600}
                    label={t(stageLabel(s.code))}
                    disabled={fixed}
                    aria-label={`${t('kompetisi.form.stageUse')}: ${t(stageLabel(s.code))}`}
                    {...form.getInputProps(`stages.${i}.used`, { type: 'checkbox' })}
                  />
                  {s.used ? (
                    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
                      <TextInput type="date" label={t('kompetisi.form.starts')} {...form.getInputProps(`stages.${i}.startsOn`)} />
                      <TextInput type="date" label={t('kompetisi.form.ends')} {...form.getInputProps(`stages.${i}.endsOn`)} />
                      {isScoredStage(s.code) ? (
                        <>
                          <Select
                            label={t('kompetisi.form.rubric')}
                            data={rubricOptions}
                            allowDeselect={false}
                            {...form.getInputProps(`stages.${i}.rubricCode`)}
                          />
                          <NumberInput
                            label={t('kompetisi.form.judgesPerEntry')}
                            min={1}
                            max={15}
                            {...form.getInputProps(`stages.${i}.judgesPerEntry`)}
                          />
                          <Select
                            label={t('kompetisi.form.advance')}
                            allowDeselect={false}
                            data={(['none', 'top', 'passing'] as const).map((k) => ({ value: k, label: t(`kompetisi.form.advance.${k}`) }))}
                            {...form.getInputProps(`stages.${i}.advanceKind`)}
                          />
                          {s.advanceKind === 'top' ? (
                            <NumberInput label={t('kompetisi.form.advanceN')} min={1} {...form.getInputProps(`stages.${i}.advanceN`)} />
                          ) : null}
                          {s.advanceKind === 'passing' ? (
                            <TextInput label={t('kompetisi.form.passingScore')} {...form.getInputProps(`stages.${i}.passingScore`)} />
                          ) : null}
                          <TextInput label={t('kompetisi.form.weight')} {...form.getInputProps(`stages.${i}.weight`)} />
                          <Checkbox
                            mt="lg"
                            label={t('kompetisi.form.normalise')}
                            {...form.getInputProps(`stages.${i}.normalise`, { type: 'checkbox' })}
                          />
                        </>
                      ) : null}
                    </SimpleGrid>
                  ) : null}
                </Stack>
              );
            })}
          </Stack>
        </Fieldset>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {competition ? t('kompetisi.edit.submit') : t('kompetisi.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
